package cn.anwang.casework.reminder;

import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reminder rules of {@code case_reminder_rule}: a case type's row, else the global one. */
@Component
class ReminderRules {

  private static final ReminderRule FALLBACK = new ReminderRule(0.8, null, 3);

  private final JdbcClient jdbc;

  ReminderRules(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ReminderRule forType(String caseType) {
    return jdbc.sql(
            """
            SELECT early_share, early_hours, escalate_after_days FROM case_reminder_rule
             WHERE case_type IN (?, '*') ORDER BY case_type = '*' LIMIT 1
            """)
        .param(caseType)
        .query(
            (rs, n) -> {
              BigDecimal share = rs.getBigDecimal(1);
              return new ReminderRule(
                  share == null ? null : share.doubleValue(),
                  (Integer) rs.getObject(2),
                  rs.getInt(3));
            })
        .optional()
        .orElse(FALLBACK);
  }
}
