package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.IndicatorTableCache;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.assessment.web.IndicatorRequests.Resolved;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The indicator pages: {@code /assessment/indicators} (a division's table: its figures, a row per
 * unit below it that drills down, each figure linking to its records, and the catalogue's
 * definitions) and {@code /assessment/indicators/{code}/records} (the records behind a figure).
 */
@Controller
class AssessmentPageController {

  private final IndicatorCatalogue catalogue;
  private final IndicatorTables tables;
  private final IndicatorTableCache cache;
  private final IndicatorRequests requests;
  private final IndicatorTexts texts;

  AssessmentPageController(
      IndicatorCatalogue catalogue,
      IndicatorTables tables,
      IndicatorTableCache cache,
      IndicatorRequests requests,
      IndicatorTexts texts) {
    this.catalogue = catalogue;
    this.tables = tables;
    this.cache = cache;
    this.requests = requests;
    this.texts = texts;
  }

  @GetMapping("/assessment/indicators")
  String table(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String year,
      Model model) {
    Resolved r = requests.resolve(division, by, year, null, null);
    IndicatorTables.Table t = cache.table(r.division(), r.department(), r.rows(), r.from(), r.to());
    model.addAttribute("table", t);
    model.addAttribute("views", texts.views(t.indicators()));
    model.addAttribute("year", r.first().getYear());
    model.addAttribute("byGrid", r.rows() == Level.GRID);
    model.addAttribute("first", r.first());
    model.addAttribute("last", r.last());
    model.addAttribute("cacheMinutes", cache.ttl().toMinutes());
    return "assessment/indicators";
  }

  @GetMapping("/assessment/indicators/{code}/records")
  String records(
      @PathVariable String code,
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false, defaultValue = "numerator") String part,
      @RequestParam(required = false) String year,
      Model model) {
    requests.requireIndicator(code);
    Resolved r = requests.resolve(division, by, year, null, null);
    String u = unit == null || unit.isBlank() ? null : unit.strip();
    requests.requireRecordsQuery(r, u, part);
    model.addAttribute("indicator", texts.view(catalogue.find(code).orElseThrow()));
    model.addAttribute(
        "records",
        tables.evidence(
            code,
            r.division(),
            r.department(),
            r.rows(),
            u,
            part,
            r.from(),
            r.to(),
            Instant.now(),
            500));
    model.addAttribute("division", r.division());
    model.addAttribute("unit", u);
    model.addAttribute("part", part);
    model.addAttribute("by", r.rows() == Level.GRID ? "grid" : null);
    model.addAttribute("year", r.first().getYear());
    return "assessment/records";
  }
}
