package cn.anwang.publicreport.demo;

import cn.anwang.casework.DemoCaseHistory;
import cn.anwang.publicreport.intake.Intake;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes demo reports and the public events their reporters would have seen, with the moments the
 * demo chose: the same rows the intake, the desk and the case follower write.
 */
final class DemoReportWriter {

  record Report(
      String code,
      String category,
      String description,
      DemoReportsRunner.Spot spot,
      String address,
      String nameEnc,
      String phoneEnc,
      Instant submittedAt) {}

  private final JdbcClient jdbc;

  DemoReportWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long received(Report r) {
    long id = insert(r, "RECEIVED");
    event(id, r, r.submittedAt(), "SUBMITTED", "RECEIVED", null);
    return id;
  }

  long rejected(Report r, Instant at, String reason) {
    long id = insert(r, "REJECTED");
    jdbc.sql(
            "UPDATE public_report SET reject_reason = ?, closed_at = ?, updated_at = ? WHERE id = ?")
        .params(reason, ts(at), ts(at), id)
        .update();
    event(id, r, r.submittedAt(), "SUBMITTED", "RECEIVED", null);
    event(id, r, at, "REJECTED", "REJECTED", reason);
    return id;
  }

  long merged(Report r, long into, Instant at) {
    long id = insert(r, "MERGED");
    jdbc.sql("UPDATE public_report SET merged_into = ?, updated_at = ? WHERE id = ?")
        .params(into, ts(at), id)
        .update();
    event(id, r, r.submittedAt(), "SUBMITTED", "RECEIVED", null);
    event(id, r, at, "MERGED", "MERGED", null);
    return id;
  }

  /** A verified report and what its case did since, as the case follower would have written it. */
  long verified(Report r, Instant at, String note, String type, DemoCaseHistory.Played c) {
    String status = "VERIFIED";
    Instant last = at;
    Instant closed = null;
    String reason = null;
    long id = insert(r, status);
    event(id, r, r.submittedAt(), "SUBMITTED", "RECEIVED", null);
    event(id, r, at, "VERIFIED", "VERIFIED", note);
    for (DemoCaseHistory.Step s : c.steps()) {
      String next =
          switch (s.status()) {
            case "REPORTED" -> null;
            case "CLOSED" -> "CLOSED";
            case "VOIDED" -> "REJECTED";
            default -> "IN_HANDLING";
          };
      if (next == null || next.equals(status)) {
        continue;
      }
      status = next;
      last = s.at();
      if (!"IN_HANDLING".equals(next)) {
        closed = s.at();
        reason = "REJECTED".equals(next) ? "经核查，该事项不予立案处理。" : null;
      }
      jdbc.sql(
              "INSERT INTO public_report_event (report_id, district_code, at, kind, status, actor)"
                  + " VALUES (?, ?, ?, ?, ?, 'casework')")
          .params(id, r.spot().place().district().code(), ts(s.at()), next, next)
          .update();
    }
    jdbc.sql(
            """
            UPDATE public_report SET status = ?, verified_at = ?, closed_at = ?, case_id = ?,
                   case_number = ?, case_type = ?, public_note = ?, reject_reason = ?,
                   updated_at = ?
             WHERE id = ?
            """)
        .params(status, ts(at), ts(closed), c.id(), c.number(), type, note, reason, ts(last), id)
        .update();
    return id;
  }

  private long insert(Report r, String status) {
    var p = r.spot().place();
    return jdbc.sql(
            """
            INSERT INTO public_report (tracking_code, channel, category, description, lon, lat,
              address, district_code, street_code, village_code, division_code, grid_code,
              anonymous, reporter_name_enc, reporter_phone_enc, consent_at, text_hash, status,
              submitted_at, updated_at, synthetic)
            VALUES (?, 'WEB', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)
            RETURNING id
            """)
        .params(
            r.code(),
            r.category(),
            r.description(),
            r.spot().lon(),
            r.spot().lat(),
            r.address(),
            p.district().code(),
            p.street().code(),
            p.village() == null ? null : p.village().code(),
            p.divisionCode(),
            p.grid().code(),
            r.nameEnc() == null,
            r.nameEnc(),
            r.phoneEnc(),
            r.nameEnc() == null ? null : ts(r.submittedAt()),
            Intake.textHash(r.category(), r.description()),
            status,
            ts(r.submittedAt()),
            ts(r.submittedAt()))
        .query(Long.class)
        .single();
  }

  private void event(long id, Report r, Instant at, String kind, String status, String note) {
    jdbc.sql(
            "INSERT INTO public_report_event (report_id, district_code, at, kind, status, note,"
                + " actor) VALUES (?, ?, ?, ?, ?, ?, 'demo')")
        .params(id, r.spot().place().district().code(), ts(at), kind, status, note)
        .update();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }
}
