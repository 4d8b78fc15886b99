package cn.anwang.workforce.officer;

import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.tabular.TabularException;
import cn.anwang.shared.web.TabularProblems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer pages: list, profile (grids on a map, history, assign and end), create and edit form,
 * status changes, the gaps of the territory, and the import.
 */
@Controller
class OfficerPageController {

  private final OfficerService officers;
  private final AssignmentService assignments;
  private final OfficerImport imports;
  private final Grids grids;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  OfficerPageController(
      OfficerService officers,
      AssignmentService assignments,
      OfficerImport imports,
      Grids grids,
      CurrentActor currentActor,
      MessageSource messages) {
    this.officers = officers;
    this.assignments = assignments;
    this.imports = imports;
    this.grids = grids;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  // ------------------------------------------------------------------ list

  @GetMapping("/workforce/officers")
  String list(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) Tier tier,
      @RequestParam(required = false) OfficerStatus status,
      @RequestParam(required = false) Employment employment,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    var query = new OfficerService.OfficerQuery(division, tier, status, employment, q);
    model.addAttribute("query", query);
    model.addAttribute("result", officers.list(query, page, 25));
    model.addAttribute("tiers", Tier.values());
    model.addAttribute("statuses", OfficerStatus.values());
    model.addAttribute("employments", Employment.values());
    model.addAttribute("mayManage", officers.mayManage());
    return htmx != null ? "workforce/officer-list :: table" : "workforce/officer-list";
  }

  // ------------------------------------------------------------------ profile

  @GetMapping("/workforce/officers/{id}")
  String profile(@PathVariable long id, Model model) {
    profileModel(id, model);
    return "workforce/officer-profile";
  }

  private void profileModel(long id, Model model) {
    OfficerView officer = officers.get(id, false);
    model.addAttribute("officer", officer);
    List<AssignmentService.AssignmentView> history = assignments.list(id, null, null, true, 500);
    model.addAttribute("history", history);
    List<AssignmentService.AssignmentView> current =
        history.stream().filter(AssignmentService.AssignmentView::current).toList();
    model.addAttribute("current", current);
    model.addAttribute(
        "shapeUrls",
        String.join(
            " ",
            current.stream()
                .map(
                    a ->
                        "/grids/"
                            + org.springframework.web.util.UriUtils.encodePathSegment(
                                a.gridCode(), java.nio.charset.StandardCharsets.UTF_8)
                            + "/shape")
                .toList()));
    boolean manages = WorkforcePolicy.manages(currentActor.require(), officer.divisionCode());
    model.addAttribute("mayManage", manages);
    model.addAttribute("mayRevealPhone", WorkforcePolicy.revealsPhone(currentActor.require()));
    model.addAttribute(
        "gridChoices",
        manages && officer.status().mayHoldGrid()
            ? grids.in(officer.divisionCode()).stream()
                .filter(g -> !officer.currentGrids().contains(g.code()))
                .toList()
            : List.<GridRef>of());
    model.addAttribute("today", LocalDate.now());
    if (!model.containsAttribute("assignError")) {
      model.addAttribute("assignError", null);
    }
  }

  /** The full phone number, for administrators; each such read is audited. */
  @PostMapping("/workforce/officers/{id}/phone")
  @ResponseBody
  String phone(@PathVariable long id) {
    String phone = officers.revealPhone(id);
    return phone == null ? "—" : org.springframework.web.util.HtmlUtils.htmlEscape(phone);
  }

