package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Courses: the caller sees the city-wide ones and their district's; edits by {@link TrainingScope}.
 */
@Service
class CourseService {

  /**
   * A new course or the new state of one.
   *
   * @param districtCode the district, blank or null for a city-wide course (cannot change)
   * @param version for changes: the version read (409 when stale); null skips the check
   */
  record CourseDraft(
      String districtCode,
      String code,
      String title,
      String topic,
      BigDecimal hours,
      String requiredFor,
      Boolean prePost,
      BigDecimal passMark,
      Integer validityMonths,
      Integer version) {}

  private static final Set<String> TIERS = Set.of("ALL", "STREET", "VILLAGE", "NONE");

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;

  CourseService(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  /** City-wide courses and those of the districts the caller's territory overlaps, by code. */
  List<Course> list() {
    Actor actor = currentActor.require();
    return jdbc
        .sql("SELECT " + Course.COLUMNS + " FROM training_course ORDER BY code")
        .query(Course::map)
        // list(), not stream(): JdbcClient's stream() is a live ResultSet holding its connection
        // until closed, and outside a transaction nothing closes it (issue 15: the pool ran dry)
        .list()
        .stream()
        .filter(c -> TrainingScope.seesCourse(actor, c.districtCode()))
        .toList();
  }

  Course get(long id) {
    Actor actor = currentActor.require();
    return find(id)
        .filter(c -> TrainingScope.seesCourse(actor, c.districtCode()))
        .orElseThrow(() -> TrainingProblem.notFound("course", id));
  }

  java.util.Optional<Course> find(long id) {
    return jdbc.sql("SELECT " + Course.COLUMNS + " FROM training_course WHERE id = ?")
        .param(id)
        .query(Course::map)
        .optional();
  }

  java.util.Optional<Course> findByCode(String code) {
    return jdbc.sql("SELECT " + Course.COLUMNS + " FROM training_course WHERE code = ?")
        .param(code)
        .query(Course::map)
        .optional();
  }

  @Transactional
  Course create(CourseDraft draft) {
    Actor actor = currentActor.require();
    String district = blankToNull(draft.districtCode());
    if (district != null && !TrainingScope.seesCourse(actor, district)) {
      throw TrainingProblem.notFound("district", district);
    }
    if (!TrainingScope.editsCourse(actor, district)) {
      throw TrainingProblem.forbidden("courseEdit");
    }
    validate(draft, true);
    long id;
    try {
      id =
          jdbc.sql(
                  """
                  INSERT INTO training_course (district_code, code, title, topic, hours, required_for,
                                               pre_post, pass_mark, validity_months)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                  """)
              .params(
                  district,
                  draft.code().trim(),
                  draft.title().trim(),
                  draft.topic().trim(),
                  draft.hours(),
                  draft.requiredFor(),
                  Boolean.TRUE.equals(draft.prePost()),
                  draft.passMark(),
                  draft.validityMonths())
              .query(Long.class)
              .single();
    } catch (DuplicateKeyException e) {
      throw TrainingProblem.conflict("code", "courseCodeTaken", draft.code().trim());
    }
    Course created = find(id).orElseThrow();
    audit.record(
        "training.course.create",
        "training_course",
        String.valueOf(id),
        territory(created),
        null,
        created);
    return created;
  }

  @Transactional
  Course update(long id, CourseDraft draft) {
    Actor actor = currentActor.require();
    Course before = lockVisible(actor, id);
    if (!TrainingScope.editsCourse(actor, before.districtCode())) {
      throw TrainingProblem.forbidden("courseEdit");
    }
    checkVersion(draft.version(), before.version());
    validate(draft, false);
    String code = draft.code() == null ? before.code() : draft.code().trim();
    try {
      jdbc.sql(
              """
              UPDATE training_course SET code = ?, title = ?, topic = ?, hours = ?, required_for = ?,
                     pre_post = ?, pass_mark = ?, validity_months = ?, updated_at = now(),
                     version = version + 1
               WHERE id = ?
              """)
          .params(
              code,
              draft.title().trim(),
              draft.topic().trim(),
              draft.hours(),
              draft.requiredFor(),
              Boolean.TRUE.equals(draft.prePost()),
              draft.passMark(),
              draft.validityMonths(),
              id)
          .update();
    } catch (DuplicateKeyException e) {
      throw TrainingProblem.conflict("code", "courseCodeTaken", code);
    }
    Course after = find(id).orElseThrow();
    audit.record(
        "training.course.update",
        "training_course",
        String.valueOf(id),
        territory(after),
        before,
        after);
    return after;
  }

  @Transactional
  Course setActive(long id, boolean active, Integer version) {
    Actor actor = currentActor.require();
    Course before = lockVisible(actor, id);
    if (!TrainingScope.editsCourse(actor, before.districtCode())) {
      throw TrainingProblem.forbidden("courseEdit");
    }
    checkVersion(version, before.version());
    jdbc.sql(
            "UPDATE training_course SET active = ?, updated_at = now(), version = version + 1"
                + " WHERE id = ?")
        .params(active, id)
        .update();
    Course after = find(id).orElseThrow();
    audit.record(
        active ? "training.course.activate" : "training.course.deactivate",
        "training_course",
        String.valueOf(id),
        territory(after),
        before,
        after);
    return after;
  }

  private Course lockVisible(Actor actor, long id) {
    return jdbc.sql("SELECT " + Course.COLUMNS + " FROM training_course WHERE id = ? FOR UPDATE")
        .param(id)
        .query(Course::map)
        .optional()
        .filter(c -> TrainingScope.seesCourse(actor, c.districtCode()))
        .orElseThrow(() -> TrainingProblem.notFound("course", id));
  }

  static void checkVersion(Integer sent, int current) {
    if (sent != null && sent != current) {
      throw TrainingProblem.stale(sent, current);
    }
  }

  private static void validate(CourseDraft d, boolean creating) {
    if (creating || d.code() != null) {
      if (d.code() == null || !d.code().trim().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
        throw TrainingProblem.invalid("code", "courseCode");
      }
    }
    if (d.title() == null || d.title().isBlank() || d.title().length() > 200) {
      throw TrainingProblem.invalid("title", "required");
    }
    if (d.topic() == null || d.topic().isBlank() || d.topic().length() > 200) {
      throw TrainingProblem.invalid("topic", "required");
    }
    if (d.hours() == null
        || d.hours().signum() <= 0
        || d.hours().compareTo(new BigDecimal("9999")) > 0) {
      throw TrainingProblem.invalid("hours", "hours");
    }
    if (d.passMark() == null
        || d.passMark().signum() < 0
        || d.passMark().compareTo(BigDecimal.valueOf(100)) > 0) {
      throw TrainingProblem.invalid("passMark", "passMark");
    }
    if (d.validityMonths() == null || d.validityMonths() <= 0 || d.validityMonths() > 240) {
      throw TrainingProblem.invalid("validityMonths", "validityMonths");
    }
    if (d.requiredFor() == null || !TIERS.contains(d.requiredFor())) {
      throw TrainingProblem.invalid("requiredFor", "requiredFor");
    }
  }

  private static String territory(Course c) {
    return c.districtCode() == null ? "12" : c.districtCode();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
