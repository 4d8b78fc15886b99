package cn.anwang.area.grid;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * What an import did, or in a dry run would do. When anything is rejected nothing is written,
 * {@code created} and {@code updated} are 0 and the API answers 422 with this same body, its texts
 * rendered in one language ({@link #in}).
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
  record Rejected(int index, String code, GridMessage reason) {}

  /** Something about an accepted feature that a person should look at. */
  record Warning(int index, String code, GridMessage message) {}

  boolean accepted() {
    return rejected.isEmpty();
  }

  /** The report as the API and the import page show it, every text in this locale. */
  Localized in(MessageSource messages, Locale locale) {
    return new Localized(
        dryRun,
        created,
        updated,
        rejected.stream()
            .map(r -> new Localized.Rejected(r.index(), r.code(), r.reason().in(messages, locale)))
            .toList(),
        warnings.stream()
            .map(w -> new Localized.Warning(w.index(), w.code(), w.message().in(messages, locale)))
            .toList());
  }

  /** The report with its reasons and warnings as text: the API's JSON body (docs/api.md). */
  record Localized(
      boolean dryRun, int created, int updated, List<Rejected> rejected, List<Warning> warnings) {

    /** A feature that cannot be imported; {@code code} is null when the feature has none. */
    record Rejected(int index, String code, String reason) {}

    /** Something about an accepted feature that a person should look at. */
    record Warning(int index, String code, String message) {}

    boolean accepted() {
      return rejected.isEmpty();
    }
  }
}
