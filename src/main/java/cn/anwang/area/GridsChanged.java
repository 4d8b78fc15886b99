package cn.anwang.area;

import java.util.Set;

/**
 * Grids were created, changed or deleted. Published inside the changing transaction, after {@code
 * grid_index_version} was bumped, so listeners that run after commit (the locate index) see the new
 * state; other servers notice the version.
 *
 * @param districtCodes six-digit codes of the districts whose grids changed; empty when unknown
 *     (treat as "any district")
 * @param reason a short word for the log, e.g. {@code import}, {@code update}, {@code delete}
 */
public record GridsChanged(Set<String> districtCodes, String reason) {

  public GridsChanged {
    districtCodes = districtCodes == null ? Set.of() : Set.copyOf(districtCodes);
  }

  /** A change in unknown districts (e.g. demo data generated for several). */
  public GridsChanged(String reason) {
    this(Set.of(), reason);
  }

  /** A change in these districts. */
  public GridsChanged(Set<String> districtCodes) {
    this(districtCodes, "change");
  }
}
