package cn.anwang.publicreport.desk;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.publicreport.support.PageActions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The desk's pages: {@code /public-reports} (the inbox in the caller's territory, by status, newest
 * first) and {@code /public-reports/{id}} (one report with its duplicate suggestions and the triage
 * actions). The same services as the API, so the same scope, checks and audit.
 */
@Controller
class DeskPageController {

  static final List<String> STATUSES =
      List.of("RECEIVED", "VERIFIED", "IN_HANDLING", "CLOSED", "REJECTED", "MERGED");
  private static final int PAGE = 30;

  private final DeskAccess access;
  private final DeskQueries queries;
  private final ReportDesk desk;
  private final ReporterIdentity identity;
  private final PageActions actions;
  private final Divisions divisions;
  private final PhotoModeration photos;

  DeskPageController(
      DeskAccess access,
      DeskQueries queries,
      ReportDesk desk,
      ReporterIdentity identity,
      PageActions actions,
      Divisions divisions,
      PhotoModeration photos) {
    this.access = access;
    this.queries = queries;
    this.desk = desk;
    this.identity = identity;
    this.actions = actions;
    this.divisions = divisions;
    this.photos = photos;
  }

  @GetMapping("/public-reports")
  String inbox(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long before,
      Model model) {
    String s = status == null || status.isBlank() ? "RECEIVED" : status;
    if (!"ALL".equals(s) && !STATUSES.contains(s)) {
      s = "RECEIVED";
    }
    List<DeskQueries.Summary> rows =
        queries.inbox(access.require(), "ALL".equals(s) ? null : s, before, PAGE + 1);
    boolean more = rows.size() > PAGE;
    List<DeskQueries.Summary> page = more ? rows.subList(0, PAGE) : rows;
    model.addAttribute("status", s);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("reports", page);
    model.addAttribute("next", more ? page.get(page.size() - 1).id() : null);
    model.addAttribute("names", names(page.stream().map(DeskQueries.Summary::streetCode).toList()));
    return "publicreport/desk/inbox";
  }

  @GetMapping("/public-reports/{id}")
  String detail(@PathVariable long id, Model model) {
    DeskQueries.Detail d = queries.detail(id, access.require());
    model.addAttribute("d", d);
    model.addAttribute("names", names(List.of(d.report().streetCode())));
    model.addAttribute("photos", photos.list(id));
    model.addAttribute("types", ReportDesk.TYPES.stream().sorted().toList());
    return "publicreport/desk/detail";
  }

  @PostMapping("/public-reports/{id}/verify")
  String verify(
      @PathVariable long id,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String publicNote,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "reportdesk.page.verified",
        () -> desk.verify(id, new ReportDesk.Verify(blank(type), title, publicNote)));
  }

  @PostMapping("/public-reports/{id}/reject")
  String reject(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(id, redirect, "reportdesk.page.rejected", () -> desk.reject(id, reason));
  }

  @PostMapping("/public-reports/{id}/merge")
  String merge(
      @PathVariable long id,
      @RequestParam long into,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return act(id, redirect, "reportdesk.page.merged", () -> desk.merge(id, into, version));
  }

  @PostMapping("/public-reports/{id}/photos/{photoId}/{decision}")
  String moderate(
      @PathVariable long id,
      @PathVariable long photoId,
      @PathVariable String decision,
      RedirectAttributes redirect) {
    boolean approve = "approve".equals(decision);
    return act(
        id,
        redirect,
        approve ? "reportdesk.page.photoApproved" : "reportdesk.page.photoWithdrawn",
        () -> photos.approve(id, photoId, approve));
  }

  /** The reporter's identity, shown once on this answer (not kept in the session), audited. */
  @PostMapping("/public-reports/{id}/reporter")
  String reporter(@PathVariable long id, Model model) {
    ReporterIdentity.Reporter r = identity.reveal(id);
    model.addAttribute("reporter", r);
    return detail(id, model);
  }

  private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
    return actions.act("/public-reports/" + id, redirect, "reportdesk.page", done, action);
  }

  private String text(String key, Object... args) {
    return actions.text(key, args);
  }

  private Map<String, String> names(List<String> codes) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String code : codes) {
      names.computeIfAbsent(code, c -> divisions.find(c).map(Division::name).orElse(c));
    }
    return names;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
