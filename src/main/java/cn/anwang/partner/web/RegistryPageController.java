package cn.anwang.partner.web;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.partner.engagement.EngagementQueries;
import cn.anwang.partner.registry.PartnerAccess;
import cn.anwang.partner.registry.PartnerQueries;
import cn.anwang.partner.registry.PartnerViews;
import cn.anwang.partner.registry.Partners;
import cn.anwang.partner.work.PartnerWork;
import cn.anwang.partner.work.Performance;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * The registry's pages: {@code /partners} (search, warnings), {@code /partners/new} (register with
 * a qualification and a contact; refusals on the form) and {@code /partners/{id}} (qualifications
 * with status and days left, contacts masked for non-keepers, blacklist, engagements, performance).
 * The API's services, so the same roles, checks and audit.
 */
@Controller
class RegistryPageController {

  private final PartnerAccess access;
  private final PartnerQueries queries;
  private final Partners partners;
  private final EngagementQueries engagements;
  private final Performance performance;
  private final MessageSource messages;
  private final PartnerWork work;

  RegistryPageController(
      PartnerAccess access,
      PartnerQueries queries,
      Partners partners,
      EngagementQueries engagements,
      Performance performance,
      MessageSource messages,
      PartnerWork work) {
    this.work = work;
    this.access = access;
    this.queries = queries;
    this.partners = partners;
    this.engagements = engagements;
    this.performance = performance;
    this.messages = messages;
  }

  @GetMapping("/partners")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Boolean blacklisted,
      Model model) {
    Actor actor = access.reader();
    model.addAttribute("organisations", queries.list(actor, q, blacklisted, 200));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("blacklisted", blacklisted);
    model.addAttribute("mayRegister", mayRegister(actor));
    return "partner/partners";
  }

  @GetMapping("/partners/new")
  String form(Model model) {
    access.reader();
    model.addAttribute("form", Map.of());
    model.addAttribute("types", Partners.TYPES.stream().sorted().toList());
    return "partner/partner-new";
  }

  @PostMapping("/partners/new")
  String register(@RequestParam Map<String, String> form, Model model, Locale locale) {
    try {
      List<Partners.NewQualification> qualifications = new ArrayList<>();
      if (!blank(form.get("qualType")) || !blank(form.get("certificateNo"))) {
        qualifications.add(
            new Partners.NewQualification(
                form.get("qualType"),
                form.get("certificateNo"),
                form.get("qualScope"),
                form.get("issuer"),
                date(form.get("validFrom"), "validFrom"),
                date(form.get("validTo"), "validTo")));
      }
      List<Partners.NewContact> contacts = new ArrayList<>();
      if (!blank(form.get("contactName")) || !blank(form.get("contactPhone"))) {
        contacts.add(
            new Partners.NewContact(
                form.get("contactName"), form.get("contactDuty"), form.get("contactPhone")));
      }
      PartnerViews.Organisation o =
          partners.register(
              new Partners.NewOrganisation(
                  form.get("uscc"),
                  form.get("name"),
                  form.get("address"),
                  qualifications,
                  contacts));
      return "redirect:/partners/" + o.id();
    } catch (ErrorResponseException e) {
      PageRefusal.show(e, model, messages, locale);
      model.addAttribute("form", form);
      model.addAttribute("types", Partners.TYPES.stream().sorted().toList());
      return "partner/partner-new";
    }
  }

  @GetMapping("/partners/{id}")
  String detail(@PathVariable long id, Model model) {
    return detailPage(id, Map.of(), model);
  }

  // the keepers' changes after registration: the services' own checks, roles and audit

  @PostMapping("/partners/{id}/qualifications")
  String addQualification(
      @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
    return change(
        id,
        form,
        model,
        locale,
        () ->
            partners.addQualification(
                id,
                new Partners.NewQualification(
                    form.get("qualType"),
                    form.get("certificateNo"),
                    form.get("qualScope"),
                    form.get("issuer"),
                    date(form.get("validFrom"), "validFrom"),
                    date(form.get("validTo"), "validTo"))));
  }

  @PostMapping("/partners/{id}/qualifications/{qualificationId}/remove")
  String removeQualification(
      @PathVariable long id, @PathVariable long qualificationId, Model model, Locale locale) {
    return change(
        id, Map.of(), model, locale, () -> partners.removeQualification(id, qualificationId));
  }

  @PostMapping("/partners/{id}/contacts")
  String addContact(
      @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
    return change(
        id,
        form,
        model,
        locale,
        () ->
            partners.addContact(
                id,
                new Partners.NewContact(
                    form.get("contactName"), form.get("contactDuty"), form.get("contactPhone"))));
  }

  @PostMapping("/partners/{id}/blacklist")
  String blacklist(
      @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
    boolean on = !"off".equals(form.get("action"));
    return change(
        id, form, model, locale, () -> partners.blacklist(id, on, on ? form.get("reason") : null));
  }

  @PostMapping("/partners/{id}/users")
  String grant(
      @PathVariable long id, @RequestParam Map<String, String> form, Model model, Locale locale) {
    return change(id, form, model, locale, () -> work.grant(id, form.get("username")));
  }

  private String change(
      long id, Map<String, String> form, Model model, Locale locale, Runnable change) {
    try {
      change.run();
      return "redirect:/partners/" + id + "?changed";
    } catch (ErrorResponseException e) {
      PageRefusal.show(e, model, messages, locale);
      return detailPage(id, form, model);
    }
  }

  private String detailPage(long id, Map<String, String> form, Model model) {
    Actor actor = access.reader();
    PartnerViews.Organisation o = queries.get(id, actor);
    model.addAttribute("o", o);
    model.addAttribute("keeps", PartnerAccess.keeps(actor, o.registeredDistrict()));
    model.addAttribute("engagements", engagements.list(actor, id, null));
    model.addAttribute("performance", performance.of(id, null, null));
    model.addAttribute("form", form);
    model.addAttribute("types", Partners.TYPES.stream().sorted().toList());
    return "partner/partner";
  }

  private static boolean mayRegister(Actor actor) {
    return actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN;
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static LocalDate date(String s, String field) {
    if (blank(s)) {
      return null;
    }
    try {
      return LocalDate.parse(s.strip());
    } catch (DateTimeParseException e) {
      throw cn.anwang.partner.refusal.PartnerRejected.unprocessable(
          field, "partner.rule.notADate", s);
    }
  }
}
