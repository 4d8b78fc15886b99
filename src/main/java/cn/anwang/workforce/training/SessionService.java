package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.workforce.officer.Officer;
import cn.anwang.workforce.officer.OfficerRepository;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training sessions, their attendance and exam scores (certificates through {@link Certification}).
 */
@Service
class SessionService {

  /** A session as listed. */
  record Session(
      long id,
      long courseId,
      String courseCode,
      String courseTitle,
      String districtCode,
      LocalDate heldOn,
      String place,
      String trainer,
      int attendees,
      int passed,
      int version) {}

  /** One officer's line on a session. */
  record Attendance(
      long officerId,
      String officerName,
      String divisionCode,
      boolean attended,
      BigDecimal score,
      boolean passed,
      String certificateNumber,
      LocalDate expiresOn) {}

  /** A session with its course and attendance. */
  record SessionView(Session session, Course course, List<Attendance> attendance) {}

  record SessionDraft(
      Long courseId, String districtCode, LocalDate heldOn, String place, String trainer) {}

  /** One line of {@code PUT .../attendance}; score 0–100, may be null when absent. */
  record AttendanceEntry(Long officerId, Boolean attended, BigDecimal score) {}

  private static final String SELECT =
      """
      SELECT s.id, s.course_id, c.code, c.title, s.district_code, s.held_on, s.place, s.trainer,
             (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.attended) AS attendees,
             (SELECT count(*) FROM training_attendance a WHERE a.session_id = s.id AND a.passed) AS passed,
             s.version
        FROM training_session s JOIN training_course c ON c.id = s.course_id
      """;

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final CourseService courses;
  private final OfficerRepository officers;
  private final Certification certification;
  private final AuditLog audit;

  SessionService(
      JdbcClient jdbc,
      CurrentActor currentActor,
      CourseService courses,
      OfficerRepository officers,
      Certification certification,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.courses = courses;
    this.officers = officers;
    this.certification = certification;
    this.audit = audit;
  }

  /**
   * Sessions the caller sees, newest first, filtered by district, course and year (each optional).
   */
  List<Session> list(String district, Long courseId, Integer year) {
    Actor actor = currentActor.require();
    if (!WorkforcePolicy.sees(actor, actor.scope().territoryCode())) {
      return List.of();
    }
    String territory = actor.scope().territoryCode();
    String scopeDistrict = territory.length() >= 6 ? territory.substring(0, 6) : territory;
    return jdbc.sql(
            SELECT
                + """
                 WHERE s.district_code LIKE :scope
                   AND (CAST(:district AS text) IS NULL OR s.district_code = :district)
                   AND (CAST(:course AS bigint) IS NULL OR s.course_id = :course)
                   AND (CAST(:year AS integer) IS NULL OR extract(year FROM s.held_on) = :year)
                 ORDER BY s.held_on DESC, s.id DESC
                 LIMIT 500
                """)
        .param("scope", scopeDistrict + "%")
        .param("district", district == null || district.isBlank() ? null : district)
        .param("course", courseId)
        .param("year", year)
        .query(SessionService::session)
        .list();
  }

  SessionView get(long id) {
    Actor actor = currentActor.require();
    Session session = visible(actor, id);
    Course course = courses.find(session.courseId()).orElseThrow();
    List<Attendance> attendance =
        jdbc
            .sql(
                """
                SELECT a.officer_id, o.name, o.division_code, a.attended, a.score, a.passed,
                       t.number, t.expires_on
                  FROM training_attendance a
                  JOIN officer o ON o.id = a.officer_id
                  LEFT JOIN training_certificate t
                         ON t.session_id = a.session_id AND t.officer_id = a.officer_id
                        AND t.revoked_at IS NULL
                 WHERE a.session_id = ?
                 ORDER BY o.division_code, o.name, a.officer_id
                """)
            .param(id)
            .query(
                (rs, n) ->
                    new Attendance(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getBigDecimal(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class)))
            .list()
            .stream()
            .filter(a -> WorkforcePolicy.sees(actor, a.divisionCode()))
            .toList();
    return new SessionView(session, course, attendance);
  }

  @Transactional
  Session create(SessionDraft draft) {
    Actor actor = currentActor.require();
    if (draft.courseId() == null) {
      throw TrainingProblem.invalid("courseId", "required");
    }
    Course course = courses.get(draft.courseId());
    String district = draft.districtCode();
    if (district == null || district.isBlank()) {
      district = TrainingScope.districtOf(actor);
    }
    if (district == null || !district.matches("\\d{6}")) {
      throw TrainingProblem.invalid("districtCode", "required");
    }
    if (!TrainingScope.seesDistrict(actor, district)) {
      throw TrainingProblem.notFound("district", district);
    }
    if (!TrainingScope.runsSessions(actor, district)) {
      throw TrainingProblem.forbidden("sessionEdit");
    }
    if (!course.active()) {
      throw TrainingProblem.unprocessable("courseId", "courseInactive", course.code());
    }
    if (course.districtCode() != null && !course.districtCode().equals(district)) {
      throw TrainingProblem.unprocessable("courseId", "courseOtherDistrict", course.code());
    }
    if (draft.heldOn() == null) {
      throw TrainingProblem.invalid("heldOn", "required");
    }
    if (draft.place() == null || draft.place().isBlank() || draft.place().length() > 200) {
      throw TrainingProblem.invalid("place", "required");
    }
    if (draft.trainer() == null || draft.trainer().isBlank() || draft.trainer().length() > 100) {
      throw TrainingProblem.invalid("trainer", "required");
    }
    long id =
        insert(
            course.id(),
            district,
            draft.heldOn(),
            draft.place().trim(),
            draft.trainer().trim(),
            actor.username());
    Session created = find(id);
    audit.record(
        "training.session.create", "training_session", String.valueOf(id), district, null, created);
    return created;
  }

