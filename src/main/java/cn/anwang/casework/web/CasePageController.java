package cn.anwang.casework.web;

import cn.anwang.casework.attachment.AttachmentRejected;
import cn.anwang.casework.attachment.AttachmentService;
import cn.anwang.casework.attachment.AttachmentView;
import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.CaseCommands;
import cn.anwang.casework.cases.CaseConflict;
import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.CaseRejected;
import cn.anwang.casework.cases.CaseSource;
import cn.anwang.casework.cases.CaseType;
import cn.anwang.casework.cases.CaseView;
import cn.anwang.casework.cases.HandlerType;
import cn.anwang.casework.cases.SafetyCase;
import cn.anwang.casework.cases.TransitionNotAllowed;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the report form, a case's page (facts, clock, timeline with attachments, and the
 * forms of the actions the user may take now, computed on the server), and the action posts.
 */
@Controller
class CasePageController {

  /** What the report form sends. */
  record ReportForm(
      CaseType type,
      CaseSource source,
      Long objectId,
      String objectName,
      Double lon,
      Double lat,
      String address,
      String title,
      String description,
      String idempotencyKey) {}

  /** What an action form sends; each action reads the fields it needs. */
  record ActionForm(
      Integer version,
      String reason,
      String handler,
      Integer days,
      Double lon,
      Double lat,
      String goals,
      String measures,
      String funds,
      String people,
      String deadline,
      String safetyMeasures,
      String emergencyPlan) {}

  private final CaseFacade cases;
  private final AttachmentService attachments;
  private final Departments departments;
  private final CurrentActor currentActor;
  private final MessageSource messages;
  private final TransactionTemplate tx;
  private final String tileUrl;
  private final String tileAttribution;

  CasePageController(
      CaseFacade cases,
      AttachmentService attachments,
      Departments departments,
      CurrentActor currentActor,
      MessageSource messages,
      TransactionTemplate tx,
      @Value("${anwang.map.tile-url-template:}") String tileUrl,
      @Value("${anwang.map.tile-attribution:}") String tileAttribution) {
    this.cases = cases;
    this.attachments = attachments;
    this.departments = departments;
    this.currentActor = currentActor;
    this.messages = messages;
    this.tx = tx;
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
  }

  @ModelAttribute
  void common(Model model) {
    model.addAttribute("fmt", new PageFormat());
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("tileAttribution", tileAttribution);
  }

  // ------------------------------------------------------------------ report

