package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.workforce.officer.Officer;
import cn.anwang.workforce.officer.OfficerRepository;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An officer's certificates and training record, and revoking a certificate. */
@Service
class CertificateService {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** A certificate expiring within this many days counts as expiring. */
  static final int EXPIRING_DAYS = 30;

  /** VALID, EXPIRING (within {@value #EXPIRING_DAYS} days), EXPIRED or REVOKED. */
  enum Status {
    VALID,
    EXPIRING,
    EXPIRED,
    REVOKED
  }

  record Certificate(
      long id,
      long officerId,
      long courseId,
      String courseCode,
      String courseTitle,
      Long sessionId,
      String number,
      LocalDate issuedOn,
      LocalDate expiresOn,
      String revokedReason,
      Status status) {}

  record AttendanceLine(
      long sessionId,
      String courseCode,
      String courseTitle,
      LocalDate heldOn,
      String place,
      boolean attended,
      BigDecimal score,
      boolean passed) {}

  /** An officer's training record: certificates (newest first) and attendance. */
  record TrainingRecord(
      long officerId,
      String officerName,
      String divisionCode,
      String tier,
      List<Certificate> certificates,
      List<AttendanceLine> attendance) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final OfficerRepository officers;
  private final Certification certification;
  private final Clock clock;

  CertificateService(
      JdbcClient jdbc,
      CurrentActor currentActor,
      OfficerRepository officers,
      Certification certification) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.officers = officers;
    this.certification = certification;
    this.clock = Clock.system(ZONE);
  }

  List<Certificate> list(long officerId) {
    Officer officer = visibleOfficer(currentActor.require(), officerId);
    return certificates(officer.id(), LocalDate.now(clock));
  }

  TrainingRecord record(long officerId) {
    Officer officer = visibleOfficer(currentActor.require(), officerId);
    List<AttendanceLine> attendance =
        jdbc.sql(
                """
                SELECT s.id, c.code, c.title, s.held_on, s.place, a.attended, a.score, a.passed
                  FROM training_attendance a
                  JOIN training_session s ON s.id = a.session_id
                  JOIN training_course c ON c.id = s.course_id
                 WHERE a.officer_id = ?
                 ORDER BY s.held_on DESC, s.id DESC
                """)
            .param(officerId)
            .query(
                (rs, n) ->
                    new AttendanceLine(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getBigDecimal(7),
                        rs.getBoolean(8)))
            .list();
    return new TrainingRecord(
        officer.id(),
        officer.name(),
        officer.divisionCode(),
        officer.tier().name(),
        certificates(officer.id(), LocalDate.now(clock)),
        attendance);
  }

  @Transactional
  Certificate revoke(long certificateId, String reason) {
    Actor actor = currentActor.require();
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw TrainingProblem.invalid("reason", "required");
    }
    Long officerId =
        jdbc.sql("SELECT officer_id FROM training_certificate WHERE id = ? FOR UPDATE")
            .param(certificateId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> TrainingProblem.notFound("certificate", certificateId));
    Officer officer =
        officers
            .find(officerId)
            .filter(o -> WorkforcePolicy.seesOfficer(actor, o))
            .orElseThrow(() -> TrainingProblem.notFound("certificate", certificateId));
    if (!WorkforcePolicy.manages(actor, officer.divisionCode())) {
      throw TrainingProblem.forbidden("certificateRevoke");
    }
    if (!certification.revoke(
        certificateId, reason.trim(), actor.username(), officer.divisionCode())) {
      throw TrainingProblem.conflict(null, "alreadyRevoked", certificateId);
    }
    return certificates(officerId, LocalDate.now(clock)).stream()
        .filter(c -> c.id() == certificateId)
        .findFirst()
        .orElseThrow();
  }

  Officer visibleOfficer(Actor actor, long officerId) {
    return officers
        .find(officerId)
        .filter(o -> WorkforcePolicy.seesOfficer(actor, o))
        .orElseThrow(() -> TrainingProblem.notFound("officer", officerId));
  }

  private List<Certificate> certificates(long officerId, LocalDate today) {
    return jdbc.sql(
            """
            SELECT t.id, t.officer_id, t.course_id, c.code, c.title, t.session_id, t.number,
                   t.issued_on, t.expires_on, t.revoked_at IS NOT NULL, t.revoked_reason
              FROM training_certificate t JOIN training_course c ON c.id = t.course_id
             WHERE t.officer_id = ?
             ORDER BY t.issued_on DESC, t.id DESC
            """)
        .param(officerId)
        .query(
            (rs, n) -> {
              LocalDate expires = rs.getObject(9, LocalDate.class);
              return new Certificate(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getString(5),
                  (Long) rs.getObject(6),
                  rs.getString(7),
                  rs.getObject(8, LocalDate.class),
                  expires,
                  rs.getString(11),
                  status(rs.getBoolean(10), expires, today));
            })
        .list();
  }

  static Status status(boolean revoked, LocalDate expiresOn, LocalDate today) {
    if (revoked) {
      return Status.REVOKED;
    }
    if (!expiresOn.isAfter(today)) {
      return Status.EXPIRED;
    }
    return ChronoUnit.DAYS.between(today, expiresOn) <= EXPIRING_DAYS
        ? Status.EXPIRING
        : Status.VALID;
  }
}
