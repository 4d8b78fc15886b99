package cn.anwang.identity.user;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Territories;
import cn.anwang.identity.Territories.Territory;
import cn.anwang.identity.user.UserCommands.CreatedUser;
import cn.anwang.identity.user.UserCommands.NewPassword;
import cn.anwang.identity.user.UserCommands.NewUser;
import cn.anwang.identity.user.UserCommands.PasswordReset;
import cn.anwang.identity.user.UserCommands.UserChanges;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages; the rules are in {@link UserAdministration}. */
@Controller
@RequestMapping("/users")
@PreAuthorize("hasAnyRole('CITY_ADMIN', 'DISTRICT_ADMIN', 'STREET_ADMIN')")
class UserPageController {

  private static final int PAGE_SIZE = 50;

  private final UserAdministration administration;
  private final CurrentActor currentActor;
  private final Territories territories;

  UserPageController(
      UserAdministration administration, CurrentActor currentActor, Territories territories) {
    this.administration = administration;
    this.currentActor = currentActor;
    this.territories = territories;
  }

  @ModelAttribute("grantableRoles")
  List<Role> grantableRoles() {
    return currentActor
        .current()
        .map(Actor::role)
        .map(own -> Arrays.stream(Role.values()).filter(own::mayGrant).toList())
        .orElse(List.of());
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("result", administration.list(q, page, PAGE_SIZE));
    return "identity/users";
  }

  @GetMapping("/new")
  String newUser(Model model) {
    Actor manager = currentActor.require();
    model.addAttribute(
        "user",
        new NewUser(null, null, null, manager.scope().territoryCode(), null, null, null, null));
    return "identity/user-new";
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("user") NewUser user,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.getTarget() == null) {
      rebind(model, "user", user, binding);
    }
    if (binding.hasErrors()) {
      return "identity/user-new";
    }
    CreatedUser created = attempt(binding, () -> administration.create(user));
    if (created == null) {
      return "identity/user-new";
    }
    redirect.addFlashAttribute("message", "identity.users.created");
    redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
    return "redirect:/users/" + created.user().id();
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    UserView user = administration.get(id);
    model.addAttribute(
        "changes",
        new UserChanges(
            user.displayName(),
            user.role(),
            user.territoryCode(),
            user.departmentCode(),
            user.email(),
            user.language()));
    return detail(user, model);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("changes") UserChanges changes,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    if (binding.getTarget() == null) {
      rebind(model, "changes", changes, binding);
    }
    if (!binding.hasErrors()
        && attempt(binding, () -> administration.update(id, changes)) != null) {
      redirect.addFlashAttribute("message", "identity.users.saved");
      return "redirect:/users/" + id;
    }
    return detail(administration.get(id), model);
  }

  @PostMapping("/{id}/disable")
  String disable(@PathVariable long id, RedirectAttributes redirect) {
    return act(id, redirect, "identity.users.disabled", () -> administration.disable(id));
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable long id, RedirectAttributes redirect) {
    return act(id, redirect, "identity.users.enabled", () -> administration.enable(id));
  }

  @PostMapping("/{id}/unlock")
  String unlock(@PathVariable long id, RedirectAttributes redirect) {
    return act(id, redirect, "identity.users.unlocked", () -> administration.unlock(id));
  }

  @PostMapping("/{id}/reset-password")
  String resetPassword(
      @PathVariable long id,
      @Valid @ModelAttribute("reset") PasswordReset reset,
      BindingResult binding,
      RedirectAttributes redirect) {
    if (binding.hasErrors()) {
      redirect.addFlashAttribute("failure", "identity.error.weakPassword");
      redirect.addFlashAttribute("failureArgs", new Object[] {UserPolicy.MIN_PASSWORD_LENGTH});
      return "redirect:/users/" + id;
    }
    NewPassword password;
    try {
      password = administration.resetPassword(id, reset.password());
    } catch (UserAdministrationException e) {
      return failed(id, redirect, e);
    }
    redirect.addFlashAttribute("message", "identity.users.passwordReset");
    redirect.addFlashAttribute("oneTimePassword", password.oneTimePassword());
    return "redirect:/users/" + id;
  }

  // Rules broken outside a form (a user outside the territory, a role above one's own) end on
  // the error page: 404 hides users elsewhere, 403 for the rest.
  @ExceptionHandler(UserAdministrationException.class)
  void refused(UserAdministrationException e, HttpServletResponse response) throws IOException {
    response.sendError(
        e.kind() == UserAdministrationException.Kind.NOT_FOUND
            ? HttpServletResponse.SC_NOT_FOUND
            : HttpServletResponse.SC_FORBIDDEN);
  }

  /**
   * When a value cannot even be converted (say, an unknown role), Spring still builds the record
   * (with null there) but leaves the binding result without a target, so the form would have no
   * object to show again. Put the record back with the failed fields marked.
   */
  private static void rebind(Model model, String name, Object echo, BindingResult failed) {
    BindingResult errors = new BeanPropertyBindingResult(echo, name);
    failed
        .getFieldErrors()
        .forEach(
            e ->
                errors.rejectValue(
                    e.getField(), "identity.error.invalidValue", e.getDefaultMessage()));
    // Replacing the attribute drops its old binding result, so the new one goes in afterwards.
    model.addAttribute(name, echo);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, errors);
  }

  private String detail(UserView user, Model model) {
    model.addAttribute("user", user);
    model.addAttribute(
        "territoryName", territories.find(user.territoryCode()).map(Territory::name).orElse(""));
    if (!model.containsAttribute("reset")) {
      model.addAttribute("reset", new PasswordReset(null));
    }
    return "identity/user";
  }

  private String act(
      long id, RedirectAttributes redirect, String message, Supplier<UserView> action) {
    try {
      action.get();
    } catch (UserAdministrationException e) {
      return failed(id, redirect, e);
    }
    redirect.addFlashAttribute("message", message);
    return "redirect:/users/" + id;
  }

  private static String failed(
      long id, RedirectAttributes redirect, UserAdministrationException e) {
    if (e.kind() == UserAdministrationException.Kind.NOT_FOUND) {
      throw e;
    }
    redirect.addFlashAttribute("failure", e.messageKey());
    redirect.addFlashAttribute("failureArgs", e.arguments());
    return "redirect:/users/" + id;
  }

  /** Runs an administration step; a broken rule becomes a form error and the result null. */
  private static <T> T attempt(BindingResult binding, Supplier<T> step) {
    try {
      return step.get();
    } catch (UserAdministrationException e) {
      if (e.kind() == UserAdministrationException.Kind.NOT_FOUND) {
        throw e;
      }
      if (e.field() != null) {
        binding.rejectValue(e.field(), e.messageKey(), e.arguments(), e.getMessage());
      } else {
        binding.reject(e.messageKey(), e.arguments(), e.getMessage());
      }
      return null;
    }
  }
}
