package cn.anwang.inspection.plan;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.inspection.web.InspectionRejected;
import cn.anwang.shared.web.ApiProblems;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patrol plan per district: months per period for each risk level and the allowed distance of
 * an inspection's position from its object. The city default ({@code 12}) applies to every district
 * without its own row. District administrators set their district's, the city administrator any.
 */
@Service
@Transactional
public class PatrolSettings {

  /**
   * An effective plan.
   *
   * @param scopeCode {@code 12} or a district code
   * @param inherited true when the district has no row of its own (these are the city's values)
   */
  public record Plan(
      String scopeCode,
      int redMonths,
      int orangeMonths,
      int yellowMonths,
      int blueMonths,
      int allowedDistanceMeters,
      boolean inherited,
      String updatedBy,
      int version) {

    /** Months per period for a risk level. */
    public int monthsFor(String riskLevel) {
      return switch (riskLevel) {
        case "RED" -> redMonths;
        case "ORANGE" -> orangeMonths;
        case "YELLOW" -> yellowMonths;
        default -> blueMonths;
      };
    }
  }

  /** What PUT sends. */
  public record Update(
      Integer redMonths,
      Integer orangeMonths,
      Integer yellowMonths,
      Integer blueMonths,
      Integer allowedDistanceMeters) {}

  static final Set<Integer> MONTHS = Set.of(1, 2, 3, 4, 6, 12);

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;

  PatrolSettings(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  /** The plan that applies in a district (its own row, else the city default); unscoped. */
  @Transactional(readOnly = true)
  public Plan effective(String districtCode) {
    return row(districtCode).orElseGet(() -> inherit(districtCode));
  }

  private Plan inherit(String districtCode) {
    Plan city = row(Scope.CITY).orElseThrow();
    return new Plan(
        districtCode,
        city.redMonths(),
        city.orangeMonths(),
        city.yellowMonths(),
        city.blueMonths(),
        city.allowedDistanceMeters(),
        true,
        city.updatedBy(),
        0);
  }

  /** The city default and every district plan the caller sees (own rows or inherited). */
  @Transactional(readOnly = true)
  public List<Plan> visible() {
    Actor actor = currentActor.require();
    String territory = actor.scope().territoryCode();
    if (territory.length() >= 6) {
      return List.of(effective(territory.substring(0, 6)));
    }
    List<String> districts =
        jdbc.sql("SELECT code FROM division WHERE level = 'district' AND code LIKE ? ORDER BY code")
            .param(actor.scope().likePattern())
            .query(String.class)
            .list();
    List<Plan> out = new java.util.ArrayList<>();
    out.add(row(Scope.CITY).orElseThrow());
    districts.forEach(d -> out.add(effective(d)));
    return out;
  }

  /** Sets a district's plan ({@code 12}: the city default). */
  public Plan put(String scopeCode, Update u) {
    Actor actor = currentActor.require();
    boolean city = Scope.CITY.equals(scopeCode);
    if (!city && !scopeCode.matches("\\d{6}")) {
      throw ApiProblems.notFound("Patrol plan", scopeCode);
    }
    boolean allowed =
        actor.role() == Role.CITY_ADMIN
            || (actor.role() == Role.DISTRICT_ADMIN && !city && actor.covers(scopeCode));
    if (!allowed) {
      if (city || actor.covers(scopeCode) || actor.scope().territoryCode().startsWith(scopeCode)) {
        throw ApiProblems.forbidden(
            "Only the district's or the city's administrator sets its plan");
      }
      throw ApiProblems.notFound("Patrol plan", scopeCode);
    }
    Plan before = effective(scopeCode);
    int red = months("redMonths", u.redMonths(), before.redMonths());
    int orange = months("orangeMonths", u.orangeMonths(), before.orangeMonths());
    int yellow = months("yellowMonths", u.yellowMonths(), before.yellowMonths());
    int blue = months("blueMonths", u.blueMonths(), before.blueMonths());
    int distance =
        u.allowedDistanceMeters() == null
            ? before.allowedDistanceMeters()
            : u.allowedDistanceMeters();
    if (distance < 10 || distance > 5000) {
      throw new InspectionRejected("allowedDistanceMeters", "inspection.rule.distance", "10–5000");
    }
    jdbc.sql(
            """
            INSERT INTO patrol_plan_setting (scope_code, red_months, orange_months, yellow_months,
                                             blue_months, allowed_distance_m, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (scope_code) DO UPDATE
               SET red_months = EXCLUDED.red_months, orange_months = EXCLUDED.orange_months,
                   yellow_months = EXCLUDED.yellow_months, blue_months = EXCLUDED.blue_months,
                   allowed_distance_m = EXCLUDED.allowed_distance_m,
                   updated_by = EXCLUDED.updated_by, updated_at = now(),
                   version = patrol_plan_setting.version + 1
            """)
        .params(scopeCode, red, orange, yellow, blue, distance, actor.username())
        .update();
    Plan after = row(scopeCode).orElseThrow();
    audit.record(
        "patrol-plan.update", "patrol-plan", scopeCode, city ? null : scopeCode, before, after);
    return after;
  }

  private static int months(String field, Integer value, int current) {
    int v = value == null ? current : value;
    if (!MONTHS.contains(v)) {
      throw new InspectionRejected(field, "inspection.rule.months", "1, 2, 3, 4, 6, 12");
    }
    return v;
  }

  private Optional<Plan> row(String scopeCode) {
    return jdbc.sql("SELECT * FROM patrol_plan_setting WHERE scope_code = ?")
        .param(scopeCode)
        .query(
            (rs, n) ->
                new Plan(
                    rs.getString("scope_code"),
                    rs.getInt("red_months"),
                    rs.getInt("orange_months"),
                    rs.getInt("yellow_months"),
                    rs.getInt("blue_months"),
                    rs.getInt("allowed_distance_m"),
                    false,
                    rs.getString("updated_by"),
                    rs.getInt("version")))
        .optional();
  }
}
