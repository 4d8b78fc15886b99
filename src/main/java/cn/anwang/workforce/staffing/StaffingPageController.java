package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.workforce.officer.Officer;
import cn.anwang.workforce.officer.OfficerRepository;
import cn.anwang.workforce.officer.OfficerStatus;
import cn.anwang.workforce.officer.WorkforcePolicy;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staffing dashboard (compliance, load distribution, norms), the rebalancing page of a street
 * and the officer-load fragment the officer profile loads with htmx.
 */
@Controller
class StaffingPageController {

  private final CurrentActor actors;
  private final DivisionTree tree;
  private final Divisions divisions;
  private final Compliance compliance;
  private final Workloads workloads;
  private final StaffingNorms norms;
  private final Rebalancing rebalancing;
  private final OfficerRepository officers;
  private final MessageSource messages;

  StaffingPageController(
      CurrentActor actors,
      DivisionTree tree,
      Divisions divisions,
      Compliance compliance,
      Workloads workloads,
      StaffingNorms norms,
      Rebalancing rebalancing,
      OfficerRepository officers,
      MessageSource messages) {
    this.actors = actors;
    this.tree = tree;
    this.divisions = divisions;
    this.compliance = compliance;
    this.workloads = workloads;
    this.norms = norms;
    this.rebalancing = rebalancing;
    this.officers = officers;
    this.messages = messages;
  }

  @GetMapping("/workforce/staffing")
  String dashboard(@RequestParam(required = false) String division, Model model) {
    Actor actor = actors.require();
    Division d = tree.resolve(actor, division, true);
    Compliance.Report report = compliance.compute(d);
    Workloads.Report load = workloads.compute(d, d.level() == DivisionLevel.STREET);
    model.addAttribute("division", d);
    model.addAttribute(
        "path",
        divisions.path(d.code()).stream()
            .filter(p -> actor.covers(p.code()) || p.code().equals(d.code()))
            .toList());
    model.addAttribute("report", report);
    model.addAttribute("load", load);
    int maxBucket = load.histogram().stream().mapToInt(Workloads.Bucket::officers).max().orElse(0);
    model.addAttribute("maxBucket", Math.max(1, maxBucket));
    model.addAttribute("norms", norms.view());
    model.addAttribute(
        "street", d.level() == DivisionLevel.STREET ? report.streets().get(0) : null);
    model.addAttribute("mayRebalance", WorkforcePolicy.manages(actor, d.code()));
    return "workforce/staffing";
  }

  @PostMapping("/workforce/staffing/norms/{category}")
  String updateNorm(
      @PathVariable String category,
      @RequestParam(required = false) Integer minPerStreet,
      @RequestParam(required = false) Integer maxPerStreet,
      @RequestParam(required = false) Integer heavyVillageMinObjects,
      @RequestParam(required = false) Integer heavyVillageMinHighRisk,
      @RequestParam(required = false) Integer version,
      @RequestParam(required = false) String division,
      RedirectAttributes redirect) {
    try {
      norms.update(
          category,
          new StaffingNorms.NormDraft(
              minPerStreet,
              maxPerStreet,
              heavyVillageMinObjects,
              heavyVillageMinHighRisk,
              version));
      redirect.addFlashAttribute("message", text("workforce.staffing.norms.saved"));
    } catch (StaffingProblem e) {
      redirect.addFlashAttribute("error", describe(e));
    }
    return "redirect:/workforce/staffing" + (division == null ? "" : "?division=" + division);
  }

