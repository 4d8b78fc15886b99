package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.Evidence;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.IndicatorTableCache;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.web.IndicatorRequests.Resolved;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicator catalogue and its figures: {@code GET /api/v1/indicators} (definitions), {@code GET
 * /api/v1/indicator-table?division=&by=&year=|from=&to=} (a division's figures and its units'),
 * {@code GET /api/v1/indicators/{code}/records?division=&by=&unit=&part=} (the records behind one
 * figure). Scope as in {@link IndicatorRequests}.
 */
@RestController
@Tag(name = "Assessment")
class AssessmentApiController {

  /** The answer of the table endpoint. */
  record TableAnswer(
      String division,
      String name,
      String level,
      String rows,
      String department,
      LocalDate from,
      LocalDate to,
      Instant computedAt,
      List<IndicatorTexts.View> indicators,
      Row total,
      List<Row> units) {}

  private final IndicatorCatalogue catalogue;
  private final IndicatorTables tables;
  private final IndicatorTableCache cache;
  private final IndicatorRequests requests;
  private final IndicatorTexts texts;
  private final IndicatorWorkbook workbook;

  private static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  AssessmentApiController(
      IndicatorCatalogue catalogue,
      IndicatorTables tables,
      IndicatorTableCache cache,
      IndicatorRequests requests,
      IndicatorTexts texts,
      IndicatorWorkbook workbook) {
    this.workbook = workbook;
    this.catalogue = catalogue;
    this.tables = tables;
    this.cache = cache;
    this.requests = requests;
    this.texts = texts;
  }

  @GetMapping("/api/v1/indicators")
  @Operation(
      summary = "The indicator catalogue: definition, formula, numerator, denominator, level")
  List<IndicatorTexts.View> catalogue() {
    requests.requireReader();
    return texts.views(catalogue.all());
  }

  @GetMapping("/api/v1/indicator-table")
  @Operation(summary = "A division's indicators and those of each unit below it (or each grid)")
  TableAnswer table(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Resolved r = requests.resolve(division, by, year, from, to);
    IndicatorTables.Table t = cache.table(r.division(), r.department(), r.rows(), r.from(), r.to());
    return new TableAnswer(
        t.division(),
        t.name(),
        t.level().name(),
        t.rows().name(),
        t.department(),
        r.first(),
        r.last(),
        t.computedAt(),
        texts.views(t.indicators()),
        t.total(),
        t.units());
  }

  /** The answer of the trend endpoint; {@code months} is empty for an indicator judged now. */
  record TrendAnswer(
      String code, String division, int year, List<IndicatorTables.MonthFigure> months) {}

  @GetMapping("/api/v1/indicators/{code}/trend")
  @Operation(summary = "One indicator of a division month by month through a year")
  TrendAnswer trend(
      @PathVariable String code,
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String year) {
    requests.requireIndicator(code);
    Resolved r = requests.resolve(division, null, year, null, null);
    int y = r.first().getYear();
    return new TrendAnswer(
        code, r.division(), y, tables.trend(code, r.division(), r.department(), y, Instant.now()));
  }

  @GetMapping("/api/v1/indicator-table.xlsx")
  @Operation(summary = "The indicator table as an Excel workbook (the same figures as the JSON)")
  ResponseEntity<byte[]> workbook(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Resolved r = requests.resolve(division, by, year, from, to);
    IndicatorTables.Table t = cache.table(r.division(), r.department(), r.rows(), r.from(), r.to());
    // written here, in the request's thread and language (a table is at most a few thousand rows)
    ByteArrayOutputStream bytesOut = new ByteArrayOutputStream();
    workbook.write(t, bytesOut);
    byte[] bytes = bytesOut.toByteArray();
    String name = "indicators-" + r.division() + "-" + r.first() + "-" + r.last() + ".xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(XLSX))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(bytes);
  }

  @GetMapping("/api/v1/indicators/{code}/records")
  @Operation(summary = "The records behind one figure: its numerator's or its denominator's")
  List<Evidence> records(
      @PathVariable String code,
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false, defaultValue = "numerator") String part,
      @RequestParam(required = false) String year,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false, defaultValue = "200") int limit) {
    requests.requireIndicator(code);
    Resolved r = requests.resolve(division, by, year, from, to);
    String u = unit == null || unit.isBlank() ? null : unit.strip();
    requests.requireRecordsQuery(r, u, part);
    return tables.evidence(
        code,
        r.division(),
        r.department(),
        r.rows(),
        u,
        part,
        r.from(),
        r.to(),
        Instant.now(),
        Math.max(1, Math.min(limit, 1000)));
  }
}
