package cn.anwang.area.grid;

/**
 * The upload is not a readable GeoJSON FeatureCollection at all; nothing can be reported per
 * feature.
 */
class MalformedGeoJson extends RuntimeException {

  private MalformedGeoJson(String message, Throwable cause) {
    super(message, cause);
  }

  static MalformedGeoJson notJson(Throwable cause) {
    String detail = cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage());
    return new MalformedGeoJson("The body is not valid JSON" + detail, cause);
  }

  static MalformedGeoJson notAFeatureCollection(String actualType) {
    return new MalformedGeoJson(
        "The body is not a GeoJSON FeatureCollection (its type is "
            + (actualType == null ? "missing" : "'" + actualType + "'")
            + ")",
        null);
  }

  static MalformedGeoJson featuresNotAnArray() {
    return new MalformedGeoJson("The FeatureCollection's 'features' member is not an array", null);
  }

  static MalformedGeoJson empty() {
    return new MalformedGeoJson("The body is empty", null);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
