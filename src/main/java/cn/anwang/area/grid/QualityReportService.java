package cn.anwang.area.grid;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.GridCoverageGaps;
import cn.anwang.area.grid.QualityReport.Gap;
import cn.anwang.area.grid.QualityReport.InvalidGrid;
import cn.anwang.area.grid.QualityReport.NamedGrid;
import cn.anwang.area.grid.QualityReport.Officers;
import cn.anwang.area.grid.QualityReport.Overlap;
import cn.anwang.shared.geo.GeodesicArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Computes a division's quality report: overlaps, gaps, invalid grids, officer coverage. */
@Service
@Transactional(readOnly = true)
class QualityReportService {

  private final GridService gridService;
  private final GridRepository grids;
  private final Divisions divisions;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final ObjectProvider<GridCoverageGaps> coverageGaps;

  QualityReportService(
      GridService gridService,
      GridRepository grids,
      Divisions divisions,
      ObjectMapper json,
      MessageSource messages,
      ObjectProvider<GridCoverageGaps> coverageGaps) {
    this.gridService = gridService;
    this.grids = grids;
    this.divisions = divisions;
    this.json = json;
    this.messages = messages;
    this.coverageGaps = coverageGaps;
  }

  /**
   * The report for a division inside the caller's territory (default: the territory), its texts
   * (why a grid is invalid, the officer note) in this locale.
   */
  QualityReport report(String divisionCode, Locale locale) {
    String root = gridService.scopeRoot(divisionCode);
    Division division = divisions.find(root).orElseThrow(() -> GridNotFound.forDivision(root));
    List<GridRow> rows = grids.inSubtree(root);
    double totalArea = rows.stream().mapToDouble(GridRow::areaM2).sum();
    return new QualityReport(
        division.code(),
        division.name(),
        division.level().key(),
        rows.size(),
        round(totalArea),
        overlaps(rows),
        gap(division, rows),
        invalid(rows).stream()
            .map(i -> new InvalidGrid(i.code(), i.name(), i.reason().in(messages, locale)))
            .toList(),
        officers(division, rows, locale));
  }

  /** The grids without an active officer, when a module reports officer coverage. */
  private Officers officers(Division division, List<GridRow> rows, Locale locale) {
    GridCoverageGaps gaps = coverageGaps.getIfAvailable();
    if (gaps == null) {
      return new Officers(
          false,
          GridMessage.of("grid.problem.noOfficerData").in(messages, locale),
          0,
          List.of(),
          List.of());
    }
    Map<String, String> names = new HashMap<>();
    rows.forEach(r -> names.put(r.code(), r.name()));
    List<String> codes = gaps.uncoveredGridCodes(division.code());
    List<NamedGrid> named =
        codes.stream().map(c -> new NamedGrid(c, names.getOrDefault(c, c))).toList();
    String note =
        GridMessage.of(
                "grid.quality.uncoveredNote",
                Integer.toString(codes.size()),
                Integer.toString(rows.size()))
            .in(messages, locale);
    return new Officers(true, note, codes.size(), codes, named);
  }

  private List<Overlap> overlaps(List<GridRow> rows) {
    STRtree tree = new STRtree();
    for (GridRow r : rows) {
      tree.insert(r.geometry().getEnvelopeInternal(), r);
    }
    List<Overlap> overlaps = new ArrayList<>();
    for (GridRow a : rows) {
      RelateNG prepared = RelateNG.prepare(a.geometry());
      for (Object o : tree.query(a.geometry().getEnvelopeInternal())) {
        GridRow b = (GridRow) o;
        if (a.code().compareTo(b.code()) >= 0
            || !prepared.evaluate(b.geometry(), GridImportValidator.INTERIORS_INTERSECT)) {
          continue;
        }
        Geometry shared = safeOverlay(a.geometry(), b.geometry(), OverlayNG.INTERSECTION);
        double area = GeodesicArea.squareMetres(shared);
        if (area >= GridImportValidator.AREA_TOLERANCE_M2) {
          overlaps.add(
              new Overlap(
                  a.code(),
                  a.name(),
                  b.code(),
                  b.name(),
                  round(area),
                  json.readTree(GridGeoJson.geometry(GridGeometryReader.polygonal(shared)))));
        }
      }
    }
    overlaps.sort(Comparator.comparingDouble(Overlap::areaM2).reversed());
    return overlaps;
  }

  private Gap gap(Division division, List<GridRow> rows) {
    Optional<Geometry> boundary = grids.boundaryOf(division.code());
    if (boundary.isEmpty()) {
      return null;
    }
    Geometry outline = boundary.get();
    Geometry uncovered = outline;
    if (!rows.isEmpty()) {
      List<Geometry> shapes =
          rows.stream().map(GridRow::geometry).filter(Geometry::isValid).toList();
      Geometry covered = UnaryUnionOp.union(shapes);
      uncovered = covered == null ? outline : safeOverlay(outline, covered, OverlayNG.DIFFERENCE);
    }
    // slivers along shared edges are digitising noise, not gaps
    List<Polygon> parts = new ArrayList<>();
    Geometry polygonal = GridGeometryReader.polygonal(uncovered);
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      Polygon p = (Polygon) polygonal.getGeometryN(i);
      if (GeodesicArea.squareMetres(p) >= GridImportValidator.AREA_TOLERANCE_M2) {
        parts.add(p);
      }
    }
    Geometry gap = GridGeometryReader.FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
    double divisionArea = GeodesicArea.squareMetres(outline);
    double gapArea = GeodesicArea.squareMetres(gap);
    double covered = divisionArea <= 0 ? 0 : 100.0 * (divisionArea - gapArea) / divisionArea;
    return new Gap(
        division.syntheticBoundary(),
        round(divisionArea),
        round(gapArea),
        Math.round(covered * 10) / 10.0,
        json.readTree(GridGeoJson.geometry(gap)));
  }

  /** A grid whose stored geometry is invalid, and why, before the reason is put in words. */
  private record Invalid(String code, String name, GridMessage reason) {}

  private static List<Invalid> invalid(List<GridRow> rows) {
    List<Invalid> invalid = new ArrayList<>();
    for (GridRow r : rows) {
      TopologyValidationError error = new IsValidOp(r.geometry()).getValidationError();
      if (error != null) {
        invalid.add(new Invalid(r.code(), r.name(), GridGeometryReader.describe(error)));
      }
    }
    return invalid;
  }

  private static Geometry safeOverlay(Geometry a, Geometry b, int op) {
    return OverlayNGRobust.overlay(a, b, op);
  }

  private static double round(double area) {
    return Math.round(area * 10) / 10.0;
  }
}
