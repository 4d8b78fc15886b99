package cn.anwang.publicreport.desk;

import cn.anwang.casework.CaseProgressed;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the cases made from public reports: registered, dispatched or being rectified is "in
 * handling", closed is closed, voided is "not accepted". Each change once (a redelivered event
 * finds the report already moved and writes nothing); merged duplicates show their primary's status
 * on the tracking page.
 */
@Component
class CaseProgressFollower {

  private final JdbcClient jdbc;

  CaseProgressFollower(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // the condition is checked before the publication is stored: the other cases' transitions
  // cost no event publication row (docs/casework.md, "What a transition costs")
  @ApplicationModuleListener(condition = "#e.source() == 'PUBLIC_REPORT'")
  void on(CaseProgressed e) {
    if (!"PUBLIC_REPORT".equals(e.source())) {
      return;
    }
    String status =
        switch (e.status()) {
          case "CLOSED" -> "CLOSED";
          case "VOIDED" -> "REJECTED";
          case "REPORTED" -> null;
          default -> "IN_HANDLING";
        };
    if (status == null) {
      return;
    }
    boolean ends = !"IN_HANDLING".equals(status);
    jdbc.sql(
            """
            WITH moved AS (
              UPDATE public_report SET status = :status, updated_at = :at, version = version + 1,
                     closed_at = CASE WHEN :ends THEN :at ELSE closed_at END,
                     reject_reason = CASE WHEN :status = 'REJECTED'
                                          THEN coalesce(reject_reason, '经核查，该事项不予立案处理。')
                                          ELSE reject_reason END
               WHERE case_id = :case AND status IN ('VERIFIED', 'IN_HANDLING')
                 AND status <> :status
              RETURNING id, district_code)
            INSERT INTO public_report_event (report_id, district_code, at, kind, status, actor)
            SELECT id, district_code, :at, :status, :status, 'casework' FROM moved
            """)
        .param("status", status)
        .param("at", Timestamp.from(e.at()))
        .param("ends", ends)
        .param("case", e.caseId())
        .update();
  }
}
