package cn.anwang.area.locate;

import cn.anwang.area.Location;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The oracle for the locate index: every grid tested with JTS {@code covers}, the smallest by area
 * (then code) winning. Public for the benchmark.
 */
public final class BruteForceLocator {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final List<IndexedGrid> grids;

  public BruteForceLocator(List<IndexedGrid> grids) {
    this.grids = List.copyOf(grids);
  }

  /** The grid the index must answer for the point, or null. */
  public Location locate(double lon, double lat) {
    Point point = FACTORY.createPoint(new Coordinate(lon, lat));
    IndexedGrid best = null;
    for (IndexedGrid grid : grids) {
      if (!grid.geometry().getEnvelopeInternal().covers(lon, lat)
          || !grid.geometry().covers(point)) {
        continue;
      }
      if (best == null
          || grid.areaM2() < best.areaM2()
          || (grid.areaM2() == best.areaM2() && grid.code().compareTo(best.code()) < 0)) {
        best = grid;
      }
    }
    return best == null ? null : best.location();
  }
}
