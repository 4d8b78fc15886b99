package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.publicreport.support.PageActions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reward rule on a page ({@code /public-rewards/rules}): the rule in force for the caller's
 * district (or, for the city administrator, the city's or a district's chosen by {@code district}),
 * and the form that sets it for those who may. The same service and checks as the API.
 */
@Controller
class RewardRulePageController {

  private final RewardAccess access;
  private final RewardRules rules;
  private final PageActions actions;

  RewardRulePageController(RewardAccess access, RewardRules rules, PageActions actions) {
    this.access = access;
    this.rules = rules;
    this.actions = actions;
  }

  @GetMapping("/public-rewards/rules")
  String rule(@RequestParam(required = false) String district, Model model) {
    Actor actor = access.desk();
    String d = district(actor, district);
    model.addAttribute("rule", rules.get(d));
    model.addAttribute("district", d);
    model.addAttribute(
        "editable",
        RewardAccess.DECIDE.contains(actor.role())
            && (RewardRules.CITY.equals(d)
                ? actor.role() == cn.anwang.identity.Role.CITY_ADMIN
                : actor.covers(d)));
    model.addAttribute(
        "findings", List.of("MAJOR_HAZARD", "ILLEGAL_OPERATION", "CONCEALED_ACCIDENT"));
    return "publicreport/reward-rules";
  }

  @PostMapping("/public-rewards/rules")
  String save(
      @RequestParam String district,
      @RequestParam(required = false) Set<String> eligibleFindings,
      @RequestParam(required = false) BigDecimal finePercent,
      @RequestParam(required = false) Long minYuan,
      @RequestParam(required = false) Long maxYuan,
      @RequestParam(required = false) Long perDeathGeneral,
      @RequestParam(required = false) Long perDeathLarger,
      @RequestParam(required = false) Long perDeathMajor,
      @RequestParam(required = false) Long perDeathEspecially,
      @RequestParam(required = false) Long accidentCapYuan,
      @RequestParam(required = false) Integer claimDays,
      @RequestParam(required = false) Integer objectionDays,
      @RequestParam(required = false) Boolean anonymousClaim,
      RedirectAttributes redirect) {
    RewardRules.Change change =
        new RewardRules.Change(
            eligibleFindings == null ? Set.of() : eligibleFindings,
            finePercent,
            minYuan,
            maxYuan,
            perDeathGeneral,
            perDeathLarger,
            perDeathMajor,
            perDeathEspecially,
            accidentCapYuan,
            claimDays,
            objectionDays,
            Boolean.TRUE.equals(anonymousClaim));
    return actions.act(
        "/public-rewards/rules" + (district.matches("\\d{2,6}") ? "?district=" + district : ""),
        redirect,
        "reward.page",
        "reward.page.done",
        () -> rules.put(district, change));
  }

  private static String district(Actor actor, String asked) {
    if (asked != null && !asked.isBlank()) {
      return asked.strip();
    }
    String territory = actor.scope().territoryCode();
    return territory.length() >= 6 ? territory.substring(0, 6) : RewardRules.CITY;
  }
}
