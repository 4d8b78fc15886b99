package cn.anwang.partner.web;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.partner.engagement.EngagementQueries;
import cn.anwang.partner.engagement.Engagements;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.registry.PartnerAccess;
import cn.anwang.partner.registry.PartnerQueries;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The engagements' pages for administrators, departments and auditors: {@code /partner-engagements}
 * (the district's), {@code /partner-engagements/new} (the form, refusals on it) and {@code
 * /partner-engagements/{id}} (period, services and scope). The API's services.
 */
@Controller
class EngagementPageController {

  private final CurrentActor actors;
  private final PartnerAccess access;
  private final PartnerQueries partners;
  private final EngagementQueries queries;
  private final Engagements engagements;
  private final MessageSource messages;

  EngagementPageController(
      CurrentActor actors,
      PartnerAccess access,
      PartnerQueries partners,
      EngagementQueries queries,
      Engagements engagements,
      MessageSource messages) {
    this.actors = actors;
    this.access = access;
    this.partners = partners;
    this.queries = queries;
    this.engagements = engagements;
    this.messages = messages;
  }

  @GetMapping("/partner-engagements")
  String list(@RequestParam(required = false) Boolean active, Model model) {
    Actor actor = access.reader();
    model.addAttribute("engagements", queries.list(actor, null, active));
    model.addAttribute("active", active);
    model.addAttribute(
        "mayCreate", actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN);
    return "partner/engagements";
  }

  @GetMapping("/partner-engagements/new")
  String form(Model model) {
    return formPage(Map.of(), List.of(), model);
  }

  @PostMapping("/partner-engagements/new")
  String create(
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> services,
      Model model,
      Locale locale) {
    try {
      Long organisation =
          blank(form.get("organisationId"))
              ? null
              : number(form.get("organisationId"), "organisationId");
      EngagementQueries.Engagement e =
          engagements.create(
              new Engagements.NewEngagement(
                  organisation,
                  blank(form.get("district")) ? null : form.get("district").strip(),
                  form.get("kind"),
                  form.get("client"),
                  services == null ? java.util.Set.of() : new LinkedHashSet<>(services),
                  form.get("contractRef"),
                  RegistryPageController.date(form.get("startsOn"), "startsOn"),
                  RegistryPageController.date(form.get("endsOn"), "endsOn"),
                  RegistryPageController.date(form.get("noticeOn"), "noticeOn"),
                  tokens(form.get("grids")),
                  tokens(form.get("objects")).stream().map(t -> number(t, "objects")).toList()));
      return "redirect:/partner-engagements/" + e.id();
    } catch (ErrorResponseException e) {
      PageRefusal.show(e, model, messages, locale);
      return formPage(form, services == null ? List.of() : services, model);
    }
  }

  @GetMapping("/partner-engagements/{id}")
  String detail(@PathVariable long id, Model model) {
    Actor actor = access.reader();
    model.addAttribute("e", queries.get(id, actor));
    model.addAttribute(
        "mayEnd", actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN);
    return "partner/engagement";
  }

  /** Ends the engagement early (the API's service: administrators, a reason, once, audited). */
  @PostMapping("/partner-engagements/{id}/end")
  String end(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      Model model,
      Locale locale) {
    try {
      engagements.end(id, reason);
      return "redirect:/partner-engagements/" + id + "?ended";
    } catch (ErrorResponseException e) {
      PageRefusal.show(e, model, messages, locale);
      model.addAttribute("reason", reason);
      return detail(id, model);
    }
  }

  private String formPage(Map<String, String> form, List<String> services, Model model) {
    Actor actor = access.reader();
    model.addAttribute("form", form);
    model.addAttribute("chosenServices", services);
    model.addAttribute("organisations", partners.list(actor, null, false, 500));
    model.addAttribute("kinds", Engagements.KINDS.stream().sorted().toList());
    model.addAttribute("services", Engagements.SERVICES.stream().sorted().toList());
    model.addAttribute("city", actors.require().role() == Role.CITY_ADMIN);
    return "partner/engagement-new";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> tokens(String s) {
    return blank(s)
        ? List.of()
        : Arrays.stream(s.split("[\\s,，、;；]+")).filter(t -> !t.isBlank()).toList();
  }

  private static long number(String s, String field) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw PartnerRejected.unprocessable(field, "partner.rule.notANumber", s);
    }
  }
}
