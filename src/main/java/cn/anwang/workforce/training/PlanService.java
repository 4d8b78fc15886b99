package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual training plan of a district and its coverage. For each item (course, tier, due by) the
 * officers of the district (candidate, active or suspended; of the item's tier) are
 * <em>trained</em> when they hold a certificate of the course, not revoked, valid on the due date
 * or today; otherwise <em>due</em> while the due date lies ahead and <em>overdue</em> once it has
 * passed.
 */
@Service
class PlanService {

  record ItemDraft(Long courseId, String tier, LocalDate dueBy) {}

  record OfficerRef(long id, String name) {}

  record StreetCoverage(
      String streetCode,
      String streetName,
      int trained,
      int due,
      int overdue,
      List<OfficerRef> trainedOfficers,
      List<OfficerRef> dueOfficers,
      List<OfficerRef> overdueOfficers) {}

  record Item(
      long id,
      long courseId,
      String courseCode,
      String courseTitle,
      String tier,
      LocalDate dueBy,
      int trained,
      int due,
      int overdue,
      List<StreetCoverage> streets) {}

  record Plan(String districtCode, int year, LocalDate asOf, boolean editable, List<Item> items) {}

  private static final Set<String> TIERS = Set.of("ALL", "STREET", "VILLAGE");

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final CourseService courses;
  private final AuditLog audit;
  private final Clock clock = Clock.system(CertificateService.ZONE);

  PlanService(JdbcClient jdbc, CurrentActor currentActor, CourseService courses, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.courses = courses;
    this.audit = audit;
  }

  Plan get(String district, int year) {
    return get(district, year, LocalDate.now(clock));
  }

  /** The plan with its coverage as of {@code today}. */
  Plan get(String district, int year, LocalDate today) {
    Actor actor = currentActor.require();
    checkVisible(actor, district, year);
    record Row(long id, long courseId, String code, String title, String tier, LocalDate dueBy) {}
    List<Row> rows =
        jdbc.sql(
                """
                SELECT p.id, p.course_id, c.code, c.title, p.tier, p.due_by
                  FROM training_plan_item p JOIN training_course c ON c.id = p.course_id
                 WHERE p.district_code = ? AND p.year = ?
                 ORDER BY p.due_by, c.code, p.tier
                """)
            .params(district, year)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)))
            .list();
    List<Item> items = new ArrayList<>();
    for (Row r : rows) {
      items.add(
          coverage(
              actor,
              district,
              r.id(),
              r.courseId(),
              r.code(),
              r.title(),
              r.tier(),
              r.dueBy(),
              today));
    }
    return new Plan(district, year, today, TrainingScope.plans(actor, district), items);
  }

  private Item coverage(
      Actor actor,
      String district,
      long id,
      long courseId,
      String code,
      String title,
      String tier,
      LocalDate dueBy,
      LocalDate today) {
    record Line(long officerId, String name, String street, String streetName, boolean trained) {}
    List<Line> lines =
        jdbc.sql(
                """
                SELECT o.id, o.name, substr(o.division_code, 1, 9) AS street, d.name AS street_name,
                       EXISTS (SELECT 1 FROM training_certificate t
                                WHERE t.officer_id = o.id AND t.course_id = :course
                                  AND t.revoked_at IS NULL
                                  AND ((t.issued_on <= :due AND t.expires_on > :due)
                                    OR (t.issued_on <= :today AND t.expires_on > :today))) AS trained
                  FROM officer o
                  LEFT JOIN division d ON d.code = substr(o.division_code, 1, 9)
                 WHERE o.district_code = :district
                   AND o.division_code LIKE :scope
                   AND o.status IN ('CANDIDATE', 'ACTIVE', 'SUSPENDED')
                   AND (:tier = 'ALL' OR o.tier = :tier)
                 ORDER BY street, o.name, o.id
                """)
            .param("course", courseId)
            .param("due", dueBy)
            .param("today", today)
            .param("district", district)
            .param("scope", actor.scope().likePattern())
            .param("tier", tier)
            .query(
                (rs, n) ->
                    new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)))
            .list();
    boolean past = dueBy.isBefore(today);
    Map<String, List<Line>> byStreet = new LinkedHashMap<>();
    for (Line l : lines) {
      byStreet.computeIfAbsent(l.street(), k -> new ArrayList<>()).add(l);
    }
    List<StreetCoverage> streets = new ArrayList<>();
    int trained = 0;
    int due = 0;
    int overdue = 0;
    for (var e : byStreet.entrySet()) {
      var t = new ArrayList<OfficerRef>();
      var d = new ArrayList<OfficerRef>();
      var o = new ArrayList<OfficerRef>();
      for (Line l : e.getValue()) {
        var ref = new OfficerRef(l.officerId(), l.name());
        (l.trained() ? t : past ? o : d).add(ref);
      }
      trained += t.size();
      due += d.size();
      overdue += o.size();
      streets.add(
          new StreetCoverage(
              e.getKey(), e.getValue().get(0).streetName(), t.size(), d.size(), o.size(), t, d, o));
    }
    return new Item(id, courseId, code, title, tier, dueBy, trained, due, overdue, streets);
  }

  /** Replaces the plan's items (district or city administrator). */
  @Transactional
  Plan replace(String district, int year, List<ItemDraft> drafts) {
    Actor actor = currentActor.require();
    checkVisible(actor, district, year);
    if (!TrainingScope.plans(actor, district)) {
      throw TrainingProblem.forbidden("planEdit");
    }
    List<ItemDraft> items = drafts == null ? List.of() : drafts;
    var keys = new HashSet<String>();
    for (int i = 0; i < items.size(); i++) {
      ItemDraft d = items.get(i);
      String field = "items[" + i + "]";
      if (d == null || d.courseId() == null) {
        throw TrainingProblem.invalid(field + ".courseId", "required");
      }
      Course course =
          courses
              .find(d.courseId())
              .filter(c -> c.districtCode() == null || c.districtCode().equals(district))
              .orElseThrow(() -> TrainingProblem.notFound("course", d.courseId()));
      String tier = d.tier() == null || d.tier().isBlank() ? "ALL" : d.tier();
      if (!TIERS.contains(tier)) {
        throw TrainingProblem.invalid(field + ".tier", "tier");
      }
      if (d.dueBy() == null) {
        throw TrainingProblem.invalid(field + ".dueBy", "required");
      }
      if (d.dueBy().getYear() != year) {
        throw TrainingProblem.invalid(field + ".dueBy", "dueByYear", year);
      }
      if (!keys.add(course.id() + "/" + tier)) {
        throw TrainingProblem.invalid(field + ".courseId", "duplicatePlanItem", course.code());
      }
    }
    Plan before = get(district, year);
    jdbc.sql("DELETE FROM training_plan_item WHERE district_code = ? AND year = ?")
        .params(district, year)
        .update();
    for (ItemDraft d : items) {
      jdbc.sql(
              """
              INSERT INTO training_plan_item (district_code, year, course_id, tier, due_by, created_by)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              district,
              year,
              d.courseId(),
              d.tier() == null || d.tier().isBlank() ? "ALL" : d.tier(),
              d.dueBy(),
              actor.username())
          .update();
    }
    Plan after = get(district, year);
    audit.record(
        "training.plan.update",
        "training_plan",
        district + "/" + year,
        district,
        summary(before),
        summary(after));
    return after;
  }

  private static List<String> summary(Plan plan) {
    return plan.items().stream()
        .map(i -> i.courseCode() + "/" + i.tier() + "/" + i.dueBy())
        .toList();
  }

  private static void checkVisible(Actor actor, String district, int year) {
    if (district == null
        || !district.matches("\\d{6}")
        || !TrainingScope.seesDistrict(actor, district)) {
      throw TrainingProblem.notFound("district", district);
    }
    if (year < 2000 || year > 2100) {
      throw TrainingProblem.invalid("year", "year");
    }
  }
}
