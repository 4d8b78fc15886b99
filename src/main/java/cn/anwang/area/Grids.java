package cn.anwang.area;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Grids as other modules may read them: by code, and the extent of a district's grids. */
public interface Grids {

  /** The grid with this code, if it exists (whatever the caller's scope: callers check it). */
  Optional<GridRef> find(String code);

  /** Every grid in a division subtree ({@code "12"}: the city), by code. */
  List<GridRef> in(String divisionPrefix);

  /**
   * The grids with these codes as a GeoJSON FeatureCollection with their geometry (WGS-84), in code
   * order; codes that do not exist are left out (callers check the scope).
   */
  String featureCollection(Collection<String> codes);

  /** The bounding box of the district's grids, or empty when the district has none. */
  Optional<Extent> extentOf(String districtCode);

  /**
   * A grid's identity and where it lies in the division tree.
   *
   * @param divisionCode the street or village the grid belongs to
   */
  record GridRef(String code, String name, String divisionCode, String districtCode) {}

  /** A WGS-84 bounding box. */
  record Extent(double minLon, double minLat, double maxLon, double maxLat) {}
}
