package cn.anwang.shared.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Area in square metres of a WGS-84 (lon/lat) polygon, by a local equirectangular projection at the
 * geometry's centroid latitude: x = R·cos(φ₀)·λ, y = R·φ, R = 6,371,008.8 m (the mean Earth
 * radius). For grid-sized polygons (well under 100 km across) in Tianjin this is within about 0.5 %
 * of the ellipsoidal area, ample for choosing the smallest of overlapping grids and for reports.
 * Every grid's stored area comes from here (import, edit and demo data alike), so that overlapping
 * grids are compared by one measure. Lines and points have no area; holes are subtracted.
 */
public final class GeodesicArea {

  private static final double EARTH_RADIUS_M = 6_371_008.8;

  private GeodesicArea() {}

  public static double squareMetres(Geometry geometry) {
    if (geometry == null || geometry.isEmpty()) {
      return 0;
    }
    Point centroid = geometry.getCentroid();
    double lat0 = Math.toRadians(centroid.isEmpty() ? geometry.getCoordinate().y : centroid.getY());
    // the projection is linear, so the planar area in deg² scales by (π/180)² · R² · cos φ₀
    double metresPerDegree = Math.PI / 180.0 * EARTH_RADIUS_M;
    return geometry.getArea() * metresPerDegree * metresPerDegree * Math.cos(lat0);
  }

  /** The distance in metres between two nearby WGS-84 points, by the same projection. */
  public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
    double phi0 = Math.toRadians((lat1 + lat2) / 2);
    double dx = Math.toRadians(lon2 - lon1) * Math.cos(phi0) * EARTH_RADIUS_M;
    double dy = Math.toRadians(lat2 - lat1) * EARTH_RADIUS_M;
    return Math.hypot(dx, dy);
  }
}
