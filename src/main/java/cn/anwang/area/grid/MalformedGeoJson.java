package cn.anwang.area.grid;

/**
 * The upload is not a readable GeoJSON FeatureCollection at all; nothing can be reported per
 * feature.
 */
class MalformedGeoJson extends GridProblem {

  private MalformedGeoJson(GridMessage reason, Throwable cause) {
    super(reason, cause);
  }

  /** The parser's own explanation (English, technical) is passed on as it is. */
  static MalformedGeoJson notJson(Throwable cause) {
    return cause.getMessage() == null
        ? new MalformedGeoJson(GridMessage.of("grid.problem.notJson"), cause)
        : new MalformedGeoJson(
            GridMessage.of("grid.problem.notJson.because", firstLine(cause.getMessage())), cause);
  }

  static MalformedGeoJson notAFeatureCollection(String actualType) {
    return new MalformedGeoJson(
        actualType == null
            ? GridMessage.of("grid.problem.notAFeatureCollection.untyped")
            : GridMessage.of("grid.problem.notAFeatureCollection", actualType),
        null);
  }

  static MalformedGeoJson featuresNotAnArray() {
    return new MalformedGeoJson(GridMessage.of("grid.problem.featuresNotAnArray"), null);
  }

  static MalformedGeoJson empty() {
    return new MalformedGeoJson(GridMessage.of("grid.problem.empty"), null);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
