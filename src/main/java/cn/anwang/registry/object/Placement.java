package cn.anwang.registry.object;

import cn.anwang.shared.geo.ChinaCoordinates;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;

/**
 * Turns a typed location into the WGS-84 point the registry stores: converted from GCJ-02 or BD-09,
 * rejected when it lies outside Tianjin, with a hint when longitude and latitude were swapped.
 */
final class Placement {

  /** Tianjin's bounding box (WGS-84) with a small margin. */
  static final double MIN_LON = 116.65;

  static final double MAX_LON = 118.10;
  static final double MIN_LAT = 38.50;
  static final double MAX_LAT = 40.30;

  private Placement() {}

  /**
   * The WGS-84 point of a typed location.
   *
   * @param crs the system the numbers are in; null means WGS-84
   * @throws ObjectRejected outside Tianjin or swapped
   */
  static GeoPoint toWgs84(double lon, double lat, CoordinateSystem crs) {
    if (inTianjin(lat, lon) && !inTianjin(lon, lat)) {
      throw ObjectRejected.swapped(lon, lat);
    }
    if (!GeoPoint.isValid(lon, lat)) {
      throw ObjectRejected.outsideTianjin(lon, lat);
    }
    GeoPoint wgs =
        ChinaCoordinates.toWgs84(
            new GeoPoint(lon, lat), crs == null ? CoordinateSystem.WGS84 : crs);
    if (!inTianjin(wgs.lon(), wgs.lat())) {
      throw ObjectRejected.outsideTianjin(lon, lat);
    }
    return wgs;
  }

  static boolean inTianjin(double lon, double lat) {
    return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
  }
}
