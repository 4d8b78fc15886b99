package cn.anwang.area.grid;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The state of a division's grids (PRODUCT §3.1 quality checks).
 *
 * @param gap null when the division has no boundary to compare with
 * @param officers always present; says honestly when officer data does not exist yet
 */
record QualityReport(
    String divisionCode,
    String divisionName,
    String level,
    int gridCount,
    double gridAreaM2,
    List<Overlap> overlaps,
    Gap gap,
    List<InvalidGrid> invalidGrids,
    Officers officers) {

  /** Two grids sharing area; {@code geometry} is the shared part as GeoJSON. */
  record Overlap(
      String codeA, String nameA, String codeB, String nameB, double areaM2, JsonNode geometry) {}

  /**
   * The part of the division's boundary that no grid covers.
   *
   * @param boundarySynthetic whether the boundary itself is demo data
   * @param geometry the uncovered area as GeoJSON (empty GeometryCollection when fully covered)
   */
  record Gap(
      boolean boundarySynthetic,
      double divisionAreaM2,
      double uncoveredAreaM2,
      double coveredPercent,
      JsonNode geometry) {}

  /** A stored grid whose geometry is not valid (should not happen after import; old data may). */
  record InvalidGrid(String code, String name, String reason) {}

  /**
   * Grids without an active officer.
   *
   * @param dataAvailable false when no module reports officer coverage ({@code GridCoverageGaps})
   * @param note what the list means
   * @param uncoveredCount how many grids have no active officer
   * @param gridsWithoutOfficer their codes, in code order
   * @param grids the same grids with their names, for links
   */
  record Officers(
      boolean dataAvailable,
      String note,
      int uncoveredCount,
      List<String> gridsWithoutOfficer,
      List<NamedGrid> grids) {}

  /** A grid's code and name. */
  record NamedGrid(String code, String name) {}
}
