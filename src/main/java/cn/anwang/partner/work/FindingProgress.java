package cn.anwang.partner.work;

import cn.anwang.casework.CaseProgressed;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the cases made from partners' findings: registered (the street confirmed the finding),
 * voided (it did not), closed (rectified) and whether on time. Each fact is written once; a
 * redelivered event changes nothing.
 */
@Component
class FindingProgress {

  private final JdbcClient jdbc;

  FindingProgress(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // the condition is checked before the publication is stored: the other cases' transitions
  // cost no event publication row (docs/casework.md, "What a transition costs")
  @ApplicationModuleListener(condition = "#e.source() == 'THIRD_PARTY'")
  void on(CaseProgressed e) {
    if (!"THIRD_PARTY".equals(e.source())) {
      return;
    }
    Timestamp at = Timestamp.from(e.at());
    jdbc.sql(
            "UPDATE partner_finding SET case_status = ?, case_status_at = ? WHERE case_id = ?"
                + " AND (case_status_at IS NULL OR case_status_at <= ?)")
        .params(e.status(), at, e.caseId(), at)
        .update();
    switch (e.status()) {
      case "REGISTERED" ->
          jdbc.sql(
                  "UPDATE partner_finding SET registered_at = coalesce(registered_at, ?)"
                      + " WHERE case_id = ?")
              .params(at, e.caseId())
              .update();
      case "VOIDED" ->
          jdbc.sql(
                  "UPDATE partner_finding SET voided_at = coalesce(voided_at, ?) WHERE case_id = ?")
              .params(at, e.caseId())
              .update();
      case "CLOSED" ->
          jdbc.sql(
                  "UPDATE partner_finding SET closed_at = coalesce(closed_at, ?),"
                      + " closed_on_time = coalesce(closed_on_time, ?) WHERE case_id = ?")
              .params(at, e.closedOnTime() == null || e.closedOnTime(), e.caseId())
              .update();
      default -> {}
    }
  }
}
