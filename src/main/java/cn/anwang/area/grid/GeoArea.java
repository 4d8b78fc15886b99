package cn.anwang.area.grid;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Areas of WGS-84 (lon, lat) geometries in square metres on a sphere of the WGS-84 equatorial
 * radius. Planar areas in degrees are meaningless (a square degree shrinks with latitude), and a
 * grid's area decides which of two overlapping grids locate answers, so it has to be right.
 */
final class GeoArea {

  private static final double RADIUS = 6_378_137.0;

  private GeoArea() {}

  /** The area of every polygon inside the geometry; zero for lines and points. */
  static double squareMetres(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return 0;
    }
    double total = 0;
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      if (part instanceof Polygon polygon) {
        total += Math.abs(ringArea(polygon.getExteriorRing()));
        for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
          total -= Math.abs(ringArea(polygon.getInteriorRingN(h)));
        }
      } else if (part != geometry) {
        total += squareMetres(part);
      }
    }
    return Math.max(0, total);
  }

  // Spherical excess approximation (Chamberlain & Duquette, JPL 2007), as used by turf.js.
  private static double ringArea(LineString ring) {
    Coordinate[] c = ring.getCoordinates();
    int n = c.length;
    if (n < 4) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < n - 1; i++) {
      Coordinate lower = c[i];
      Coordinate middle = c[(i + 1) % (n - 1)];
      Coordinate upper = c[(i + 2) % (n - 1)];
      sum +=
          (Math.toRadians(upper.x) - Math.toRadians(lower.x)) * Math.sin(Math.toRadians(middle.y));
    }
    return sum * RADIUS * RADIUS / 2;
  }
}