  @GetMapping("/cases/new")
  String reportForm(Model model) {
    model.addAttribute(
        "form",
        new ReportForm(
            CaseType.GENERAL_HAZARD,
            defaultSource(currentActor.require()),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
    return reportPage(model);
  }

  private String reportPage(Model model) {
    model.addAttribute("types", CaseType.values());
    model.addAttribute("sources", CaseSource.values());
    model.addAttribute("maxMegabytes", attachments.maxBytes() / (1024 * 1024));
    return "casework/casepages-new";
  }

  @PostMapping("/cases/new")
  String report(
      @ModelAttribute("form") ReportForm form,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      Model model,
      Locale locale) {
    List<AttachmentService.Upload> uploads = uploads(photos);
    try {
      // the files are checked first; the report commits on its own (its idempotency needs that),
      // then the photos are stored and linked to the report's line
      attachments.check(uploads);
      CaseFacade.Reported r =
          cases.report(
              new CaseCommands.Report(
                  form.type(),
                  form.source(),
                  form.objectId(),
                  form.lon(),
                  form.lat(),
                  blankToNull(form.address()),
                  form.title(),
                  form.description()),
              blankToNull(form.idempotencyKey()));
      long id = r.view().id();
      if (r.created() && !uploads.isEmpty()) {
        tx.executeWithoutResult(
            status -> {
              List<Long> ids =
                  attachments.upload(id, uploads).stream().map(AttachmentView::id).toList();
              attachments.link(id, cases.reportEventId(id), ids);
            });
      }
      return "redirect:/cases/" + id;
    } catch (RuntimeException e) {
      model.addAttribute("failure", message(e, locale));
      return reportPage(model);
    }
  }

  private static CaseSource defaultSource(Actor a) {
    return switch (a.role()) {
      case VILLAGE_OFFICER -> CaseSource.VILLAGE_REPORT;
      case DEPARTMENT_STAFF -> CaseSource.DEPARTMENT;
      case THIRD_PARTY -> CaseSource.THIRD_PARTY;
      case ENTERPRISE_USER -> CaseSource.PUBLIC_REPORT;
      default -> CaseSource.OFFICER_INSPECTION;
    };
  }

  // ------------------------------------------------------------------ case page

  @GetMapping("/cases/{id}")
  String detail(@PathVariable long id, Model model) {
    CaseView c = cases.get(id);
    List<AttachmentView> files = attachments.listUnchecked(id);
    Map<Long, List<AttachmentView>> byEvent = new LinkedHashMap<>();
    List<AttachmentView> loose = new ArrayList<>();
    for (AttachmentView a : files) {
      if (a.eventId() == null) {
        loose.add(a);
      } else {
        byEvent.computeIfAbsent(a.eventId(), k -> new ArrayList<>()).add(a);
      }
    }
    List<CaseAction> allowed = cases.allowedActions(id);
    model.addAttribute("c", c);
    model.addAttribute("actions", allowed);
    model.addAttribute("attachmentsByEvent", byEvent);
    model.addAttribute("looseAttachments", loose);
    model.addAttribute("handlerChoices", handlerChoices(c));
    model.addAttribute("handlerNames", handlerNames(c));
    model.addAttribute("suggested", suggested(c));
    model.addAttribute("planParts", SafetyCase.PLAN_PARTS);
    return "casework/casepages-detail";
  }

  @PostMapping("/cases/{id}/actions/{action}")
  String act(
      @PathVariable long id,
      @PathVariable CaseAction action,
      @ModelAttribute ActionForm form,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      RedirectAttributes redirect,
      Locale locale) {
    List<AttachmentService.Upload> uploads = uploads(files);
    try {
      boolean reinspection = action == CaseAction.REINSPECT_PASS || action == CaseAction.REWORK;
      if (reinspection && uploads.isEmpty()) {
        throw new PageRejected("casework.page.photoRequired");
      }
      HandlerType handlerType = null;
      String handlerCode = null;
      if (form.handler() != null && form.handler().contains(":")) {
        handlerType = HandlerType.valueOf(form.handler().substring(0, form.handler().indexOf(':')));
        handlerCode = form.handler().substring(form.handler().indexOf(':') + 1);
      }
      Map<String, Object> plan = null;
      if (action == CaseAction.PLAN) {
        plan = new LinkedHashMap<>();
        putIfSet(plan, "goals", form.goals());
        putIfSet(plan, "measures", form.measures());
        putIfSet(plan, "funds", form.funds());
        putIfSet(plan, "people", form.people());
        putIfSet(plan, "deadline", form.deadline());
        putIfSet(plan, "safetyMeasures", form.safetyMeasures());
        putIfSet(plan, "emergencyPlan", form.emergencyPlan());
      }
      CaseCommands.Act cmd =
          new CaseCommands.Act(
              form.version(),
              blankToNull(form.reason()),
              handlerType,
              handlerCode,
              form.days(),
              action == CaseAction.APPROVE_EXTENSION
                  ? Boolean.TRUE
                  : action == CaseAction.REFUSE_EXTENSION ? Boolean.FALSE : null,
              reinspection ? action == CaseAction.REINSPECT_PASS : null,
              form.lon(),
              form.lat(),
              plan);
      tx.executeWithoutResult(
          status -> {
            List<Long> ids =
                uploads.isEmpty()
                    ? List.of()
                    : attachments.upload(id, uploads).stream().map(AttachmentView::id).toList();
            cases.act(id, action, cmd, ids);
          });
      redirect.addFlashAttribute(
          "message",
          messages.getMessage(
              "casework.page.done",
              new Object[] {messages.getMessage("casework.action." + action.name(), null, locale)},
              locale));
      if (action == CaseAction.RETURN) {
        // the returned case has left the returner's view: back to what is still theirs
        return "redirect:/cases/inbox";
      }
    } catch (RuntimeException e) {
      redirect.addFlashAttribute("failure", message(e, locale));
    }
    return "redirect:/cases/" + id;
  }

  private static void putIfSet(Map<String, Object> plan, String key, String value) {
    if (value != null && !value.isBlank()) {
      plan.put(key, value.strip());
    }
  }

  /** Where the case may be dispatched: its street, and the district's and city's departments. */
  private List<Map<String, String>> handlerChoices(CaseView c) {
    List<Map<String, String>> out = new ArrayList<>();
    if (c.streetCode() != null) {
      out.add(Map.of("value", "STREET:" + c.streetCode(), "label", c.streetCode()));
    }
    for (Department d : departments.activeFor(c.districtCode())) {
      out.add(Map.of("value", "DEPARTMENT:" + d.code(), "label", d.name()));
    }
    if (c.objectId() != null) {
      // the enterprise itself rectifies; its linked users handle the case
      out.add(Map.of("value", "ENTERPRISE:" + c.objectId(), "label", "#" + c.objectId()));
    }
    return out;
  }

  private Map<String, String> handlerNames(CaseView c) {
    Map<String, String> names = new LinkedHashMap<>();
    for (var e : c.timeline()) {
      Object code = e.data().get("handlerCode");
      if (code != null && "DEPARTMENT".equals(e.data().get("handlerType"))) {
        departments.find(code.toString()).ifPresent(d -> names.put(d.code(), d.name()));
      }
    }
    if (c.handlerType() == HandlerType.DEPARTMENT) {
      departments.find(c.handlerCode()).ifPresent(d -> names.put(d.code(), d.name()));
    }
    return names;
  }

  private static String suggested(CaseView c) {
    if (c.suggestedHandler() == null || c.suggestedHandler().isEmpty()) {
      return null;
    }
    return c.suggestedHandler().get("handlerType") + ":" + c.suggestedHandler().get("handlerCode");
  }

  // ------------------------------------------------------------------ helpers

  private static List<AttachmentService.Upload> uploads(List<MultipartFile> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream()
        .filter(f -> f != null && !f.isEmpty())
        .map(AttachmentService.Upload::of)
        .toList();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An error as one sentence in the page's language. */
  private String message(RuntimeException e, Locale locale) {
    if (e instanceof CaseRejected r) {
      return messages.getMessage(r.rule(), new Object[] {r.argument()}, locale);
    }
    if (e instanceof TransitionNotAllowed t) {
      return t.rule() != null
          ? messages.getMessage(t.rule(), null, locale)
          : messages.getMessage(
              "casework.rule.notFromStatus",
              new Object[] {
                messages.getMessage("casework.action." + t.action().name(), null, locale),
                messages.getMessage("casework.status." + t.status().name(), null, locale)
              },
              locale);
    }
    if (e instanceof CaseConflict) {
      return messages.getMessage("casework.page.stale", null, locale);
    }
    if (e instanceof AttachmentRejected a) {
      return messages.getMessage(a.rule(), new Object[] {a.fileName(), a.argument()}, locale);
    }
    if (e instanceof PageRejected p) {
      return messages.getMessage(p.getMessage(), null, locale);
    }
    if (e instanceof ErrorResponseException r && r.getStatusCode().value() == 403) {
      return messages.getMessage("casework.page.forbidden", null, locale);
    }
    if (e instanceof ErrorResponseException r && r.getStatusCode().value() == 404) {
      return messages.getMessage("casework.page.notFound", null, locale);
    }
    throw e;
  }

  /** A rule the page itself checks (the message key is the exception's message). */
  static final class PageRejected extends RuntimeException {
    PageRejected(String key) {
      super(key, null, false, false);
    }
  }

  static boolean isAdmin(Actor a) {
    return a.role() == Role.CITY_ADMIN
        || a.role() == Role.DISTRICT_ADMIN
        || a.role() == Role.STREET_ADMIN;
  }
}
