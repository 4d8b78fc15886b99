package cn.anwang.publicreport.reward;

import cn.anwang.shared.StartupOrder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: the rewards the demo reports earned. Every closed demo report with an eligible
 * finding is proposed by the real {@link RewardProposer} at its closing time; then, by its age, it
 * waits for assessment, is assessed by the rule, approved (the reporter notified), claimed and
 * paid, or found not eligible — with the public events the reporter would have seen. Idempotent per
 * district; {@code anwang.demo-reports.seed-on-start=false} leaves it to a test.
 */
@Component
@Order(StartupOrder.DEMO_USERS + 35)
@ConditionalOnBooleanProperty("anwang.demo")
public class DemoRewards implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoRewards.class);

  private record Closed(long caseId, Instant closedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final RewardProposer proposer;
  private final RewardRules rules;
  private final RewardQueries queries;
  private final RewardEvents events;
  private final boolean seedOnStart;

  DemoRewards(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      RewardProposer proposer,
      RewardRules rules,
      RewardQueries queries,
      RewardEvents events,
      @Value("${anwang.demo-reports.seed-on-start:true}") boolean seedOnStart) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.proposer = proposer;
    this.rules = rules;
    this.queries = queries;
    this.events = events;
    this.seedOnStart = seedOnStart;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (seedOnStart) {
      for (String district : List.of("120101", "120111")) {
        transactions.executeWithoutResult(status -> seed(district, Instant.now()));
      }
    }
  }

  /** The demo rewards of a district up to {@code now}; the number proposed (0 when done before). */
  public int seed(String district, Instant now) {
    List<Closed> closed =
        jdbc.sql(
                """
                SELECT r.case_id, r.closed_at FROM public_report r
                 WHERE r.synthetic AND r.district_code = ? AND r.status = 'CLOSED'
                   AND r.merged_into IS NULL AND r.case_type IN ('MAJOR_HAZARD',
                       'ILLEGAL_OPERATION', 'ACCIDENT')
                   AND NOT EXISTS (SELECT 1 FROM public_reward w WHERE w.primary_report_id = r.id)
                 ORDER BY r.closed_at
                """)
            .param(district)
            .query((rs, n) -> new Closed(rs.getLong(1), rs.getTimestamp(2).toInstant()))
            .list();
    RewardRule rule = rules.effective(district);
    int proposed = 0;
    for (Closed c : closed) {
      var id = proposer.propose(c.caseId(), c.closedAt());
      if (id.isPresent()) {
        proposed++;
        play(queries.byId(id.get()), rule, now, new Random(c.caseId()));
      }
    }
    if (proposed > 0) {
      log.info("Demo rewards in {}: {} proposed and played", district, proposed);
    }
    return proposed;
  }

  /** What became of a proposal by the days since its case closed. */
  private void play(RewardQueries.Reward w, RewardRule rule, Instant now, Random r) {
    Instant assessed = w.proposedAt().plus(Duration.ofDays(2 + r.nextInt(3)));
    if (assessed.isAfter(now)) {
      return;
    }
    if (r.nextInt(100) < 20) {
      Instant decided = assessed.plus(Duration.ofDays(1));
      if (decided.isBefore(now)) {
        String why = "经核查，所举报事项已由企业自查发现并报告属地，不符合举报奖励条件。";
        update(
            "UPDATE public_reward SET status = 'NOT_ELIGIBLE', reason = ?, decided_by = ?,"
                + " decided_at = ?, objection_deadline = ? WHERE id = ?",
            why,
            "heping.admin",
            ts(decided),
            ts(decided.plus(Duration.ofDays(rule.objectionDays()))),
            w.id());
        events.publish(w, "REWARD_REFUSED", why, "demo", decided);
      }
      return;
    }
    boolean accident = "CONCEALED_ACCIDENT".equals(w.finding());
    long fine = 10_000L * (1 + r.nextInt(30));
    RewardRule.Amount amount = accident ? rule.forAccident("GENERAL", 1) : rule.forFine(fine);
    update(
        "UPDATE public_reward SET status = 'ASSESSED', amount_yuan = ?, computation = ?,"
            + " fine_yuan = ?, accident_grade = ?, deaths = ?, assessed_by = 'demo',"
            + " assessed_at = ? WHERE id = ?",
        amount.yuan(),
        amount.computation(),
        accident ? null : fine,
        accident ? "GENERAL" : null,
        accident ? 1 : null,
        ts(assessed),
        w.id());
    Instant approved = assessed.plus(Duration.ofDays(1 + r.nextInt(3)));
    if (approved.isAfter(now)) {
      return;
    }
    update(
        "UPDATE public_reward SET status = 'APPROVED', decided_by = 'demo', decided_at = ?,"
            + " claim_deadline = ?, objection_deadline = ? WHERE id = ?",
        ts(approved),
        ts(approved.plus(Duration.ofDays(rule.claimDays()))),
        ts(approved.plus(Duration.ofDays(rule.objectionDays()))),
        w.id());
    events.publish(w, "REWARD_NOTICE", null, "demo", approved);
    Instant claimed = approved.plus(Duration.ofDays(1 + r.nextInt(10)));
    if (claimed.isAfter(now)) {
      return;
    }
    update(
        "UPDATE public_reward SET status = 'CLAIMED', claimed_at = ? WHERE id = ?",
        ts(claimed),
        w.id());
    events.publish(w, "REWARD_CLAIMED", null, "reporter", claimed);
    Instant paid = claimed.plus(Duration.ofDays(2 + r.nextInt(8)));
    if (paid.isAfter(now)) {
      return;
    }
    update(
        "UPDATE public_reward SET status = 'PAID', paid_by = 'demo', paid_at = ?,"
            + " payment_method = 'BANK_TRANSFER', payment_reference = ? WHERE id = ?",
        ts(paid),
        "DEMO-" + w.id(),
        w.id());
    events.publish(w, "REWARD_PAID", null, "demo", paid);
  }

  private void update(String sql, Object... params) {
    jdbc.sql(sql).params(params).update();
  }

  private static Timestamp ts(Instant at) {
    return Timestamp.from(at);
  }
}
