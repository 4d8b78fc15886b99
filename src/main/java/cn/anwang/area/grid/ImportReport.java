package cn.anwang.area.grid;

import java.util.List;

/**
 * What an import did, or in a dry run would do. When anything is rejected nothing is written,
 * {@code created} and {@code updated} are 0 and the API answers 422 with this same body.
 *
 * @param dryRun whether this was a dry run (nothing written in any case)
 * @param created grids created (or that would be)
 * @param updated existing grids updated (or that would be)
 * @param rejected features that cannot be imported, by their 0-based index in {@code features}
 * @param warnings accepted features with something worth a look (overlaps, outside the district,
 *     repaired geometry)
 */
record ImportReport(
    boolean dryRun, int created, int updated, List<Rejected> rejected, List<Warning> warnings) {

  /** A feature that cannot be imported; {@code code} is null when the feature has none. */
  record Rejected(int index, String code, String reason) {}

  /** Something about an accepted feature that a person should look at. */
  record Warning(int index, String code, String message) {}

  boolean accepted() {
    return rejected.isEmpty();
  }
}
