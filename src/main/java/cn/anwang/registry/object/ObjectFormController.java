package cn.anwang.registry.object;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.org.Department;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The object form: registering an object, changing one and deleting one. The registry decides what
 * is allowed; this controller shows its refusals next to the field they concern, with the person's
 * input kept.
 */
@Controller
class ObjectFormController {

  /** Fields of the form a refusal can point at; others are shown above the form. */
  private static final Set<String> FORM_FIELDS =
      Set.of(
          "kind",
          "name",
          "address",
          "uscc",
          "usccOverrideReason",
          "lon",
          "lat",
          "crs",
          "districtCode",
          "gridCode",
          "gridOverrideReason",
          "industryCode",
          "scale",
          "employees",
          "contactName",
          "contactPhone",
          "status",
          "directSupervisionReason",
          "lastAccidentOn",
          "riskOverrideLevel",
          "riskOverrideReason",
          "departments");

  private final ObjectService objects;
  private final Validator validator;
  private final DepartmentNames departmentNames;
  private final CurrentActor currentActor;
  private final String tileUrl;
  private final String tileAttribution;

  ObjectFormController(
      ObjectService objects,
      Validator validator,
      DepartmentNames departmentNames,
      CurrentActor currentActor,
      @Value("${anwang.map.tile-url-template:}") String tileUrl,
      @Value("${anwang.map.tile-attribution:}") String tileAttribution) {
    this.objects = objects;
    this.validator = validator;
    this.departmentNames = departmentNames;
    this.currentActor = currentActor;
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
  }

  @GetMapping("/objects/new")
  String newObject(Model model) {
    requireCreate();
    model.addAttribute("form", ObjectForm.blank());
    return form(null, model);
  }

  @PostMapping("/objects")
  String create(
      @ModelAttribute("form") ObjectForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    requireCreate();
    BindingResult errors = errors(model, form, binding);
    if (!errors.hasErrors()) {
      try {
        ObjectView created = objects.create(valid(form.toInput(true)));
        redirect.addFlashAttribute("message", "registry.form.created");
        return "redirect:/objects/" + created.id();
      } catch (ObjectRejected e) {
        reject(errors, e);
      } catch (ObjectDuplicate e) {
        reject(errors, e);
      }
    }
    return form(null, model);
  }

  @GetMapping("/objects/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    requireEdit();
    ObjectView object = objects.get(id);
    model.addAttribute("form", ObjectForm.of(object));
    return form(object, model);
  }

  @PostMapping("/objects/{id}")
  String update(
      @PathVariable long id,
      @ModelAttribute("form") ObjectForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    requireEdit();
    BindingResult errors = errors(model, form, binding);
    if (!errors.hasErrors()) {
      try {
        objects.update(id, valid(form.toInput(objects.mayRevealContacts())), null);
        redirect.addFlashAttribute("message", "registry.form.saved");
        return "redirect:/objects/" + id;
      } catch (ObjectRejected e) {
        reject(errors, e);
      } catch (ObjectDuplicate e) {
        reject(errors, e);
      } catch (ObjectVersionConflict e) {
        errors.reject("registry.form.stale");
        model.addAttribute("stale", true);
      }
    }
    return form(objects.get(id), model);
  }

  @PostMapping("/objects/{id}/delete")
  String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
    try {
      objects.delete(id, version);
    } catch (ObjectVersionConflict e) {
      redirect.addFlashAttribute("failure", "registry.form.stale");
      return "redirect:/objects/" + id;
    }
    redirect.addFlashAttribute("message", "registry.form.deleted");
    return "redirect:/objects";
  }

  private String form(ObjectView object, Model model) {
    Actor actor = currentActor.require();
    String district =
        object != null
            ? object.districtCode()
            : actor.scope().territoryCode().length() >= 6
                ? actor.scope().territoryCode().substring(0, 6)
                : null;
    ObjectForm form = (ObjectForm) model.getAttribute("form");
    Map<String, String> choices = new LinkedHashMap<>();
    for (Department d : departmentNames.choicesFor(district)) {
      choices.put(d.code(), d.name());
    }
    if (form != null && form.departments() != null) {
      // departments set by hand earlier stay choosable even when no longer active
      choices.putAll(
          departmentNames.of(
              form.departments().stream().filter(c -> !choices.containsKey(c)).toList()));
    }
    model.addAttribute("object", object);
    model.addAttribute("departmentChoices", choices);
    model.addAttribute(
        "ruleDepartments",
        object == null
            ? Map.of()
            : departmentNames.of(
                object.departments().stream()
                    .filter(d -> d.source() == DepartmentLink.Source.RULE)
                    .map(DepartmentLink::departmentCode)
                    .toList()));
    model.addAttribute("askDistrict", actor.scope().territoryCode().length() < 6);
    model.addAttribute("kinds", ObjectKind.values());
    model.addAttribute("scales", Scale.values());
    model.addAttribute("statuses", ObjectStatus.values());
    model.addAttribute("risks", RiskLevel.values());
    model.addAttribute("directReasons", DirectSupervisionReason.values());
    model.addAttribute("hazardFeatures", HazardFeature.values());
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("tileAttribution", tileAttribution);
    return "registry/form";
  }

  /**
   * The input if it keeps to the lengths the API checks too; else the first field that does not.
   */
  private ObjectInput valid(ObjectInput input) {
    for (ConstraintViolation<ObjectInput> v : validator.validate(input)) {
      String field = v.getPropertyPath().iterator().next().getName();
      Object max = v.getConstraintDescriptor().getAttributes().get("max");
      throw max != null
          ? ObjectRejected.field(field, v.getMessage(), "registry.rejected.tooLong", max)
          : ObjectRejected.field(field, v.getMessage(), "registry.form.invalidValue");
    }
    return input;
  }

  private void requireCreate() {
    if (!objects.mayCreate()) {
      throw new AccessDeniedException("Only administrators register objects");
    }
  }

  private void requireEdit() {
    if (!objects.mayEdit()) {
      throw new AccessDeniedException("Your role does not change objects");
    }
  }

  /**
   * The binding result to report into. When a value cannot even be converted (an unknown enum),
   * Spring leaves the result without a target; put the form back with those fields marked.
   */
  private static BindingResult errors(Model model, ObjectForm form, BindingResult binding) {
    if (binding.getTarget() != null) {
      return binding;
    }
    BindingResult errors = new BeanPropertyBindingResult(form, "form");
    binding
        .getFieldErrors()
        .forEach(e -> errors.rejectValue(e.getField(), "registry.form.invalidValue"));
    model.addAttribute("form", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", errors);
    return errors;
  }

  private static void reject(BindingResult errors, ObjectRejected e) {
    String field = "location".equals(e.field()) ? "lon" : e.field();
    Object[] arguments = e.arguments();
    if ("registry.rejected.required".equals(e.messageKey())) {
      // the field's label in the person's language rather than its API name
      arguments =
          new Object[] {
            new DefaultMessageSourceResolvable(new String[] {"registry.field." + field}, field)
          };
    }
    if (FORM_FIELDS.contains(field)) {
      errors.rejectValue(field, e.messageKey(), arguments, e.getMessage());
    } else {
      errors.reject(e.messageKey(), arguments, e.getMessage());
    }
  }

  private static void reject(BindingResult errors, ObjectDuplicate e) {
    String key =
        "uscc".equals(e.field()) ? "registry.duplicate.uscc" : "registry.duplicate.nameAndAddress";
    Object[] args = {e.existingId() == null ? "—" : String.valueOf(e.existingId())};
    errors.rejectValue(e.field(), key, args, e.getMessage());
  }
}
