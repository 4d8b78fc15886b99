package cn.anwang.identity.token;

import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.token.ApiTokenService.Created;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own tokens ({@code /account/tokens}). Creating answers the POST with the page itself
 * (and {@code Cache-Control: no-store}) instead of a redirect: a redirect would have to park the
 * secret in the session, which lives in PostgreSQL. Revoking is POST-redirect-GET.
 */
@Controller
@RequestMapping("/account/tokens")
class TokenPageController {

  private static final String VIEW = "identity/tokens";

  private final ApiTokenService service;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  TokenPageController(ApiTokenService service, CurrentActor currentActor, MessageSource messages) {
    this.service = service;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  @GetMapping
  String page(Model model) {
    return show(model, "", service.defaultExpiry().toString(), TokenScope.READ.name());
  }

  @PostMapping
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String expiresOn,
      @RequestParam(defaultValue = "") String scope,
      Model model,
      HttpServletResponse response) {
    try {
      Created created = service.create(currentActor.require(), name, expiresOn, scope);
      response.setHeader("Cache-Control", "no-store");
      model.addAttribute("created", created.token());
      model.addAttribute("secret", created.secret());
      return page(model);
    } catch (TokenProblem e) {
      model.addAttribute("errorField", e.field());
      model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
      return show(model, name, expiresOn, scope);
    }
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    try {
      TokenView revoked = service.revoke(currentActor.require(), id);
      redirect.addFlashAttribute("revokedName", revoked.name());
    } catch (TokenProblem e) {
      redirect.addFlashAttribute(
          "failure", messages.getMessage(e, LocaleContextHolder.getLocale()));
    }
    return "redirect:/account/tokens";
  }

  private String show(Model model, String name, String expiresOn, String scope) {
    model.addAttribute("tokens", service.own(currentActor.require()));
    model.addAttribute("name", name);
    model.addAttribute("expiresOn", expiresOn);
    model.addAttribute("scope", scope);
    model.addAttribute("today", service.today().toString());
    model.addAttribute("maxExpiry", service.maxExpiry().toString());
    model.addAttribute("scopes", TokenScope.values());
    model.addAttribute("zone", ApiTokenService.ZONE);
    return VIEW;
  }
}
