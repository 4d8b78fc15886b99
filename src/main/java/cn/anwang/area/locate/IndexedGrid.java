package cn.anwang.area.locate;

import cn.anwang.area.Location;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;

/**
 * A grid as the locate index takes it in. Public only so the benchmark (test code in another
 * package) can build an index without a database; no other module uses it.
 *
 * @param geometry WGS-84 Polygon or MultiPolygon (lon, lat)
 * @param areaM2 area in square metres, which orders overlapping grids
 * @param location what a locate answers for this grid; its grid code identifies the grid
 */
public record IndexedGrid(Geometry geometry, double areaM2, Location location) {

  public IndexedGrid {
    Objects.requireNonNull(location, "location");
    if (!(geometry instanceof Polygonal) || geometry.isEmpty()) {
      throw new IllegalArgumentException(
          "Grid " + location.grid().code() + " is not a non-empty Polygon or MultiPolygon");
    }
  }

  public String code() {
    return location.grid().code();
  }
}