  @GetMapping("/workforce/staffing/rebalance")
  String rebalance(
      @RequestParam String street, @RequestParam(required = false) Long proposal, Model model) {
    Actor actor = actors.require();
    List<Rebalancing.Proposal> history = rebalancing.history(street);
    Rebalancing.Proposal shown =
        proposal != null
            ? rebalancing.get(proposal)
            : history.stream().filter(p -> "PROPOSED".equals(p.status())).findFirst().orElse(null);
    if (shown != null && !shown.streetCode().equals(street)) {
      throw StaffingProblem.notFound("rebalance proposal", proposal);
    }
    Division s = tree.resolve(actor, street, true);
    model.addAttribute("street", s);
    model.addAttribute("history", history);
    model.addAttribute("proposal", shown);
    double maxLoad =
        shown == null
            ? 1
            : shown.officers().stream()
                .mapToDouble(o -> Math.max(o.before(), o.after()))
                .max()
                .orElse(1);
    model.addAttribute("maxLoad", Math.max(1, maxLoad));
    model.addAttribute("mayManage", WorkforcePolicy.manages(actor, s.code()));
    return "workforce/rebalance";
  }

  @PostMapping("/workforce/staffing/rebalance")
  String propose(@RequestParam String street, RedirectAttributes redirect) {
    Rebalancing.Proposal p = rebalancing.propose(street);
    return "redirect:/workforce/staffing/rebalance?street=" + street + "&proposal=" + p.id();
  }

  @PostMapping("/workforce/staffing/rebalance/{id}/apply")
  String apply(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    Rebalancing.Proposal p = rebalancing.get(id);
    try {
      rebalancing.apply(id, version);
      redirect.addFlashAttribute("message", text("workforce.staffing.rebalance.applied"));
    } catch (StaffingProblem e) {
      redirect.addFlashAttribute("error", describe(e));
    } catch (cn.anwang.workforce.officer.AssignmentRefused e) {
      redirect.addFlashAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
    }
    return "redirect:/workforce/staffing/rebalance?street=" + p.streetCode() + "&proposal=" + id;
  }

  @PostMapping("/workforce/staffing/rebalance/{id}/discard")
  String discard(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    Rebalancing.Proposal p = rebalancing.get(id);
    try {
      rebalancing.discard(id, version);
      redirect.addFlashAttribute("message", text("workforce.staffing.rebalance.discarded"));
    } catch (StaffingProblem e) {
      redirect.addFlashAttribute("error", describe(e));
    }
    return "redirect:/workforce/staffing/rebalance?street=" + p.streetCode() + "&proposal=" + id;
  }

  /** The officer's load as an HTML fragment (for the officer profile, loaded with htmx). */
  @GetMapping("/workforce/officers/{id}/load")
  String officerLoad(@PathVariable long id, Model model) {
    Actor actor = actors.require();
    Officer officer =
        officers
            .find(id)
            .filter(o -> WorkforcePolicy.seesOfficer(actor, o))
            .orElseThrow(() -> StaffingProblem.notFound("officer", id));
    model.addAttribute("officer", officer);
    model.addAttribute("active", officer.status() == OfficerStatus.ACTIVE);
    model.addAttribute("detail", workloads.officer(id, officer.streetCode()));
    return "workforce/staffing-load :: load";
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  private String describe(StaffingProblem e) {
    Locale locale = LocaleContextHolder.getLocale();
    String head = messages.getMessage(e.key(), e.args(), e.getMessage(), locale);
    if (e.fields().isEmpty()) {
      return head;
    }
    return head
        + " "
        + e.fields().stream()
            .map(
                f ->
                    text("workforce.staffing.label." + f.field())
                        + ": "
                        + messages.getMessage(f.key(), f.args().toArray(), f.key(), locale))
            .collect(Collectors.joining("; "));
  }

  /** Pages answer 404 (or 400/403) with the error page rather than a stack trace. */
  @ControllerAdvice(assignableTypes = StaffingPageController.class)
  static class Errors {

    private final MessageSource messages;

    Errors(MessageSource messages) {
      this.messages = messages;
    }

    @ExceptionHandler(StaffingProblem.class)
    String problem(StaffingProblem e, HttpServletResponse response, Model model) {
      response.setStatus(e.status().value());
      model.addAttribute("status", e.status().value());
      model.addAttribute(
          "detail",
          messages.getMessage(e.key(), e.args(), e.getMessage(), LocaleContextHolder.getLocale()));
      return "workforce/staffing-error";
    }
  }
}
