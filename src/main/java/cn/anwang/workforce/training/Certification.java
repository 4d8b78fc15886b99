package cn.anwang.workforce.training;

import cn.anwang.identity.AuditLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records one officer's attendance and exam at a session, and keeps the session's certificate in
 * step with it: passed (attended and score ≥ the course's pass mark) and no certificate yet → one
 * is issued ({@code TJ-<district>-<year>-<seq>}, issued on the session's date, valid for the
 * course's months); not passed (any more) → the session's certificate is revoked with the reason.
 * Runs in the caller's transaction; audits what changed.
 */
@Component
class Certification {

  /** What recording did to the certificate. */
  enum Outcome {
    ISSUED,
    REVOKED,
    UNCHANGED
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Certification(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  Outcome record(
      SessionRef session,
      Course course,
      long officerId,
      boolean attended,
      BigDecimal score,
      String recordedBy) {
    boolean passed = attended && course.passes(score);
    jdbc.sql(
            """
            INSERT INTO training_attendance (session_id, officer_id, attended, score, passed, recorded_by)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id, officer_id) DO UPDATE
               SET attended = EXCLUDED.attended, score = EXCLUDED.score, passed = EXCLUDED.passed,
                   recorded_by = EXCLUDED.recorded_by, recorded_at = now()
            """)
        .params(session.id(), officerId, attended, score, passed, recordedBy)
        .update();
    Long current =
        jdbc.sql(
                "SELECT id FROM training_certificate WHERE session_id = ? AND officer_id = ?"
                    + " AND revoked_at IS NULL")
            .params(session.id(), officerId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (passed && current == null) {
      issue(session, course, officerId);
      return Outcome.ISSUED;
    }
    if (!passed && current != null) {
      String reason =
          attended
              ? "重新评分未达到合格分数（" + plain(score) + " < " + plain(course.passMark()) + "）"
              : "重新记录为未出勤";
      revoke(current, reason, recordedBy, session.districtCode());
      return Outcome.REVOKED;
    }
    return Outcome.UNCHANGED;
  }

  private void issue(SessionRef session, Course course, long officerId) {
    int year = session.heldOn().getYear();
    int seq =
        jdbc.sql(
                """
                INSERT INTO training_certificate_counter (district_code, year, last_seq) VALUES (?, ?, 1)
                ON CONFLICT (district_code, year)
                DO UPDATE SET last_seq = training_certificate_counter.last_seq + 1
                RETURNING last_seq
                """)
            .params(session.districtCode(), year)
            .query(Integer.class)
            .single();
    String number = "TJ-%s-%d-%05d".formatted(session.districtCode(), year, seq);
    LocalDate expires = session.heldOn().plusMonths(course.validityMonths());
    long id =
        jdbc.sql(
                """
                INSERT INTO training_certificate (officer_id, course_id, session_id, district_code,
                                                  number, issued_on, expires_on)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                officerId,
                course.id(),
                session.id(),
                session.districtCode(),
                number,
                session.heldOn(),
                expires)
            .query(Long.class)
            .single();
    audit.record(
        "training.certificate.issue",
        "training_certificate",
        String.valueOf(id),
        session.districtCode(),
        null,
        Map.of(
            "number", number,
            "officerId", officerId,
            "courseCode", course.code(),
            "sessionId", session.id(),
            "issuedOn", session.heldOn().toString(),
            "expiresOn", expires.toString()));
  }

  /** Revokes a certificate that is not revoked yet; false when it was. */
  boolean revoke(long certificateId, String reason, String by, String territory) {
    int n =
        jdbc.sql(
                "UPDATE training_certificate SET revoked_at = now(), revoked_reason = ?, revoked_by = ?"
                    + " WHERE id = ? AND revoked_at IS NULL")
            .params(reason, by, certificateId)
            .update();
    if (n == 1) {
      audit.record(
          "training.certificate.revoke",
          "training_certificate",
          String.valueOf(certificateId),
          territory,
          null,
          Map.of("reason", reason));
    }
    return n == 1;
  }

  private static String plain(BigDecimal d) {
    return d == null ? "-" : d.stripTrailingZeros().toPlainString();
  }

  /** The session facts a certificate needs. */
  record SessionRef(long id, String districtCode, LocalDate heldOn) {}
}
