package cn.anwang.org.responsibility;

import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.responsibility.OrgCommands.ChangeKind;
import cn.anwang.org.responsibility.OrgCommands.ProposedChange;
import cn.anwang.org.responsibility.OrgCommands.RuleDraft;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule list with the evaluate box, the rule form with its preview; the rules about rules are in
 * {@link RuleService}. The preview and the evaluation answer htmx with a fragment.
 */
@Controller
class RulePageController {

  private final RuleService rules;
  private final CurrentActor currentActor;

  RulePageController(RuleService rules, CurrentActor currentActor) {
    this.rules = rules;
    this.currentActor = currentActor;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("allKinds", ObjectKind.values());
    model.addAttribute("allHazards", HazardFeature.values());
  }

  @GetMapping("/responsibility-rules")
  String list(Model model) {
    model.addAttribute("rules", rules.list());
    model.addAttribute("departments", rules.visibleDepartments());
    model.addAttribute("mayCreate", rules.mayCreate());
    String district = OrgPolicy.districtOf(currentActor.require());
    model.addAttribute("district", district == null ? "120101" : district);
    return "org/rules";
  }

  /** The evaluate box: the page with the answer, or for htmx only the answer. */
  @GetMapping("/responsibility-rules/evaluate")
  String evaluate(
      @RequestParam String district,
      @RequestParam String kind,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) List<String> hazards,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    try {
      model.addAttribute("evaluation", rules.evaluate(district, kind, industry, hazards));
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    }
    if (htmx != null) {
      return "org/rules :: evaluation";
    }
    list(model);
    model.addAttribute("district", district);
    return "org/rules";
  }

  @GetMapping("/responsibility-rules/new")
  String newRule(Model model) {
    if (!rules.mayCreate()) {
      throw new AccessDeniedException("no right to create rules");
    }
    String district = OrgPolicy.districtOf(currentActor.require());
    model.addAttribute("draft", new RuleDraft(district, 100, null, null, null, null, null, null));
    return form(null, model);
  }

  @PostMapping("/responsibility-rules")
  String create(
      @ModelAttribute("draft") RuleDraft draft, Model model, RedirectAttributes redirect) {
    try {
      ResponsibilityRule created = rules.create(draft);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/responsibility-rules/" + created.id();
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    }
    return form(null, model);
  }

  @GetMapping("/responsibility-rules/{id}")
  String show(@PathVariable long id, Model model) {
    ResponsibilityRule rule = rules.get(id);
    model.addAttribute(
        "draft",
        new RuleDraft(
            rule.districtCode(),
            rule.priority(),
            rule.industryPrefixes(),
            DepartmentPageController.names(rule.hazards()),
            DepartmentPageController.names(rule.kinds()),
            rule.departmentKey(),
            rule.note(),
            rule.version()));
    return form(rule, model);
  }

  @PostMapping("/responsibility-rules/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute("draft") RuleDraft draft,
      Model model,
      RedirectAttributes redirect) {
    try {
      rules.update(id, draft);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/responsibility-rules/" + id;
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    } catch (OrgConflict e) {
      model.addAttribute("error", e.getMessage());
    }
    return form(rules.get(id), model);
  }

  @PostMapping("/responsibility-rules/{id}/active")
  String setActive(
      @PathVariable long id,
      @RequestParam boolean active,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    try {
      rules.setActive(id, active, version);
      redirect.addFlashAttribute("saved", true);
    } catch (OrgConflict e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/responsibility-rules/" + id;
  }

  /** The preview of the form as it stands (htmx), without saving. */
  @PostMapping("/responsibility-rules/preview")
  String preview(
      @ModelAttribute("draft") RuleDraft draft,
      @RequestParam(required = false) Long ruleId,
      @RequestParam(defaultValue = "CREATE") ChangeKind change,
      Model model) {
    try {
      model.addAttribute("preview", rules.preview(new ProposedChange(change, ruleId, draft)));
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    }
    return "org/rule :: preview";
  }

  private String form(ResponsibilityRule rule, Model model) {
    model.addAttribute("rule", rule);
    model.addAttribute("mayChange", rule == null ? rules.mayCreate() : rules.mayChange(rule));
    Map<String, String> keys = new TreeMap<>();
    rules.visibleDepartments().values().stream()
        .filter(Department::active)
        .sorted(Comparator.comparing(Department::cityLevel))
        .forEach(d -> keys.putIfAbsent(d.key(), d.name()));
    model.addAttribute("departmentKeys", keys);
    return "org/rule";
  }
}
