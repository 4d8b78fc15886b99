package cn.anwang.partner.web;

import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.ChecklistCatalog;
import cn.anwang.partner.engagement.EngagementQueries;
import cn.anwang.partner.work.ChecklistFindings;
import cn.anwang.partner.work.FindingQueries;
import cn.anwang.partner.work.PartnerWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The partner user's pages: {@code /partner/work} (his active engagements and his findings with
 * their cases' numbers and status), an engagement's objects in scope, and an object's checklist
 * form whose submission makes a case of every NO. The API's services, so everything outside his
 * engagements is 404 and other roles get 403.
 */
@Controller
class PartnerWorkPageController {

  private final CurrentActor actors;
  private final EngagementQueries engagements;
  private final PartnerWork work;
  private final ChecklistFindings checklists;
  private final FindingQueries findings;
  private final MessageSource messages;

  PartnerWorkPageController(
      CurrentActor actors,
      EngagementQueries engagements,
      PartnerWork work,
      ChecklistFindings checklists,
      FindingQueries findings,
      MessageSource messages) {
    this.actors = actors;
    this.engagements = engagements;
    this.work = work;
    this.checklists = checklists;
    this.findings = findings;
    this.messages = messages;
  }

  @GetMapping("/partner/work")
  String work(Model model) {
    List<FindingQueries.Row> mine = findings.mine(200);
    model.addAttribute("findings", mine);
    model.addAttribute("engagements", engagements.list(actors.require(), null, true));
    return "partner/work";
  }

  @GetMapping("/partner/work/{engagementId}")
  String engagement(@PathVariable long engagementId, Model model) {
    List<PartnerWork.ScopeObject> objects = work.scope(engagementId);
    model.addAttribute("e", engagements.get(engagementId, actors.require()));
    model.addAttribute("objects", objects);
    return "partner/work-engagement";
  }

  @GetMapping("/partner/work/{engagementId}/objects/{objectId}")
  String checklist(@PathVariable long engagementId, @PathVariable long objectId, Model model) {
    return formPage(engagementId, objectId, UUID.randomUUID().toString(), Map.of(), model);
  }

  @PostMapping("/partner/work/{engagementId}/objects/{objectId}")
  String submit(
      @PathVariable long engagementId,
      @PathVariable long objectId,
      @RequestParam Map<String, String> form,
      Model model,
      Locale locale) {
    ChecklistCatalog.Sheet sheet = checklists.checklist(engagementId, objectId);
    List<ChecklistFindings.Answer> answers = new ArrayList<>();
    for (ChecklistCatalog.Item item : sheet.items()) {
      String answer = form.get("answer-" + item.key());
      if (answer != null && !answer.isBlank()) {
        answers.add(
            new ChecklistFindings.Answer(item.key(), answer, form.get("note-" + item.key())));
      }
    }
    try {
      ChecklistFindings.Submitted s =
          checklists.submit(
              new ChecklistFindings.Submission(
                  engagementId, objectId, sheet.id(), form.get("clientId"), answers));
      return "redirect:/partner/work?submitted=" + s.findings().size();
    } catch (ErrorResponseException e) {
      PageRefusal.show(e, model, messages, locale);
      return formPage(engagementId, objectId, form.get("clientId"), form, model);
    }
  }

  private String formPage(
      long engagementId, long objectId, String clientId, Map<String, String> form, Model model) {
    ChecklistCatalog.Sheet sheet = checklists.checklist(engagementId, objectId);
    PartnerWork.ScopeObject object =
        work.scope(engagementId).stream().filter(o -> o.id() == objectId).findFirst().orElseThrow();
    model.addAttribute("engagementId", engagementId);
    model.addAttribute("object", object);
    model.addAttribute("sheet", sheet);
    model.addAttribute(
        "items", sheet.items().stream().filter(i -> !"PHOTO".equals(i.answerType())).toList());
    model.addAttribute("clientId", clientId);
    model.addAttribute("form", form);
    return "partner/checklist";
  }
}
