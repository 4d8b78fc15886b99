package cn.anwang.assessment.report;

import cn.anwang.identity.Actor;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /assessment/reports}: the reports of the caller's territory with their files, and
 * a form to generate one now (POST-redirect-GET; a refused form comes back with the reason and what
 * was entered).
 */
@Controller
class AssessmentReportPageController {

  private final ReportRequests requests;
  private final ReportGenerator generator;
  private final ReportDownloads downloads;

  AssessmentReportPageController(
      ReportRequests requests, ReportGenerator generator, ReportDownloads downloads) {
    this.requests = requests;
    this.generator = generator;
    this.downloads = downloads;
  }

  @GetMapping("/assessment/reports")
  String list(
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String kind,
      Model model) {
    Actor actor = requests.reader();
    String u = requests.listUnit(actor, unit);
    ReportKind k = requests.listKind(kind);
    model.addAttribute("reports", generator.list(actor.scope().territoryCode(), u, k, 200));
    model.addAttribute("filterUnit", u);
    model.addAttribute("filterKind", k);
    model.addAttribute("kinds", ReportKind.values());
    model.addAttribute("languages", ReportGenerator.LANGUAGES.keySet().stream().sorted().toList());
    if (model.getAttribute("generatedId") instanceof Long id) {
      generator.find(id).ifPresent(r -> model.addAttribute("generated", r));
    }
    if (!model.containsAttribute("form")) {
      LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
      model.addAttribute(
          "form",
          Map.of(
              "kind",
              "MONTHLY",
              "unit",
              u == null ? actor.scope().territoryCode() : u,
              "period",
              YearMonth.from(today).minusMonths(1).toString(),
              "lang",
              "en".equals(ReportRequests.locale().getLanguage()) ? "en" : "zh-CN"));
    }
    return "assessment/reports";
  }

  @PostMapping("/assessment/reports")
  String generate(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String lang,
      RedirectAttributes redirect) {
    ReportRequests.Checked c;
    try {
      c = requests.generation(kind, unit, period, lang);
    } catch (ErrorResponseException e) {
      if (e.getStatusCode() != HttpStatus.UNPROCESSABLE_CONTENT) {
        throw e;
      }
      redirect.addFlashAttribute("error", reason(e.getBody()));
      redirect.addFlashAttribute(
          "form",
          Map.of(
              "kind", kind == null ? "" : kind,
              "unit", unit == null ? "" : unit,
              "period", period == null ? "" : period,
              "lang", lang == null ? "" : lang));
      return "redirect:/assessment/reports";
    }
    generator
        .generate(c.kind(), c.unit(), c.period(), c.lang(), c.actor().username())
        .ifPresent(r -> redirect.addFlashAttribute("generatedId", r.id()));
    return "redirect:/assessment/reports";
  }

  @GetMapping("/assessment/reports/{id}.xlsx")
  ResponseEntity<byte[]> xlsx(@PathVariable long id) {
    return downloads.download(id, "xlsx");
  }

  @GetMapping("/assessment/reports/{id}.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable long id) {
    return downloads.download(id, "pdf");
  }

  /** The refusal's message without the field name in front (the form shows the field). */
  private static String reason(ProblemDetail body) {
    Map<String, Object> properties = body.getProperties();
    Object errors = properties == null ? null : properties.get("errors");
    if (errors instanceof java.util.List<?> l
        && !l.isEmpty()
        && l.get(0) instanceof Map<?, ?> m
        && m.get("message") != null) {
      return m.get("message").toString();
    }
    return body.getDetail();
  }
}
