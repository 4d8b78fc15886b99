package cn.anwang.area.grid;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.grid.ImportContext.StoredShape;
import cn.anwang.area.grid.ImportReport.Rejected;
import cn.anwang.area.grid.ImportReport.Warning;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import tools.jackson.databind.JsonNode;

/**
 * The import rules: which features are rejected and why, and what deserves a warning. Pure logic
 * over an {@link ImportContext}; nothing here writes.
 */
final class GridImportValidator {

  /** Overlaps and overhangs smaller than this are noise from shared, re-digitised boundaries. */
  static final double AREA_TOLERANCE_M2 = 1.0;

  static final int MAX_CODE_LENGTH = 64;
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_EXTERNAL_ID_LENGTH = 128;

  /** Tianjin's extent, widened by a degree: anything beyond is certainly not a Tianjin grid. */
  static final Envelope TIANJIN_REACH = new Envelope(115.7, 119.1, 37.5, 41.3);

  /**
   * Grids that only touch share no interior; testing that first spares the costly overlay for the
   * many neighbours of a tiled city.
   */
  static final String INTERIORS_INTERSECT = "T********";

  private final ImportContext context;

  GridImportValidator(ImportContext context) {
    this.context = context;
  }

  /** The outcome of validating a whole file. */
  record Plan(List<GridDraft> drafts, List<Rejected> rejected, List<Warning> warnings) {

    ImportReport report(boolean dryRun) {
      boolean ok = rejected.isEmpty();
      int updated = ok ? (int) drafts.stream().filter(GridDraft::update).count() : 0;
      int created = ok ? drafts.size() - updated : 0;
      return new ImportReport(dryRun, created, updated, rejected, warnings);
    }
  }

  /** Feeds the features of a file, in order, one at a time. */
  @FunctionalInterface
  interface FeatureSource {
    void forEach(Consumer<JsonNode> consumer);
  }

  Plan validate(List<JsonNode> features, boolean repair) {
    return validate(features::forEach, repair);
  }

  /**
   * Validates every feature. Each is turned into a draft (or a rejection) as it arrives, so its
   * JSON tree can be dropped at once; only the rules across features run at the end.
   */
  Plan validate(FeatureSource features, boolean repair) {
    List<Rejected> rejected = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    List<GridDraft> candidates = new ArrayList<>();
    Map<String, Integer> firstIndexOfCode = new HashMap<>();
    int[] next = {0};
    features.forEach(
        feature -> {
          int i = next[0]++;
          String code = feature.isObject() ? text(feature.path("properties").path("code")) : null;
          if (code != null) {
            Integer first = firstIndexOfCode.putIfAbsent(code, i);
            if (first != null) {
              rejected.add(
                  new Rejected(
                      i,
                      code,
                      "Duplicate code '"
                          + code
                          + "': it is used more than once in the file (first by feature "
                          + first
                          + ")"));
              return;
            }
          }
          try {
            candidates.add(readFeature(i, feature, code, repair, warnings));
          } catch (FeatureRejected e) {
            rejected.add(new Rejected(i, code, e.getMessage()));
          }
        });
    List<GridDraft> drafts = markUpdates(candidates, rejected);
    warnOfOverlaps(drafts, warnings);
    warnOutsideDistricts(drafts, warnings);
    rejected.sort(Comparator.comparingInt(Rejected::index));
    warnings.sort(Comparator.comparingInt(Warning::index));
    return new Plan(drafts, List.copyOf(rejected), List.copyOf(warnings));
  }