  @PostMapping("/workforce/officers/{id}/assign")
  String assign(
      @PathVariable long id,
      @RequestParam String gridCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate startsOn,
      @RequestParam(required = false) String reason,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      assignments.assign(id, gridCode, startsOn, reason);
    } catch (AssignmentRefused e) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("assignError", messages.getMessage(e, locale));
      model.addAttribute("assignReason", e.reason().name());
      model.addAttribute("assignGrid", gridCode);
      profileModel(id, model);
      return "workforce/officer-profile";
    }
    redirect.addFlashAttribute("message", "workforce.officers.assigned");
    redirect.addFlashAttribute("messageArg", gridCode);
    return "redirect:/workforce/officers/" + id;
  }

  @PostMapping("/workforce/officers/{id}/assignments/{assignment}/end")
  String end(
      @PathVariable long id,
      @PathVariable long assignment,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    assignments.end(assignment, null, reason);
    redirect.addFlashAttribute("message", "workforce.officers.ended");
    return "redirect:/workforce/officers/" + id;
  }

  @PostMapping("/workforce/officers/{id}/status")
  String status(
      @PathVariable long id,
      @RequestParam OfficerService.StatusChange change,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) Integer version,
      Locale locale,
      RedirectAttributes redirect) {
    try {
      officers.changeStatus(id, change, reason, version, null);
      redirect.addFlashAttribute("message", "workforce.officers.status." + change.name());
    } catch (OfficerProblem e) {
      if (e.kind() == OfficerProblem.Kind.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("errorText", messages.getMessage(e, locale));
    }
    return "redirect:/workforce/officers/" + id;
  }

  // ------------------------------------------------------------------ form

  @GetMapping("/workforce/officers/new")
  String createForm(Model model) {
    if (!officers.mayManage()) {
      throw OfficerProblem.forbidden();
    }
    return form(
        model, null, new OfficerInput(null, null, null, null, null, null, false, null, null), null);
  }

  @PostMapping("/workforce/officers/new")
  String create(
      OfficerInput input,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      OfficerView created = officers.create(clean(input));
      redirect.addFlashAttribute("message", "workforce.officers.created");
      return "redirect:/workforce/officers/" + created.id();
    } catch (OfficerProblem e) {
      if (e.kind() == OfficerProblem.Kind.NOT_FOUND || e.kind() == OfficerProblem.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(model, null, input, error(e, locale));
    }
  }

  @GetMapping("/workforce/officers/{id}/edit")
  String editForm(@PathVariable long id, Model model) {
    officers.managed(id);
    OfficerView o = officers.get(id, false);
    return form(
        model,
        o,
        new OfficerInput(
            o.divisionCode(),
            o.name(),
            null,
            null,
            o.tier(),
            o.employment(),
            o.enforcementPower(),
            o.userId(),
            o.version()),
        null);
  }

  @PostMapping("/workforce/officers/{id}/edit")
  String edit(
      @PathVariable long id,
      OfficerInput input,
      Locale locale,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      OfficerInput cleaned = clean(input);
      officers.update(
          id,
          new OfficerInput(
              cleaned.divisionCode(),
              cleaned.name(),
              cleaned.phone(),
              cleaned.idNumber(),
              cleaned.tier(),
              cleaned.employment(),
              Boolean.TRUE.equals(cleaned.enforcementPower()),
              cleaned.userId() == null ? 0L : cleaned.userId(),
              cleaned.version()));
      redirect.addFlashAttribute("message", "workforce.officers.saved");
      return "redirect:/workforce/officers/" + id;
    } catch (OfficerProblem e) {
      if (e.kind() == OfficerProblem.Kind.NOT_FOUND || e.kind() == OfficerProblem.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(
          e.kind() == OfficerProblem.Kind.CONFLICT
              ? HttpStatus.CONFLICT.value()
              : HttpStatus.UNPROCESSABLE_CONTENT.value());
      return form(model, officers.get(id, false), input, error(e, locale));
    }
  }

  private record FormError(String field, String text) {}

  private FormError error(OfficerProblem e, Locale locale) {
    return new FormError(e.field(), messages.getMessage(e, locale));
  }

  private String form(Model model, OfficerView existing, OfficerInput input, FormError error) {
    model.addAttribute("existing", existing);
    model.addAttribute("input", input);
    model.addAttribute("error", error);
    model.addAttribute("tiers", Tier.values());
    model.addAttribute("employments", Employment.values());
    return "workforce/officer-form";
  }

  /** Blank form fields as absent. */
  private static OfficerInput clean(OfficerInput in) {
    return new OfficerInput(
        blank(in.divisionCode()),
        blank(in.name()),
        blank(in.phone()),
        blank(in.idNumber()),
        in.tier(),
        in.employment(),
        in.enforcementPower(),
        in.userId(),
        in.version());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  // ------------------------------------------------------------------ gaps

  @GetMapping("/workforce/gaps")
  String gaps(@RequestParam(required = false) String division, Model model) {
    model.addAttribute("gaps", assignments.gaps(division));
    return "workforce/officer-gaps";
  }

  // ------------------------------------------------------------------ import

  @GetMapping("/workforce/officers/import")
  String importForm(Model model) {
    if (!officers.mayManage()) {
      throw OfficerProblem.forbidden();
    }
    return "workforce/officer-import";
  }

  @GetMapping("/workforce/officers/import/template")
  ResponseEntity<byte[]> template() {
    return OfficerImportController.templateDownload();
  }

  @PostMapping("/workforce/officers/import")
  String runImport(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "check") String step,
      Locale locale,
      Model model,
      HttpServletResponse response)
      throws IOException {
    model.addAttribute("fileName", file.getOriginalFilename());
    try (InputStream in = file.getInputStream()) {
      OfficerImportResult report =
          imports.run(
              in,
              file.getOriginalFilename(),
              TabularProblems.declaredCharset(file.getContentType()),
              !"import".equals(step),
              locale);
      model.addAttribute("report", report);
      if (!report.dryRun() && !report.written()) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      }
    } catch (TabularException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("errorText", messages.getMessage(e, locale));
    }
    return "workforce/officer-import";
  }

  // ------------------------------------------------------------------ errors

  @ExceptionHandler(OfficerProblem.class)
  String problem(OfficerProblem e, Locale locale, Model model, HttpServletResponse response) {
    response.setStatus(
        e.kind() == OfficerProblem.Kind.FORBIDDEN
            ? HttpStatus.FORBIDDEN.value()
            : HttpStatus.NOT_FOUND.value());
    model.addAttribute("problemText", messages.getMessage(e, locale));
    return "workforce/officer-not-found";
  }
}
