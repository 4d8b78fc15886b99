package cn.anwang.publicreport.reward;

import cn.anwang.shared.web.ApiProblems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rewards on the API: {@code /api/v1/public-rewards} (list, one, assess, approve, reject,
 * not-eligible, review, pay, payee) and the rules at {@code
 * /api/v1/public-reward-rules/{district}}.
 */
@RestController
class RewardApiController {

  private final RewardAccess access;
  private final RewardQueries queries;
  private final RewardDecisions decisions;
  private final RewardPayments payments;
  private final RewardRules rules;

  RewardApiController(
      RewardAccess access,
      RewardQueries queries,
      RewardDecisions decisions,
      RewardPayments payments,
      RewardRules rules) {
    this.access = access;
    this.queries = queries;
    this.decisions = decisions;
    this.payments = payments;
    this.rules = rules;
  }

  @GetMapping("/api/v1/public-rewards")
  List<RewardQueries.Reward> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit) {
    return queries.list(
        access.desk(),
        status == null || status.isBlank() ? null : status,
        before,
        Math.max(1, Math.min(limit, 200)));
  }

  @GetMapping("/api/v1/public-rewards/{id}")
  RewardQueries.Reward get(@PathVariable long id) {
    return queries.get(id, access.desk());
  }

  @PostMapping("/api/v1/public-rewards/{id}/assess")
  RewardQueries.Reward assess(@PathVariable long id, @RequestBody RewardDecisions.Assess body) {
    return decisions.assess(id, body);
  }

  record Approve(Integer version) {}

  @PostMapping("/api/v1/public-rewards/{id}/approve")
  RewardQueries.Reward approve(@PathVariable long id, @RequestBody(required = false) Approve body) {
    return decisions.approve(id, body == null ? null : body.version());
  }

  record Reason(String reason) {}

  @PostMapping("/api/v1/public-rewards/{id}/reject")
  RewardQueries.Reward reject(@PathVariable long id, @RequestBody Reason body) {
    return decisions.reject(id, body.reason());
  }

  @PostMapping("/api/v1/public-rewards/{id}/not-eligible")
  RewardQueries.Reward notEligible(@PathVariable long id, @RequestBody Reason body) {
    return decisions.notEligible(id, body.reason());
  }

  record Review(String outcome, String note) {}

  @PostMapping("/api/v1/public-rewards/{id}/review")
  RewardQueries.Reward review(@PathVariable long id, @RequestBody Review body) {
    if (!"UPHOLD".equals(body.outcome()) && !"REASSESS".equals(body.outcome())) {
      throw ApiProblems.unprocessable("outcome", "UPHOLD or REASSESS");
    }
    return decisions.review(id, "REASSESS".equals(body.outcome()), body.note());
  }

  @PostMapping("/api/v1/public-rewards/{id}/pay")
  RewardQueries.Reward pay(@PathVariable long id, @RequestBody RewardPayments.Pay body) {
    return payments.pay(id, body);
  }

  @PostMapping("/api/v1/public-rewards/{id}/payee")
  RewardPayments.Payee payee(@PathVariable long id) {
    return payments.payee(id);
  }

  @GetMapping("/api/v1/public-reward-rules/{district}")
  RewardRule rule(@PathVariable String district) {
    return rules.get(district);
  }

  @PutMapping("/api/v1/public-reward-rules/{district}")
  RewardRule putRule(@PathVariable String district, @RequestBody RewardRules.Change body) {
    return rules.put(district, body);
  }
}