  private GridDraft readFeature(
      int index, JsonNode feature, String code, boolean repair, List<Warning> warnings) {
    if (!feature.isObject()) {
      throw new FeatureRejected("The item is not a GeoJSON Feature object");
    }
    String type = feature.path("type").isString() ? feature.get("type").stringValue() : null;
    if (!"Feature".equals(type)) {
      throw new FeatureRejected(
          "The item is not a GeoJSON Feature (its type is "
              + (type == null ? "missing" : "'" + type + "'")
              + ")");
    }
    JsonNode properties = feature.path("properties");
    String name = text(properties.path("name"));
    if (code == null && name == null) {
      throw new FeatureRejected("The feature has neither a code nor a name property");
    }
    if (code == null) {
      throw new FeatureRejected("The feature has no code property");
    }
    checkCode(code);
    if (name == null) {
      throw new FeatureRejected("The feature has no name property");
    }
    checkName(name);
    GridType gridType = gridType(text(properties.path("type")));
    String externalId = text(properties.path("externalId"));
    if (externalId != null && externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
      throw new FeatureRejected(
          "The externalId is longer than " + MAX_EXTERNAL_ID_LENGTH + " characters");
    }
    String divisionCode = text(properties.path("divisionCode"));
    if (divisionCode == null) {
      throw new FeatureRejected("The feature has no divisionCode property");
    }
    GridGeometryReader.Outcome outcome = GridGeometryReader.read(feature.get("geometry"), repair);
    if (!outcome.accepted()) {
      throw new FeatureRejected(outcome.rejection());
    }
    Geometry geometry = outcome.geometry();
    if (!geometry.getEnvelopeInternal().intersects(TIANJIN_REACH)) {
      Envelope e = geometry.getEnvelopeInternal();
      throw new FeatureRejected(
          "The grid lies far outside Tianjin: its extent "
              + GridGeometryReader.point(e.getMinX(), e.getMinY())
              + "–"
              + GridGeometryReader.point(e.getMaxX(), e.getMaxY())
              + " is more than a degree away from the city");
    }
    checkDivision(divisionCode);
    outcome.warnings().forEach(w -> warnings.add(new Warning(index, code, w)));
    return new GridDraft(
        index,
        code,
        name,
        divisionCode,
        gridType,
        externalId,
        geometry,
        GeoArea.squareMetres(geometry),
        false);
  }

