package cn.anwang.area.locate;

import cn.anwang.area.Location;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Scope;
import cn.anwang.shared.geo.CoordinateSystem;
import cn.anwang.shared.geo.GeoPoint;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Point → grid → village → street → district. Answers only grids inside the caller's territory: a
 * grid outside it is reported as not found, so locate reveals nothing beyond the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/locate")
class LocateController {

  private final LocateService locate;
  private final CurrentActor actors;
  private final LocateProperties properties;

  LocateController(LocateService locate, CurrentActor actors, LocateProperties properties) {
    this.locate = locate;
    this.actors = actors;
    this.properties = properties;
  }

  @GetMapping
  @Operation(
      summary = "The grid, village, street and district at a point",
      description =
          "404 when no grid in your territory covers the point. A point on a grid's edge is in the"
              + " grid, a point in a hole is not; of overlapping grids the smallest wins.")
  Location locate(
      @Parameter(description = "longitude in degrees", example = "117.2")
          @RequestParam(required = false)
          String lon,
      @Parameter(description = "latitude in degrees", example = "39.12")
          @RequestParam(required = false)
          String lat,
      @Parameter(description = "wgs84 (default), gcj02 or bd09") @RequestParam(required = false)
          String crs) {
    GeoPoint point = point(number("lon", lon), number("lat", lat), "");
    CoordinateSystem system = crs(crs);
    return locate
        .locate(point, system, scope())
        .orElseThrow(
            () ->
                ApiProblems.problem(
                    HttpStatus.NOT_FOUND,
                    "Not found",
                    String.format(
                        Locale.ROOT,
                        "No grid in your territory contains the point (%s, %s) in %s",
                        lon.strip(),
                        lat.strip(),
                        system.key())));
  }

  @PostMapping
  @Operation(
      summary = "Locate up to 10,000 points at once",
      description = "One result per point in input order, null where no grid in your territory is.")
  BatchResponse locateAll(@RequestBody BatchRequest request) {
    if (request == null || request.points() == null) {
      throw ApiProblems.badRequest("The body needs \"points\": [[lon, lat], …]");
    }
    double[][] raw = request.points();
    if (raw.length > properties.maxBatchPoints()) {
      throw ApiProblems.problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "Too many points",
          "At most "
              + properties.maxBatchPoints()
              + " points per request, got "
              + raw.length
              + "; split the batch");
    }
    CoordinateSystem system = crs(request.crs());
    List<GeoPoint> points = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      double[] p = raw[i];
      if (p == null || p.length != 2) {
        throw ApiProblems.badRequest("points[" + i + "] must be [lon, lat]");
      }
      points.add(point(p[0], p[1], "points[" + i + "]: "));
    }
    return new BatchResponse(locate.locateAll(points, system, scope()));
  }

  private Scope scope() {
    return actors.require().scope();
  }

  private static double number(String name, String value) {
    if (value == null || value.isBlank()) {
      throw ApiProblems.badRequest("The query parameter '" + name + "' is required");
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw ApiProblems.badRequest("The query parameter '" + name + "' is not a number: " + value);
    }
  }

  private static GeoPoint point(double lon, double lat, String where) {
    if (!GeoPoint.isValid(lon, lat)) {
      throw ApiProblems.badRequest(
          where
              + "lon must be in [-180, 180] and lat in [-90, 90], got ("
              + lon
              + ", "
              + lat
              + ")");
    }
    return new GeoPoint(lon, lat);
  }

  private static CoordinateSystem crs(String key) {
    if (key == null || key.isBlank()) {
      return CoordinateSystem.WGS84;
    }
    return CoordinateSystem.parse(key)
        .orElseThrow(
            () ->
                ApiProblems.badRequest(
                    "Unknown coordinate system '" + key + "'; use wgs84, gcj02 or bd09"));
  }

  /**
   * A batch of points.
   *
   * @param crs wgs84 (default), gcj02 or bd09
   * @param points [lon, lat] pairs
   */
  record BatchRequest(String crs, double[][] points) {}

  /** One result per point, in input order; null where no grid (in scope) covers the point. */
  record BatchResponse(List<Location> results) {}
}
