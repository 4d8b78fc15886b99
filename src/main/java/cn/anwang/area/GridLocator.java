package cn.anwang.area;

import java.util.Optional;

/**
 * Finds the grid that covers a WGS-84 point, from an in-memory index of all grids. Unscoped:
 * callers that answer a user apply the user's scope to the result.
 *
 * <p>A point on a grid's boundary is in the grid (the grid <em>covers</em> it); a point in a hole
 * is not. Where grids overlap, the smallest by area wins, ties broken by the lower grid code.
 */
public interface GridLocator {

  /**
   * The location of a point, if some grid covers it.
   *
   * @param lon WGS-84 longitude in degrees
   * @param lat WGS-84 latitude in degrees
   */
  Optional<Location> locate(double lon, double lat);

  /** The {@code grid_index_version} the index in use was built from (-1 before the first build). */
  long indexVersion();
}
