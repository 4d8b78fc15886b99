package cn.anwang.shared.geo;

/**
 * The published conversions between WGS-84, GCJ-02 and BD-09.
 *
 * <p>WGS-84 → GCJ-02 is the widely published "eviltransform" formula (Krasovsky 1940 ellipsoid, a =
 * 6378245.0, e² = 0.00669342162296594323); outside China's bounding box it is the identity, as in
 * every public implementation. GCJ-02 → WGS-84 has no closed form: it is inverted here by
 * fixed-point iteration until the forward transform of the answer lands within 1e-10° of the input
 * (about 0.01 mm), not the common one-step approximation that errs by up to a few metres. GCJ-02 ↔
 * BD-09 use Baidu's published formula (x_pi = π·3000/180); BD-09 → GCJ-02 is likewise refined
 * iteratively.
 */
public final class ChinaCoordinates {

  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;
  private static final double X_PI = Math.PI * 3000.0 / 180.0;
  private static final double TOLERANCE = 1e-10;
  private static final int MAX_ITERATIONS = 50;

  private ChinaCoordinates() {}

  /** Converts a point from one system to another. */
  public static GeoPoint convert(GeoPoint point, CoordinateSystem from, CoordinateSystem to) {
    if (from == to) {
      return point;
    }
    GeoPoint wgs =
        switch (from) {
          case WGS84 -> point;
          case GCJ02 -> gcj02ToWgs84(point);
          case BD09 -> gcj02ToWgs84(bd09ToGcj02(point));
        };
    return switch (to) {
      case WGS84 -> wgs;
      case GCJ02 -> wgs84ToGcj02(wgs);
      case BD09 -> gcj02ToBd09(wgs84ToGcj02(wgs));
    };
  }

  /** A point in {@code crs} as WGS-84. */
  public static GeoPoint toWgs84(GeoPoint point, CoordinateSystem crs) {
    return convert(point, crs, CoordinateSystem.WGS84);
  }

  /** Whether the point lies outside the bounding box in which GCJ-02 shifts coordinates. */
  public static boolean outOfChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  public static GeoPoint wgs84ToGcj02(GeoPoint wgs) {
    double lon = wgs.lon();
    double lat = wgs.lat();
    if (outOfChina(lon, lat)) {
      return wgs;
    }
    double dLat = shiftLat(lon - 105.0, lat - 35.0);
    double dLon = shiftLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new GeoPoint(lon + dLon, lat + dLat);
  }

  public static GeoPoint gcj02ToWgs84(GeoPoint gcj) {
    if (outOfChina(gcj.lon(), gcj.lat())) {
      return gcj;
    }
    // The shift varies slowly (its derivative is ~1e-3), so x ← x − (f(x) − target) converges
    // by about three digits per step.
    double lon = gcj.lon();
    double lat = gcj.lat();
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      GeoPoint forward = wgs84ToGcj02(new GeoPoint(lon, lat));
      double errLon = forward.lon() - gcj.lon();
      double errLat = forward.lat() - gcj.lat();
      if (Math.abs(errLon) < TOLERANCE && Math.abs(errLat) < TOLERANCE) {
        break;
      }
      lon -= errLon;
      lat -= errLat;
    }
    return new GeoPoint(lon, lat);
  }

  public static GeoPoint gcj02ToBd09(GeoPoint gcj) {
    double x = gcj.lon();
    double y = gcj.lat();
    double z = Math.sqrt(x * x + y * y) + 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) + 0.000003 * Math.cos(x * X_PI);
    return new GeoPoint(z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006);
  }

  public static GeoPoint bd09ToGcj02(GeoPoint bd) {
    // Baidu's published inverse is itself an approximation; refine it against the forward formula.
    double x = bd.lon() - 0.0065;
    double y = bd.lat() - 0.006;
    double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
    double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
    double lon = z * Math.cos(theta);
    double lat = z * Math.sin(theta);
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      GeoPoint forward = gcj02ToBd09(new GeoPoint(lon, lat));
      double errLon = forward.lon() - bd.lon();
      double errLat = forward.lat() - bd.lat();
      if (Math.abs(errLon) < TOLERANCE && Math.abs(errLat) < TOLERANCE) {
        break;
      }
      lon -= errLon;
      lat -= errLat;
    }
    return new GeoPoint(lon, lat);
  }

  private static double shiftLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double shiftLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
