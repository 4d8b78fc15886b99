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
 * defect (swapped axes, open rings, too few points) gets its own plain-English reason.
 */
final class GridGeometryReader {

  static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

  /**
   * The outcome for one feature: a geometry, or a rejection reason; warnings may accompany a
   * geometry (e.g. it was repaired).
   */
  record Outcome(Geometry geometry, String rejection, List<String> warnings) {

    static Outcome rejected(String reason) {
      return new Outcome(null, reason, List.of());
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
      return Outcome.rejected("The feature has no geometry member");
    }
    if (node.isNull()) {
      return Outcome.rejected(
          "The feature's geometry is null; a grid needs a Polygon or MultiPolygon");
    }
    if (!node.isObject() || !node.path("type").isString()) {
      return Outcome.rejected(
          "The feature's geometry is not a GeoJSON geometry object with a type");
    }
    String type = node.get("type").stringValue();
    if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
      return Outcome.rejected(
          "The geometry is a " + type + "; a grid must be a Polygon or MultiPolygon");
    }
    List<String> warnings = new ArrayList<>();
    try {
      JsonNode coordinates = node.path("coordinates");
      if (!coordinates.isArray()) {
        throw new Rejection("The " + type + " has no coordinates array");
      }
      List<List<List<Coordinate>>> polygons = new ArrayList<>();
      if (type.equals("Polygon")) {
        polygons.add(rings(coordinates, "The Polygon"));
      } else {
        if (coordinates.isEmpty()) {
          throw new Rejection("The MultiPolygon has no polygons");
        }
        for (int p = 0; p < coordinates.size(); p++) {
          polygons.add(rings(coordinates.get(p), "Polygon " + (p + 1) + " of the MultiPolygon"));
        }
      }
      checkAxes(polygons);
      Geometry geometry = build(type, polygons, repair, warnings);
      TopologyValidationError error = new IsValidOp(geometry).getValidationError();
      if (error != null) {
        String where = describe(error);
        if (!repair) {
          throw new Rejection(
              "Invalid geometry: "
                  + where
                  + " (use repair=true to let the import repair it and report a warning)");
        }
        Geometry fixed = polygonal(GeometryFixer.fix(geometry));
        if (fixed.isEmpty()) {
          throw new Rejection("Invalid geometry: " + where + "; repairing it left no area");
        }
        warnings.add("Invalid geometry repaired: " + where);
        geometry = fixed;
      }
      return new Outcome(geometry, null, List.copyOf(warnings));
    } catch (Rejection r) {
      return Outcome.rejected(r.getMessage());
    }
  }

  /** A point in lon/lat order for messages, six decimals (about 0.1 m). */
  static String point(double x, double y) {
    return String.format(Locale.ROOT, "(%.6f, %.6f)", x, y);
  }

  private static String describe(TopologyValidationError error) {
    Coordinate c = error.getCoordinate();
    String message = error.getMessage();
    return c == null ? message : message + " at " + point(c.x, c.y);
  }

  private static List<List<Coordinate>> rings(JsonNode node, String what) {
    if (!node.isArray()) {
      throw new Rejection(what + " is not an array of linear rings");
    }
    if (node.isEmpty()) {
      throw new Rejection(what + " has no rings");
    }
    List<List<Coordinate>> rings = new ArrayList<>();
    for (int r = 0; r < node.size(); r++) {
      String ring = (r == 0 ? "The exterior ring" : "Hole " + r) + " of " + lower(what);
      JsonNode positions = node.get(r);
      if (!positions.isArray()) {
        throw new Rejection(ring + " is not an array of positions");
      }
      List<Coordinate> coordinates = new ArrayList<>(positions.size());
      for (int i = 0; i < positions.size(); i++) {
        JsonNode position = positions.get(i);
        if (!position.isArray()
            || position.size() < 2
            || !position.get(0).isNumber()
            || !position.get(1).isNumber()) {
          throw new Rejection(
              ring
                  + " has a malformed position at index "
                  + i
                  + "; expected [longitude, latitude]");
        }
        double x = position.get(0).doubleValue();
        double y = position.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          throw new Rejection(ring + " has a non-finite coordinate at index " + i);
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
      throw new Rejection(
          "The coordinates appear to be in latitude,longitude order: "
              + point(outOfRange.x, outOfRange.y)
              + " is not a valid longitude,latitude, but swapped it would lie in China;"
              + " GeoJSON requires longitude,latitude");
    }
    throw new Rejection(
        "The coordinate "
            + point(outOfRange.x, outOfRange.y)
            + " is out of range: longitude must be within ±180 and latitude within ±90");
  }

  // China spans roughly latitude 18–54 and longitude 73–135.
  private static boolean looksSwapped(Coordinate c) {
    return c.x >= 18 && c.x <= 54 && c.y >= 73 && c.y <= 135;
  }

  private static Geometry build(
      String type, List<List<List<Coordinate>>> polygons, boolean repair, List<String> warnings) {
    Polygon[] built = new Polygon[polygons.size()];
    for (int p = 0; p < polygons.size(); p++) {
      String what =
          type.equals("Polygon") ? "the Polygon" : "polygon " + (p + 1) + " of the MultiPolygon";
      List<List<Coordinate>> rings = polygons.get(p);
      LinearRing shell = ring(rings.get(0), "The exterior ring of " + what, repair, warnings);
      LinearRing[] holes = new LinearRing[rings.size() - 1];
      for (int h = 1; h < rings.size(); h++) {
        holes[h - 1] = ring(rings.get(h), "Hole " + h + " of " + what, repair, warnings);
      }
      built[p] = FACTORY.createPolygon(shell, holes);
    }
    return type.equals("Polygon") ? built[0] : FACTORY.createMultiPolygon(built);
  }

  private static LinearRing ring(
      List<Coordinate> positions, String what, boolean repair, List<String> warnings) {
    List<Coordinate> coordinates = new ArrayList<>(positions);
    Coordinate first = coordinates.isEmpty() ? null : coordinates.get(0);
    Coordinate last = coordinates.isEmpty() ? null : coordinates.get(coordinates.size() - 1);
    if (first != null && !first.equals2D(last)) {
      if (!repair) {
        throw new Rejection(
            what
                + " is not closed: its first position "
                + point(first.x, first.y)
                + " differs from its last "
                + point(last.x, last.y));
      }
      coordinates.add(first.copy());
      warnings.add(what + " was not closed; closed it by repeating its first position");
    }
    if (coordinates.size() < 4) {
      throw new Rejection(
          what
              + " has too few points: "
              + positions.size()
              + " positions, but a linear ring needs at least 4 (three corners and the first"
              + " repeated at the end)");
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

  private static String lower(String text) {
    return text.startsWith("The ") ? "the " + text.substring(4) : text;
  }

  /** Thrown inside the reader to stop at the first defect; never escapes it. */
  private static final class Rejection extends RuntimeException {
    Rejection(String message) {
      super(message, null, false, false);
    }
  }
}
