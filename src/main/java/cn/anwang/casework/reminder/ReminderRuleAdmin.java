package cn.anwang.casework.reminder;

import cn.anwang.casework.cases.CaseType;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and editing the reminder rules ({@code case_reminder_rule}). The rules are the city's
 * (one set for every district): city and district administrators and auditors read them; the city
 * administrator replaces them (a district administrator may not change what applies to the other
 * districts: 403). The set must hold the global row {@code *}; a case type left out falls back to
 * it. Every row is checked (share strictly between 0 and 1, 1–720 working hours, 1–60 working days,
 * no type twice) before any is written; the change is audited with before and after. The reminder
 * scan reads the table each time, so a change applies from the next scan.
 */
@Service
@Transactional
public class ReminderRuleAdmin {

  /** One rule; {@code caseType} is a case type's name or {@code *} (every other type). */
  public record Rule(
      String caseType,
      Double earlyShare,
      Integer earlyHours,
      Integer escalateAfterDays,
      String updatedBy,
      Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;

  ReminderRuleAdmin(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  /** The rules, the global row first. */
  @Transactional(readOnly = true)
  public List<Rule> rules() {
    currentActor.require();
    if (!mayRead()) {
      throw ApiProblems.forbidden("The reminder rules are for city and district administrators");
    }
    return read();
  }

  /** Whether the current user may read the rules. */
  @Transactional(readOnly = true)
  public boolean mayRead() {
    return currentActor
        .current()
        .map(
            a ->
                a.role() == Role.CITY_ADMIN
                    || a.role() == Role.DISTRICT_ADMIN
                    || a.role() == Role.AUDITOR)
        .orElse(false);
  }

  /** Whether the current user may change the rules. */
  @Transactional(readOnly = true)
  public boolean mayEdit() {
    return currentActor.current().map(a -> a.role() == Role.CITY_ADMIN).orElse(false);
  }

  /** Replaces the rules with the ones sent (all checked first; 422 naming the first bad row). */
  public List<Rule> replace(List<Rule> input) {
    Actor a = currentActor.require();
    if (a.role() != Role.CITY_ADMIN) {
      throw ApiProblems.forbidden(
          "Only the city administrator changes the reminder rules: they apply to every district");
    }
    if (input == null || input.isEmpty()) {
      throw new ReminderRuleRejected("rules", "casework.reminderRule.required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      Rule r = input.get(i);
      String row = "rules[" + i + "]";
      int n = i + 1;
      if (r == null || r.caseType() == null || !validType(r.caseType())) {
        throw new ReminderRuleRejected(
            row + ".caseType",
            "casework.reminderRule.caseType",
            n,
            r == null ? null : r.caseType());
      }
      if (!seen.add(r.caseType())) {
        throw new ReminderRuleRejected(row + ".caseType", "casework.reminderRule.duplicate", n);
      }
      if (r.earlyShare() != null && !(r.earlyShare() > 0 && r.earlyShare() < 1)) {
        throw new ReminderRuleRejected(
            row + ".earlyShare", "casework.reminderRule.earlyShare", n, r.earlyShare());
      }
      // at most three decimals, compared in decimal rather than as doubles
      // (FE_FLOATING_POINT_EQUALITY)
      if (r.earlyShare() != null
          && java.math.BigDecimal.valueOf(r.earlyShare()).stripTrailingZeros().scale() > 3) {
        throw new ReminderRuleRejected(
            row + ".earlyShare", "casework.reminderRule.earlyShare", n, r.earlyShare());
      }
      if (r.earlyHours() != null && (r.earlyHours() < 1 || r.earlyHours() > 720)) {
        throw new ReminderRuleRejected(
            row + ".earlyHours", "casework.reminderRule.earlyHours", n, r.earlyHours());
      }
      if (r.escalateAfterDays() == null
          || r.escalateAfterDays() < 1
          || r.escalateAfterDays() > 60) {
        throw new ReminderRuleRejected(
            row + ".escalateAfterDays",
            "casework.reminderRule.escalateAfterDays",
            n,
            r.escalateAfterDays());
      }
    }
    if (!seen.contains("*")) {
      throw new ReminderRuleRejected("rules", "casework.reminderRule.globalRequired");
    }
    Map<String, Object> before = summary(read());
    jdbc.sql("DELETE FROM case_reminder_rule").update();
    for (Rule r : input) {
      jdbc.sql(
              """
              INSERT INTO case_reminder_rule (case_type, early_share, early_hours,
                                              escalate_after_days, updated_by, updated_at)
              VALUES (?, ?, ?, ?, ?, now())
              """)
          .params(
              r.caseType(),
              r.earlyShare() == null ? null : BigDecimal.valueOf(r.earlyShare()),
              r.earlyHours(),
              r.escalateAfterDays(),
              a.username())
          .update();
    }
    List<Rule> now = read();
    audit.record("case-reminder-rules.update", "case-reminder-rule", null, before, summary(now));
    return now;
  }

  private static boolean validType(String type) {
    if ("*".equals(type)) {
      return true;
    }
    for (CaseType t : CaseType.values()) {
      if (t.name().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private List<Rule> read() {
    return jdbc.sql(
            """
            SELECT case_type, early_share, early_hours, escalate_after_days, updated_by, updated_at
              FROM case_reminder_rule ORDER BY case_type <> '*', case_type
            """)
        .query(
            (rs, n) -> {
              BigDecimal share = rs.getBigDecimal(2);
              return new Rule(
                  rs.getString(1),
                  share == null ? null : share.doubleValue(),
                  (Integer) rs.getObject(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getTimestamp(6).toInstant());
            })
        .list();
  }

  private static Map<String, Object> summary(List<Rule> rules) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Rule r : rules) {
      m.put(
          r.caseType(),
          "share="
              + r.earlyShare()
              + " hours="
              + r.earlyHours()
              + " escalateAfterDays="
              + r.escalateAfterDays());
    }
    return m;
  }
}
