package cn.anwang.shared.geo;

/**
 * A longitude/latitude pair in degrees, in whatever {@link CoordinateSystem} the caller says.
 *
 * @param lon longitude in [-180, 180]
 * @param lat latitude in [-90, 90]
 */
public record GeoPoint(double lon, double lat) {

  public GeoPoint {
    if (!isValid(lon, lat)) {
      throw new IllegalArgumentException(
          "Coordinates out of range: lon must be in [-180, 180] and lat in [-90, 90], got ("
              + lon
              + ", "
              + lat
              + ")");
    }
  }

  /** Whether the pair is finite and within the longitude and latitude ranges. */
  public static boolean isValid(double lon, double lat) {
    return Double.isFinite(lon)
        && Double.isFinite(lat)
        && lon >= -180
        && lon <= 180
        && lat >= -90
        && lat <= 90;
  }
}
