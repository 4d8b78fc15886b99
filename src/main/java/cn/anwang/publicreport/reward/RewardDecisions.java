package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.web.ApiProblems;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reward's way to a decision: the street (or district) assesses the amount by the rule from the
 * fine or the concealed accident; the district approves it (the reporter is notified on the
 * tracking page with the amount and the claim deadline) or refuses it, or finds the conditions not
 * met, each with a reason the reporter reads and an objection period; an objection is reviewed by
 * the city, which upholds the decision or sends the reward back to be assessed again. Each step
 * only from the state it applies to, each audited.
 */
@Service
class RewardDecisions {

  static final long MAX_FINE_YUAN = 10_000_000_000L;

  record Assess(String finding, Long fineYuan, String accidentGrade, Integer deaths) {}

  private final RewardAccess access;
  private final RewardQueries queries;
  private final RewardRules rules;
  private final RewardEvents events;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  RewardDecisions(
      RewardAccess access,
      RewardQueries queries,
      RewardRules rules,
      RewardEvents events,
      JdbcClient jdbc,
      AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.rules = rules;
    this.events = events;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  RewardQueries.Reward assess(long id, Assess cmd) {
    Actor actor = access.desk();
    RewardQueries.Reward r = queries.lock(id, actor);
    require(r, Set.of("PROPOSED", "ASSESSED"));
    if (cmd == null) {
      throw ApiProblems.unprocessable("finding", "an assessment is required");
    }
    String finding = cmd.finding() == null || cmd.finding().isBlank() ? r.finding() : cmd.finding();
    RewardRule rule = rules.effective(r.districtCode());
    if (!RewardRule.FINDINGS.contains(finding) || !rule.eligibleFindings().contains(finding)) {
      throw ApiProblems.unprocessable("finding", "not a finding the district's rule rewards");
    }
    RewardRule.Amount amount;
    Long fine = null;
    String grade = null;
    Integer deaths = null;
    if ("CONCEALED_ACCIDENT".equals(finding)) {
      grade = cmd.accidentGrade();
      deaths = cmd.deaths();
      if (grade == null || !RewardRule.GRADES.contains(grade)) {
        throw ApiProblems.unprocessable(
            "accidentGrade", "GENERAL, LARGER, MAJOR or ESPECIALLY (一般/较大/重大/特别重大)");
      }
      if (deaths == null || deaths < 1 || deaths > 10_000) {
        throw ApiProblems.unprocessable("deaths", "the concealed deaths, 1 or more");
      }
      amount = rule.forAccident(grade, deaths);
    } else {
      fine = cmd.fineYuan();
      if (fine == null || fine < 0 || fine > MAX_FINE_YUAN) {
        throw ApiProblems.unprocessable("fineYuan", "the fine imposed in yuan, 0 or more");
      }
      amount = rule.forFine(fine);
    }
    Instant now = Instant.now();
    jdbc.sql(
            """
            UPDATE public_reward SET status = 'ASSESSED', finding = ?, fine_yuan = ?,
                   accident_grade = ?, deaths = ?, amount_yuan = ?, computation = ?,
                   assessed_by = ?, assessed_at = ?, version = version + 1 WHERE id = ?
            """)
        .params(
            finding,
            fine,
            grade,
            deaths,
            amount.yuan(),
            amount.computation(),
            actor.username(),
            Timestamp.from(now),
            id)
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", "ASSESSED");
    after.put("finding", finding);
    after.put("amountYuan", amount.yuan());
    after.put("computation", amount.computation());
    audit(r, "public-reward.assess", after);
    return queries.get(id, actor);
  }

  @Transactional
  RewardQueries.Reward approve(long id, Integer version) {
    Actor actor = access.decider();
    RewardQueries.Reward r = queries.lock(id, actor);
    checkVersion(r, version);
    require(r, Set.of("ASSESSED"));
    RewardRule rule = rules.effective(r.districtCode());
    Instant now = Instant.now();
    decide(id, "APPROVED", null, actor, now, now.plus(Duration.ofDays(rule.claimDays())), rule);
    events.publish(r, "REWARD_NOTICE", null, actor.username(), now);
    audit(r, "public-reward.approve", Map.of("status", "APPROVED", "amountYuan", r.amountYuan()));
    return queries.get(id, actor);
  }

  @Transactional
  RewardQueries.Reward reject(long id, String reason) {
    return refuse(id, reason, "REJECTED", Set.of("ASSESSED"), "public-reward.reject");
  }

  @Transactional
  RewardQueries.Reward notEligible(long id, String reason) {
    return refuse(
        id, reason, "NOT_ELIGIBLE", Set.of("PROPOSED", "ASSESSED"), "public-reward.not-eligible");
  }

  private RewardQueries.Reward refuse(
      long id, String reason, String status, Set<String> from, String action) {
    Actor actor = access.decider();
    String why = text(reason, "reason");
    RewardQueries.Reward r = queries.lock(id, actor);
    require(r, from);
    Instant now = Instant.now();
    decide(id, status, why, actor, now, null, rules.effective(r.districtCode()));
    events.publish(r, "REWARD_REFUSED", why, actor.username(), now);
    audit(r, action, Map.of("status", status, "reason", why));
    return queries.get(id, actor);
  }

  /** The city's review of an objection: uphold the decision, or assess the reward again. */
  @Transactional
  RewardQueries.Reward review(long id, boolean reassess, String note) {
    Actor actor = access.reviewer();
    String why = text(note, "note");
    RewardQueries.Reward r = queries.lock(id, actor);
    if (!r.objectionOpen()) {
      throw ApiProblems.conflict("Reward " + id + " has no objection waiting for review");
    }
    Instant now = Instant.now();
    jdbc.sql(
            """
            UPDATE public_reward SET review_note = ?, reviewed_by = ?, reviewed_at = ?,
                   status = CASE WHEN ? THEN 'PROPOSED' ELSE status END,
                   amount_yuan = CASE WHEN ? THEN NULL ELSE amount_yuan END,
                   claim_deadline = CASE WHEN ? THEN NULL ELSE claim_deadline END,
                   version = version + 1 WHERE id = ?
            """)
        .params(why, actor.username(), Timestamp.from(now), reassess, reassess, reassess, id)
        .update();
    events.publish(r, "REWARD_REVIEWED", why, actor.username(), now);
    audit(
        r,
        "public-reward.review",
        Map.of("outcome", reassess ? "REASSESS" : "UPHOLD", "note", why));
    return queries.get(id, actor);
  }

  private void decide(
      long id,
      String status,
      String reason,
      Actor actor,
      Instant now,
      Instant claimDeadline,
      RewardRule rule) {
    jdbc.sql(
            """
            UPDATE public_reward SET status = ?, reason = ?, decided_by = ?, decided_at = ?,
                   claim_deadline = ?, objection_deadline = ?, version = version + 1
             WHERE id = ?
            """)
        .params(
            status,
            reason,
            actor.username(),
            Timestamp.from(now),
            claimDeadline == null ? null : Timestamp.from(claimDeadline),
            Timestamp.from(now.plus(Duration.ofDays(rule.objectionDays()))),
            id)
        .update();
  }

  private void audit(RewardQueries.Reward r, String action, Map<String, Object> after) {
    audit.record(
        action,
        "public_reward",
        Long.toString(r.id()),
        r.divisionCode(),
        Map.of("status", r.status()),
        after);
  }

  static void require(RewardQueries.Reward r, Set<String> from) {
    if (!from.contains(r.status())) {
      throw ApiProblems.conflict(
          "Reward " + r.id() + " is " + r.status() + ", not " + String.join(" or ", from));
    }
  }

  private static void checkVersion(RewardQueries.Reward r, Integer version) {
    if (version != null && version != r.version()) {
      throw ApiProblems.conflict("The reward was changed meanwhile (version " + r.version() + ")");
    }
  }

  static String text(String text, String field) {
    if (text == null || text.isBlank()) {
      throw ApiProblems.unprocessable(field, "a text the reporter can read is required");
    }
    String t = text.strip();
    if (t.length() > 2000) {
      throw ApiProblems.unprocessable(field, "at most 2000 characters");
    }
    return t;
  }
}
