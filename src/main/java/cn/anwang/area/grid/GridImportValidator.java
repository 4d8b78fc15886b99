package cn.anwang.area.grid;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.grid.ImportContext.StoredShape;
import cn.anwang.area.grid.ImportReport.Rejected;
import cn.anwang.area.grid.ImportReport.Warning;
import cn.anwang.shared.geo.GeodesicArea;
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
                  new Rejected(i, code, GridMessage.of("grid.reason.duplicateCode", code, first)));
              return;
            }
          }
          try {
            candidates.add(readFeature(i, feature, code, repair, warnings));
          } catch (FeatureRejected e) {
            rejected.add(new Rejected(i, code, e.reason()));
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
      throw FeatureRejected.because("grid.reason.notAnObject");
    }
    String type = feature.path("type").isString() ? feature.get("type").stringValue() : null;
    if (type == null) {
      throw FeatureRejected.because("grid.reason.notAFeature.untyped");
    }
    if (!"Feature".equals(type)) {
      throw FeatureRejected.because("grid.reason.notAFeature", type);
    }
    JsonNode properties = feature.path("properties");
    String name = text(properties.path("name"));
    if (code == null && name == null) {
      throw FeatureRejected.because("grid.reason.noCodeNorName");
    }
    if (code == null) {
      throw FeatureRejected.because("grid.reason.noCode");
    }
    checkCode(code);
    if (name == null) {
      throw FeatureRejected.because("grid.reason.noName");
    }
    checkName(name);
    GridType gridType = gridType(text(properties.path("type")));
    String externalId = text(properties.path("externalId"));
    if (externalId != null && externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
      throw FeatureRejected.because("grid.reason.externalIdTooLong", MAX_EXTERNAL_ID_LENGTH);
    }
    String divisionCode = text(properties.path("divisionCode"));
    if (divisionCode == null) {
      throw FeatureRejected.because("grid.reason.noDivisionCode");
    }
    GridGeometryReader.Outcome outcome = GridGeometryReader.read(feature.get("geometry"), repair);
    if (!outcome.accepted()) {
      throw new FeatureRejected(outcome.rejection());
    }
    Geometry geometry = outcome.geometry();
    if (!geometry.getEnvelopeInternal().intersects(TIANJIN_REACH)) {
      Envelope e = geometry.getEnvelopeInternal();
      throw FeatureRejected.because(
          "grid.reason.farOutside",
          GridGeometryReader.point(e.getMinX(), e.getMinY()),
          GridGeometryReader.point(e.getMaxX(), e.getMaxY()));
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
        GeodesicArea.squareMetres(geometry),
        false);
  }

  /** Checks a grid code; the same rules hold for imports and edits. */
  static void checkCode(String code) {
    if (code.length() > MAX_CODE_LENGTH) {
      throw FeatureRejected.because("grid.reason.codeTooLong", code, MAX_CODE_LENGTH);
    }
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || "/?#%\\".indexOf(c) >= 0) {
        throw FeatureRejected.because("grid.reason.codeCharacter", code, c);
      }
    }
  }

  static void checkName(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      throw FeatureRejected.because("grid.reason.nameTooLong", MAX_NAME_LENGTH);
    }
  }

  static GridType gridType(String text) {
    if (text == null) {
      return GridType.REGULAR;
    }
    return GridType.parse(text)
        .orElseThrow(
            () -> FeatureRejected.because("grid.reason.unknownType", text, GridType.names()));
  }

  /** Checks that grids may be placed in this division by the caller. */
  Division checkDivision(String divisionCode) {
    Optional<Division> found = context.division(divisionCode);
    if (found.isEmpty()) {
      throw FeatureRejected.because("grid.reason.unknownDivision", divisionCode);
    }
    Division division = found.get();
    if (division.level() != DivisionLevel.STREET && division.level() != DivisionLevel.VILLAGE) {
      throw FeatureRejected.because(
          "grid.reason.divisionLevel",
          division.code(),
          division.name(),
          GridMessage.of("grid.level." + division.level().key()));
    }
    if (!context.inTerritory(divisionCode)) {
      throw FeatureRejected.because(
          "grid.reason.divisionOutside", division.code(), division.name());
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
                d.index(), d.code(), GridMessage.of("grid.reason.codeTakenOutside", d.code())));
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
        Geometry other;
        GridMessage label;
        if (candidate instanceof GridDraft o) {
          // each pair once, reported on the later feature
          if (o.index() >= d.index()) {
            continue;
          }
          other = o.geometry();
          label = GridMessage.of("grid.warning.fileGrid", o.code(), o.index());
        } else {
          StoredShape s = (StoredShape) candidate;
          other = s.geometry();
          label = GridMessage.of("grid.warning.storedGrid", s.code());
        }
        if (!prepared.evaluate(other, INTERIORS_INTERSECT)) {
          continue;
        }
        double area = overlapArea(d.geometry(), other);
        if (area >= AREA_TOLERANCE_M2) {
          warnings.add(
              new Warning(
                  d.index(), d.code(), GridMessage.of("grid.warning.overlap", label, area(area))));
        }
      }
    }
  }

  private void warnOutsideDistricts(List<GridDraft> drafts, List<Warning> warnings) {
    Map<String, Optional<PreparedGeometry>> boundaries = new LinkedHashMap<>();
    for (GridDraft d : drafts) {
      outsideDistrict(d, boundaries).ifPresent(warnings::add);
    }
  }

  /**
   * The warnings an import of this one grid would give, for an edit of its attributes: overlaps
   * with the other stored grids (which no attribute changes) and, since its division may have moved
   * to another district, whether it lies outside its district's boundary.
   */
  List<Warning> warningsFor(GridDraft grid) {
    List<Warning> warnings = new ArrayList<>();
    warnOfOverlaps(List.of(grid), warnings);
    outsideDistrict(grid, new HashMap<>()).ifPresent(warnings::add);
    return List.copyOf(warnings);
  }

  private Optional<Warning> outsideDistrict(
      GridDraft d, Map<String, Optional<PreparedGeometry>> boundaries) {
    Optional<PreparedGeometry> boundary =
        boundaries.computeIfAbsent(
            d.districtCode(),
            code -> context.districtBoundary(code).map(PreparedGeometryFactory::prepare));
    if (boundary.isEmpty() || boundary.get().covers(d.geometry())) {
      return Optional.empty();
    }
    double outside = outsideArea(d.geometry(), boundary.get().getGeometry());
    if (outside >= AREA_TOLERANCE_M2) {
      String district =
          context
              .division(d.districtCode())
              .map(v -> v.name() + " " + v.code())
              .orElse(d.districtCode());
      return Optional.of(
          new Warning(
              d.index(),
              d.code(),
              GridMessage.of("grid.warning.outsideDistrict", district, area(outside))));
    }
    return Optional.empty();
  }

  /** An area for a message: one decimal, no grouping, the same in every language. */
  static String area(double squareMetres) {
    return String.format(Locale.ROOT, "%.1f", squareMetres);
  }

  /** The area two polygonal geometries share, in m². */
  static double overlapArea(Geometry a, Geometry b) {
    return GeodesicArea.squareMetres(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
  }

  static double outsideArea(Geometry grid, Geometry boundary) {
    return GeodesicArea.squareMetres(OverlayNGRobust.overlay(grid, boundary, OverlayNG.DIFFERENCE));
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
    private final transient GridMessage reason;

    FeatureRejected(GridMessage reason) {
      super(reason.key(), null, false, false);
      this.reason = reason;
    }

    static FeatureRejected because(String key, Object... args) {
      return new FeatureRejected(GridMessage.of(key, args));
    }

    GridMessage reason() {
      return reason;
    }
  }

  static Set<String> districtCodes(List<GridDraft> drafts) {
    return Set.copyOf(drafts.stream().map(GridDraft::districtCode).toList());
  }
}
