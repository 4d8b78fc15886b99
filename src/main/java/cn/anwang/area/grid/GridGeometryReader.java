package cn.anwang.area.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Turns a GeoJSON geometry into a grid's JTS (lon, lat) Polygon or MultiPolygon, or says exactly
 * why it cannot. Reads the coordinates itself instead of through JTS's GeoJSON reader so that every
 * defect (swapped axes, open rings, too few points) gets its own plain reason, as a {@link
 * GridMessage} under {@code grid.geometry.*} that names the part of the geometry it is about.
 */
final class GridGeometryReader {

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /**
   * The outcome for one feature: a geometry, or a rejection reason; warnings may accompany a
   * geometry (e.g. it was repaired).
   */
  record Outcome(Geometry geometry, GridMessage rejection, List<GridMessage> warnings) {

    static Outcome rejected(String key, Object... args) {
      return new Outcome(null, GridMessage.of(key, args), List.of());
    }

    boolean accepted() {
      return geometry != null;
    }
  }

  private GridGeometryReader() {}

  /**
   * Reads the geometry member of a feature.
   *
   * @param node the member's value; null when the member is absent
   * @param repair whether to repair invalid geometry (GeometryFixer) and close open rings instead
   *     of rejecting them
   */
  static Outcome read(JsonNode node, boolean repair) {
    if (node == null || node.isMissingNode()) {
      return Outcome.rejected("grid.geometry.missing");
    }
    if (node.isNull()) {
      return Outcome.rejected("grid.geometry.null");
    }
    if (!node.isObject() || !node.path("type").isString()) {
      return Outcome.rejected("grid.geometry.notAGeometry");
    }
    String type = node.get("type").stringValue();
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      return Outcome.rejected("grid.geometry.wrongType", type);
    }
    List<GridMessage> warnings = new ArrayList<>();
    try {
      JsonNode coordinates = node.path("coordinates");
      if (!coordinates.isArray()) {
        throw new Rejection("grid.geometry.noCoordinates", type);
      }
      List<List<List<Coordinate>>> polygons = new ArrayList<>();
      if (type.equals("Polygon")) {
        polygons.add(rings(coordinates, 0, type));
      } else {
        if (coordinates.isEmpty()) {
          throw new Rejection("grid.geometry.noPolygons");
        }
        for (int p = 0; p < coordinates.size(); p++) {
          polygons.add(rings(coordinates.get(p), p, type));
        }
      }
      checkAxes(polygons);
      Geometry geometry = build(type, polygons, repair, warnings);
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null) {
        GridMessage where = describe(error);
        if (!repair) {
          throw new Rejection("grid.geometry.invalid", where);
        }
        Geometry fixed = polygonal(GeometryFixer.fix(geometry));
        if (fixed.isEmpty()) {
          throw new Rejection("grid.geometry.invalidUnrepairable", where);
        }
        warnings.add(GridMessage.of("grid.geometry.repaired", where));
        geometry = fixed;
      }
      return new Outcome(geometry, null, List.copyOf(warnings));
    } catch (Rejection r) {
      return new Outcome(null, r.reason, List.of());
    }
  }

  /** A point in lon/lat order for messages, six decimals (about 0.1 m). */
  static String point(double x, double y) {
    return String.format(Locale.ROOT, "(%.6f, %.6f)", x, y);
  }

  /**
   * What JTS found wrong and where, e.g. a self-intersection at a point. JTS's own texts are
   * English only, so its error types ({@code grid.topology.0} to {@code .11}) have keys of ours.
   */
  static GridMessage describe(TopologyValidationError error) {
    Coordinate c = error.getCoordinate();
    GridMessage what = GridMessage.of("grid.topology." + error.getErrorType());
    return c == null ? what : GridMessage.of("grid.topology.at", what, point(c.x, c.y));
  }

  /** The polygon a reason is about: the Polygon, or one of a MultiPolygon by 1-based number. */
  private static GridMessage polygon(int p, String type, boolean subject) {
    String key = type.equals("Polygon") ? "grid.geometry.polygon" : "grid.geometry.polygonOfMulti";
    return GridMessage.of(subject ? key + ".subject" : key, p + 1);
  }

  /** A ring of a polygon: its exterior (ring 0) or one of its holes (1-based). */
  private static GridMessage ring(int r, GridMessage polygon) {
    return r == 0
        ? GridMessage.of("grid.geometry.exterior", polygon)
        : GridMessage.of("grid.geometry.hole", r, polygon);
  }

  private static List<List<Coordinate>> rings(JsonNode node, int p, String type) {
    if (!node.isArray()) {
      throw new Rejection("grid.geometry.notRings", polygon(p, type, true));
    }
    if (node.isEmpty()) {
      throw new Rejection("grid.geometry.noRings", polygon(p, type, true));
    }
    List<List<Coordinate>> rings = new ArrayList<>();
    for (int r = 0; r < node.size(); r++) {
      GridMessage ring = ring(r, polygon(p, type, false));
      JsonNode positions = node.get(r);
      if (!positions.isArray()) {
        throw new Rejection("grid.geometry.notPositions", ring);
      }
      List<Coordinate> coordinates = new ArrayList<>(positions.size());
      for (int i = 0; i < positions.size(); i++) {
        JsonNode position = positions.get(i);
        if (!position.isArray()
            || position.size() < 2
            || !position.get(0).isNumber()
            || !position.get(1).isNumber()) {
          throw new Rejection("grid.geometry.malformedPosition", ring, i);
        }
        double x = position.get(0).doubleValue();
        double y = position.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          throw new Rejection("grid.geometry.nonFinite", ring, i);
        }
        coordinates.add(new Coordinate(x, y));
      }
      rings.add(coordinates);
    }
    return rings;
  }

  /**
   * Swapped axes are checked before the range because a Chinese (lat, lon) pair is also out of
   * range, and "swapped" is the reason the sender can act on.
   */
  private static void checkAxes(List<List<List<Coordinate>>> polygons) {
    Coordinate outOfRange = null;
    boolean allLookSwapped = true;
    for (List<List<Coordinate>> polygon : polygons) {
      for (List<Coordinate> ring : polygon) {
        for (Coordinate c : ring) {
          boolean inRange = Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90;
          if (!inRange && outOfRange == null) {
            outOfRange = c;
          }
          allLookSwapped &= looksSwapped(c);
        }
      }
    }
    if (outOfRange == null) {
      return;
    }
    if (allLookSwapped || looksSwapped(outOfRange)) {
      throw new Rejection("grid.geometry.swapped", point(outOfRange.x, outOfRange.y));
    }
    throw new Rejection("grid.geometry.outOfRange", point(outOfRange.x, outOfRange.y));
  }

  // China spans roughly latitude 18–54 and longitude 73–135.
  private static boolean looksSwapped(Coordinate c) {
    return c.x >= 18 && c.x <= 54 && c.y >= 73 && c.y <= 135;
  }

  private static Geometry build(
      String type,
      List<List<List<Coordinate>>> polygons,
      boolean repair,
      List<GridMessage> warnings) {
    Polygon[] built = new Polygon[polygons.size()];
    for (int p = 0; p < polygons.size(); p++) {
      GridMessage what = polygon(p, type, false);
      List<List<Coordinate>> rings = polygons.get(p);
      LinearRing shell = ring(rings.get(0), ring(0, what), repair, warnings);
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int h = 1; h < rings.size(); h++) {
        holes[h - 1] = ring(rings.get(h), ring(h, what), repair, warnings);
      }
      built[p] = FACTORY.createPolygon(shell, holes);
    }
    return type.equals("Polygon") ? built[0] : FACTORY.createMultiPolygon(built);
  }

  private static LinearRing ring(
      List<Coordinate> positions, GridMessage what, boolean repair, List<GridMessage> warnings) {
    List<Coordinate> coordinates = new ArrayList<>(positions);
    Coordinate first = coordinates.isEmpty() ? null : coordinates.get(0);
    Coordinate last = coordinates.isEmpty() ? null : coordinates.get(coordinates.size() - 1);
    if (first != null && !first.equals2D(last)) {
      if (!repair) {
        throw new Rejection(
            "grid.geometry.notClosed", what, point(first.x, first.y), point(last.x, last.y));
      }
      coordinates.add(first.copy());
      warnings.add(GridMessage.of("grid.geometry.closed", what));
    }
    if (coordinates.size() < 4) {
      throw new Rejection("grid.geometry.tooFewPoints", what, positions.size());
    }
    return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
  }

  /** The polygonal part of a repaired geometry (GeometryFixer may leave lines or points). */
  static Geometry polygonal(Geometry geometry) {
    if (geometry instanceof Polygon || geometry instanceof org.locationtech.jts.geom.MultiPolygon) {
      return geometry;
    }
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < geometry.getNumGeometries(); i++) {
      Geometry part = geometry.getGeometryN(i);
      for (int j = 0; j < part.getNumGeometries(); j++) {
        if (part.getGeometryN(j) instanceof Polygon polygon && !polygon.isEmpty()) {
          parts.add(polygon);
        }
      }
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  /** Thrown inside the reader to stop at the first defect; never escapes it. */
  private static final class Rejection extends RuntimeException {
    private final transient GridMessage reason;

    Rejection(String key, Object... args) {
      super(key, null, false, false);
      this.reason = GridMessage.of(key, args);
    }
  }
}