  long insert(
      long courseId, String district, LocalDate heldOn, String place, String trainer, String by) {
    return jdbc.sql(
            """
            INSERT INTO training_session (course_id, district_code, held_on, place, trainer, created_by)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(courseId, district, heldOn, place, trainer, by)
        .query(Long.class)
        .single();
  }

  /** The id of the session of this course, district, day and place, or null. */
  Long findId(long courseId, String district, LocalDate heldOn, String place) {
    return jdbc.sql(
            "SELECT id FROM training_session WHERE course_id = ? AND district_code = ?"
                + " AND held_on = ? AND place = ? ORDER BY id LIMIT 1")
        .params(courseId, district, heldOn, place)
        .query(Long.class)
        .optional()
        .orElse(null);
  }

  /** Records attendance and scores; issues and revokes the session's certificates accordingly. */
  @Transactional
  SessionView recordAttendance(long id, List<AttendanceEntry> entries) {
    Actor actor = currentActor.require();
    Session session = visible(actor, id);
    if (!TrainingScope.runsSessions(actor, session.districtCode())) {
      throw TrainingProblem.forbidden("sessionEdit");
    }
    lock(id);
    Course course = courses.find(session.courseId()).orElseThrow();
    if (entries == null || entries.isEmpty()) {
      throw TrainingProblem.invalid("attendance", "required");
    }
    var seen = new HashSet<Long>();
    var checked = new ArrayList<Officer>();
    for (int i = 0; i < entries.size(); i++) {
      AttendanceEntry e = entries.get(i);
      String field = "[" + i + "]";
      if (e == null || e.officerId() == null) {
        throw TrainingProblem.invalid(field + ".officerId", "required");
      }
      if (!seen.add(e.officerId())) {
        throw TrainingProblem.invalid(field + ".officerId", "duplicateOfficer", e.officerId());
      }
      if (e.score() != null
          && (e.score().signum() < 0 || e.score().compareTo(BigDecimal.valueOf(100)) > 0)) {
        throw TrainingProblem.invalid(field + ".score", "score");
      }
      Officer officer =
          officers
              .find(e.officerId())
              .filter(o -> WorkforcePolicy.seesOfficer(actor, o))
              .orElseThrow(() -> TrainingProblem.notFound("officer", e.officerId()));
      if (!officer.districtCode().equals(session.districtCode())) {
        throw TrainingProblem.unprocessable(
            field + ".officerId", "officerOtherDistrict", officer.id(), session.districtCode());
      }
      if (!WorkforcePolicy.manages(actor, officer.divisionCode())) {
        throw TrainingProblem.notFound("officer", e.officerId());
      }
      checked.add(officer);
    }
    var ref = new Certification.SessionRef(session.id(), session.districtCode(), session.heldOn());
    var outcomes = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < entries.size(); i++) {
      AttendanceEntry e = entries.get(i);
      boolean attended = Boolean.TRUE.equals(e.attended());
      Certification.Outcome outcome =
          certification.record(
              ref, course, checked.get(i).id(), attended, e.score(), actor.username());
      outcomes.add(
          Map.of(
              "officerId",
              e.officerId(),
              "attended",
              attended,
              "score",
              e.score() == null ? "" : e.score().toPlainString(),
              "certificate",
              outcome.name()));
    }
    jdbc.sql("UPDATE training_session SET version = version + 1 WHERE id = ?").param(id).update();
    audit.record(
        "training.attendance.record",
        "training_session",
        String.valueOf(id),
        session.districtCode(),
        null,
        outcomes);
    return get(id);
  }

  /** Locks the session until the transaction ends: attendance changes on it serialise. */
  void lock(long id) {
    jdbc.sql("SELECT id FROM training_session WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Long.class)
        .single();
  }

  /** The session if the caller sees its district, else 404. */
  Session visible(Actor actor, long id) {
    Session s =
        jdbc.sql(SELECT + " WHERE s.id = ?")
            .param(id)
            .query(SessionService::session)
            .optional()
            .orElseThrow(() -> TrainingProblem.notFound("session", id));
    if (!TrainingScope.seesDistrict(actor, s.districtCode())) {
      throw TrainingProblem.notFound("session", id);
    }
    return s;
  }

  Session find(long id) {
    return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(SessionService::session).single();
  }

  private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Session(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9),
        rs.getInt(10),
        rs.getInt(11));
  }
}
