package cn.anwang.org.responsibility;

import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.org.responsibility.OrgCommands.DepartmentDraft;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The department list and the create and edit forms; the rules are in {@link DepartmentService}.
 */
@Controller
class DepartmentPageController {

  private final DepartmentService departments;
  private final CurrentActor currentActor;

  DepartmentPageController(DepartmentService departments, CurrentActor currentActor) {
    this.departments = departments;
    this.currentActor = currentActor;
  }

  @ModelAttribute
  void choices(Model model) {
    model.addAttribute("allKinds", ObjectKind.values());
    model.addAttribute("allHazards", HazardFeature.values());
  }

  @GetMapping("/departments")
  String list(Model model) {
    model.addAttribute("departments", departments.list());
    model.addAttribute("mayCreate", departments.mayCreate());
    return "org/departments";
  }

  @GetMapping("/departments/new")
  String newDepartment(Model model) {
    if (!departments.mayCreate()) {
      throw new org.springframework.security.access.AccessDeniedException("no right to create");
    }
    String district = OrgPolicy.districtOf(currentActor.require());
    model.addAttribute(
        "draft", new DepartmentDraft(null, null, district, null, null, null, false, null));
    model.addAttribute("department", null);
    model.addAttribute("mayChange", true);
    return "org/department";
  }

  @PostMapping("/departments")
  String create(
      @ModelAttribute("draft") DepartmentDraft draft, Model model, RedirectAttributes redirect) {
    try {
      Department created = departments.create(draft);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/departments/" + created.code();
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    } catch (OrgConflict e) {
      model.addAttribute("error", e.getMessage());
    }
    model.addAttribute("department", null);
    model.addAttribute("mayChange", true);
    return "org/department";
  }

  @GetMapping("/departments/{code}")
  String show(@PathVariable String code, Model model) {
    Department department = departments.get(code);
    model.addAttribute(
        "draft",
        new DepartmentDraft(
            department.key(),
            department.name(),
            department.districtCode(),
            department.dutyIndustries(),
            names(department.dutyHazards()),
            names(department.dutyKinds()),
            department.fallback(),
            department.version()));
    return detail(department, model);
  }

  @PostMapping("/departments/{code}")
  String update(
      @PathVariable String code,
      @ModelAttribute("draft") DepartmentDraft draft,
      Model model,
      RedirectAttributes redirect) {
    DepartmentDraft changes =
        new DepartmentDraft(
            null,
            draft.name(),
            null,
            draft.dutyIndustries(),
            draft.dutyHazards(),
            draft.dutyKinds(),
            draft.isFallback(),
            draft.version());
    try {
      departments.update(code, changes);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/departments/" + code;
    } catch (OrgRejected e) {
      model.addAttribute("fieldErrors", e.fields());
    } catch (OrgConflict e) {
      model.addAttribute("error", e.getMessage());
    }
    return detail(departments.get(code), model);
  }

  @PostMapping("/departments/{code}/active")
  String setActive(
      @PathVariable String code,
      @RequestParam boolean active,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    try {
      departments.setActive(code, active, version);
      redirect.addFlashAttribute("saved", true);
    } catch (OrgConflict e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/departments/" + code;
  }

  private String detail(Department department, Model model) {
    model.addAttribute("department", department);
    model.addAttribute("mayChange", departments.mayChange(department));
    return "org/department";
  }

  static List<String> names(java.util.Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toList();
  }
}