  /** Checks a grid code; the same rules hold for imports and edits. */
  static void checkCode(String code) {
    if (code.length() > MAX_CODE_LENGTH) {
      throw new FeatureRejected(
          "The code '" + code + "' is longer than " + MAX_CODE_LENGTH + " characters");
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || "/?#%\\".indexOf(c) >= 0) {
        throw new FeatureRejected(
            "The code '"
                + code
                + "' contains '"
                + c
                + "'; codes may not contain spaces or the characters / ? # % \\");
      }
    }
  }

  static void checkName(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      throw new FeatureRejected("The name is longer than " + MAX_NAME_LENGTH + " characters");
    }
  }

  static GridType gridType(String text) {
    if (text == null) {
      return GridType.REGULAR;
    }
    return GridType.parse(text)
        .orElseThrow(
            () ->
                new FeatureRejected(
                    "Unknown grid type '" + text + "'; expected one of " + GridType.names()));
  }

  /** Checks that grids may be placed in this division by the caller. */
  Division checkDivision(String divisionCode) {
    Optional<Division> found = context.division(divisionCode);
    if (found.isEmpty()) {
      throw new FeatureRejected("Unknown division code '" + divisionCode + "'");
    }
    Division division = found.get();
    if (division.level() != DivisionLevel.STREET && division.level() != DivisionLevel.VILLAGE) {
      throw new FeatureRejected(
          "Division "
              + division.code()
              + " ("
              + division.name()
              + ") is a "
              + division.level().key()
              + "; a grid must belong to a street/town/park or a village/community");
    }
    if (!context.inTerritory(divisionCode)) {
      throw new FeatureRejected(
          "Division "
              + division.code()
              + " ("
              + division.name()
              + ") is outside your territory; you may only import grids inside it");
    }
    return division;
  }

  private List<GridDraft> markUpdates(List<GridDraft> candidates, List<Rejected> rejected) {
    Map<String, String> existing =
        context.existingDivisionCodes(candidates.stream().map(GridDraft::code).toList());
    List<GridDraft> drafts = new ArrayList<>(candidates.size());
    for (GridDraft d : candidates) {
      String storedDivision = existing.get(d.code());
      if (storedDivision == null) {
        drafts.add(d);
      } else if (!context.inTerritory(storedDivision)) {
        rejected.add(
            new Rejected(
                d.index(),
                d.code(),
                "The code '" + d.code() + "' is already used by a grid outside your territory"));
      } else {
        drafts.add(
            new GridDraft(
                d.index(),
                d.code(),
                d.name(),
                d.divisionCode(),
                d.type(),
                d.externalId(),
                d.geometry(),
                d.areaM2(),
                true));
      }
    }
    return drafts;
  }

  private void warnOfOverlaps(List<GridDraft> drafts, List<Warning> warnings) {
    if (drafts.isEmpty()) {
      return;
    }
    STRtree tree = new STRtree();
    Envelope all = new Envelope();
    Map<String, Integer> fileIndex = new HashMap<>();
    for (GridDraft d : drafts) {
      Envelope e = d.geometry().getEnvelopeInternal();
      tree.insert(e, d);
      all.expandToInclude(e);
      fileIndex.put(d.code(), d.index());
    }
    // stored grids with a code in the file are being replaced, so only their new shape counts
    for (StoredShape s : context.storedGridsIn(all)) {
      if (!fileIndex.containsKey(s.code())) {
        tree.insert(s.geometry().getEnvelopeInternal(), s);
      }
    }
    for (GridDraft d : drafts) {
      RelateNG prepared = RelateNG.prepare(d.geometry());
      for (Object candidate : tree.query(d.geometry().getEnvelopeInternal())) {
        String otherCode;
        Geometry other;
        String label;
        if (candidate instanceof GridDraft o) {
          // each pair once, reported on the later feature
          if (o.index() >= d.index()) {
            continue;
          }
          otherCode = o.code();
          other = o.geometry();
          label = "grid '" + otherCode + "' (feature " + o.index() + ")";
        } else {
          StoredShape s = (StoredShape) candidate;
          otherCode = s.code();
          other = s.geometry();
          label = "existing grid '" + otherCode + "'";
        }
        if (!prepared.evaluate(other, INTERIORS_INTERSECT)) {
          continue;
        }
        double area = overlapArea(d.geometry(), other);
        if (area >= AREA_TOLERANCE_M2) {
          warnings.add(
              new Warning(
                  d.index(),
                  d.code(),
                  String.format(Locale.ROOT, "Overlaps %s by %.1f m²", label, area)));
        }
      }
    }
  }

  private void warnOutsideDistricts(List<GridDraft> drafts, List<Warning> warnings) {
    Map<String, Optional<PreparedGeometry>> boundaries = new LinkedHashMap<>();
    for (GridDraft d : drafts) {
      Optional<PreparedGeometry> boundary =
          boundaries.computeIfAbsent(
              d.districtCode(),
              code -> context.districtBoundary(code).map(PreparedGeometryFactory::prepare));
      if (boundary.isEmpty() || boundary.get().covers(d.geometry())) {
        continue;
      }
      double outside = outsideArea(d.geometry(), boundary.get().getGeometry());
      if (outside >= AREA_TOLERANCE_M2) {
        String district =
            context
                .division(d.districtCode())
                .map(v -> v.name() + " " + v.code())
                .orElse(d.districtCode());
        warnings.add(
            new Warning(
                d.index(),
                d.code(),
                String.format(
                    Locale.ROOT,
                    "The grid is not within its district's boundary (%s): %.1f m² lie outside",
                    district,
                    outside)));
      }
    }
  }

  /** The area two polygonal geometries share, in m². */
  static double overlapArea(Geometry a, Geometry b) {
    return GeoArea.squareMetres(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
  }

  static double outsideArea(Geometry grid, Geometry boundary) {
    return GeoArea.squareMetres(OverlayNGRobust.overlay(grid, boundary, OverlayNG.DIFFERENCE));
  }

  /** A string or number property, stripped; null when absent, null or blank. */
  static String text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    String value = node.isString() ? node.stringValue() : node.isNumber() ? node.asString() : null;
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }

  /** Why one feature cannot be imported. */
  static final class FeatureRejected extends RuntimeException {
    FeatureRejected(String reason) {
      super(reason, null, false, false);
    }
  }

  static Set<String> districtCodes(List<GridDraft> drafts) {
    return Set.copyOf(drafts.stream().map(GridDraft::districtCode).toList());
  }
}
