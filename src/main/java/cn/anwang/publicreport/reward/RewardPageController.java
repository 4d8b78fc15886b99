package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.publicreport.support.PageActions;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rewards pages (menu 群众举报 → 举报奖励): the list by status and one reward with the steps the caller
 * may take (assess, approve, refuse, not eligible, review an objection, record the payment, show
 * the payee once, audited). They call the same services as the API.
 */
@Controller
class RewardPageController {

  static final List<String> STATUSES =
      List.of(
          "PROPOSED",
          "ASSESSED",
          "APPROVED",
          "CLAIMED",
          "PAID",
          "REJECTED",
          "NOT_ELIGIBLE",
          "EXPIRED");

  private final RewardAccess access;
  private final RewardQueries queries;
  private final RewardDecisions decisions;
  private final RewardPayments payments;
  private final RewardRules rules;
  private final PageActions actions;

  RewardPageController(
      RewardAccess access,
      RewardQueries queries,
      RewardDecisions decisions,
      RewardPayments payments,
      RewardRules rules,
      PageActions actions) {
    this.access = access;
    this.queries = queries;
    this.decisions = decisions;
    this.payments = payments;
    this.rules = rules;
    this.actions = actions;
  }

  @GetMapping("/public-rewards")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long before,
      Model model) {
    Actor actor = access.desk();
    String s = status == null || status.isBlank() ? "PROPOSED" : status;
    List<RewardQueries.Reward> page = queries.list(actor, "ALL".equals(s) ? null : s, before, 31);
    boolean more = page.size() > 30;
    page = more ? page.subList(0, 30) : page;
    model.addAttribute("status", s);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("rewards", page);
    model.addAttribute("next", more ? page.get(page.size() - 1).id() : null);
    return "publicreport/rewards";
  }

  @GetMapping("/public-rewards/{id}")
  String detail(@PathVariable long id, Model model) {
    Actor actor = access.desk();
    RewardQueries.Reward r = queries.get(id, actor);
    model.addAttribute("w", r);
    model.addAttribute("rule", rules.effective(r.districtCode()));
    model.addAttribute("decider", RewardAccess.DECIDE.contains(actor.role()));
    model.addAttribute("reviewer", actor.role() == Role.CITY_ADMIN);
    return "publicreport/reward";
  }

  @PostMapping("/public-rewards/{id}/assess")
  String assess(
      @PathVariable long id,
      @RequestParam(required = false) String finding,
      @RequestParam(required = false) Long fineYuan,
      @RequestParam(required = false) String accidentGrade,
      @RequestParam(required = false) Integer deaths,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () ->
            decisions.assess(
                id, new RewardDecisions.Assess(finding, fineYuan, blank(accidentGrade), deaths)));
  }

  @PostMapping("/public-rewards/{id}/approve")
  String approve(
      @PathVariable long id,
      @RequestParam(required = false) Integer version,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> decisions.approve(id, version));
  }

  @PostMapping("/public-rewards/{id}/refuse")
  String refuse(
      @PathVariable long id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> {
          if ("NOT_ELIGIBLE".equals(kind)) {
            decisions.notEligible(id, reason);
          } else {
            decisions.reject(id, reason);
          }
        });
  }

  @PostMapping("/public-rewards/{id}/review")
  String review(
      @PathVariable long id,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> decisions.review(id, "REASSESS".equals(outcome), note));
  }

  @PostMapping("/public-rewards/{id}/pay")
  String pay(
      @PathVariable long id,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String reference,
      RedirectAttributes redirect) {
    return act(
        id, redirect, () -> payments.pay(id, new RewardPayments.Pay(method, reference, null)));
  }

  @PostMapping("/public-rewards/{id}/payee")
  String payee(@PathVariable long id, Model model) {
    model.addAttribute("payee", payments.payee(id));
    return detail(id, model);
  }

  private String act(long id, RedirectAttributes redirect, Runnable action) {
    return actions.act(
        "/public-rewards/" + id, redirect, "reward.page", "reward.page.done", action);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
