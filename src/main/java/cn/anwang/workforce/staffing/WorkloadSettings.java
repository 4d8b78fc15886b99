package cn.anwang.workforce.staffing;

import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workload weights per risk level and the over/under band around a street's mean, for the city
 * ({@code '12'}) and optionally per district (a district without its own row uses the city's). The
 * city administrator sets the city's; a district administrator their district's.
 */
@Service
@Transactional
public class WorkloadSettings {

  /**
   * The setting in force for a scope.
   *
   * @param inherited true when the scope has no row of its own and this is the city's
   * @param version the scope's own row version (0 when inherited: send 0 to create it; a new row
   *     starts at 1)
   */
  public record Setting(
      String scope,
      BigDecimal weightRed,
      BigDecimal weightOrange,
      BigDecimal weightYellow,
      BigDecimal weightBlue,
      BigDecimal overRatio,
      BigDecimal underRatio,
      boolean inherited,
      String updatedBy,
      Instant updatedAt,
      int version) {

    Setting as(String otherScope) {
      return new Setting(
          otherScope,
          weightRed,
          weightOrange,
          weightYellow,
          weightBlue,
          overRatio,
          underRatio,
          true,
          updatedBy,
          updatedAt,
          0);
    }

    /** The weighted load of counts by level. */
    double load(int red, int orange, int yellow, int blue) {
      return weightRed.doubleValue() * red
          + weightOrange.doubleValue() * orange
          + weightYellow.doubleValue() * yellow
          + weightBlue.doubleValue() * blue;
    }
  }

  public record SettingDraft(
      BigDecimal weightRed,
      BigDecimal weightOrange,
      BigDecimal weightYellow,
      BigDecimal weightBlue,
      BigDecimal overRatio,
      BigDecimal underRatio,
      Integer version) {}

  private static final RowMapper<Setting> ROW =
      (rs, n) ->
          new Setting(
              rs.getString("scope_code"),
              rs.getBigDecimal("weight_red"),
              rs.getBigDecimal("weight_orange"),
              rs.getBigDecimal("weight_yellow"),
              rs.getBigDecimal("weight_blue"),
              rs.getBigDecimal("over_ratio"),
              rs.getBigDecimal("under_ratio"),
              false,
              rs.getString("updated_by"),
              rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
              rs.getInt("version"));

  private final JdbcClient jdbc;
  private final Divisions divisions;
  private final CurrentActor actors;
  private final AuditLog audit;

  WorkloadSettings(JdbcClient jdbc, Divisions divisions, CurrentActor actors, AuditLog audit) {
    this.jdbc = jdbc;
    this.divisions = divisions;
    this.actors = actors;
    this.audit = audit;
  }

  /** The setting in force for the city or a district the caller sees. */
  @Transactional(readOnly = true)
  public Setting get(String scope) {
    Actor actor = actors.require();
    checkScope(actor, scope);
    return effective(scope);
  }

  /** The setting in force for a scope (unscoped). */
  @Transactional(readOnly = true)
  public Setting effective(String scope) {
    Map<String, Setting> all = all();
    Setting own = all.get(scope);
    return own != null ? own : all.get(Scope.CITY).as(scope);
  }

  /** Every row, by scope code (the city's is always there). */
  @Transactional(readOnly = true)
  public Map<String, Setting> all() {
    Map<String, Setting> out = new HashMap<>();
    jdbc.sql("SELECT * FROM workload_setting")
        .query(ROW)
        .list()
        .forEach(s -> out.put(s.scope(), s));
    return out;
  }

  /** Sets the scope's own weights and band (city administrator: '12'; district administrator). */
  public Setting update(String scope, SettingDraft draft) {
    Actor actor = actors.require();
    checkScope(actor, scope);
    boolean allowed =
        Scope.CITY.equals(scope)
            ? actor.role() == Role.CITY_ADMIN
            : (actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN)
                && WorkforcePolicy.manages(actor, scope);
    if (!allowed) {
      throw StaffingProblem.forbidden();
    }
    Validation v = new Validation();
    v.required("weightRed", draft.weightRed())
        .required("weightOrange", draft.weightOrange())
        .required("weightYellow", draft.weightYellow())
        .required("weightBlue", draft.weightBlue())
        .required("overRatio", draft.overRatio())
        .required("underRatio", draft.underRatio())
        .between("weightRed", draft.weightRed(), "0", "9999")
        .between("weightOrange", draft.weightOrange(), "0", "9999")
        .between("weightYellow", draft.weightYellow(), "0", "9999")
        .between("weightBlue", draft.weightBlue(), "0", "9999");
    if (draft.overRatio() != null) {
      v.check(
          draft.overRatio().compareTo(BigDecimal.ONE) > 0
              && draft.overRatio().compareTo(new BigDecimal("10")) <= 0,
          "overRatio",
          "workforce.staffing.field.overRatio");
    }
    if (draft.underRatio() != null) {
      v.check(
          draft.underRatio().signum() > 0 && draft.underRatio().compareTo(BigDecimal.ONE) < 0,
          "underRatio",
          "workforce.staffing.field.underRatio");
    }
    v.throwIfAny();
    Setting before =
        jdbc.sql("SELECT * FROM workload_setting WHERE scope_code = ? FOR UPDATE")
            .param(scope)
            .query(ROW)
            .optional()
            .orElse(null);
    int current = before == null ? 0 : before.version();
    if (draft.version() != null && draft.version() != current) {
      throw StaffingProblem.conflict("workforce.staffing.stale", scope, draft.version(), current);
    }
    if (before == null) {
      jdbc.sql(
              """
              INSERT INTO workload_setting (scope_code, weight_red, weight_orange, weight_yellow,
                  weight_blue, over_ratio, under_ratio, updated_by, version)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
              """)
          .params(
              scope,
              draft.weightRed(),
              draft.weightOrange(),
              draft.weightYellow(),
              draft.weightBlue(),
              draft.overRatio(),
              draft.underRatio(),
              actor.username())
          .update();
    } else {
      jdbc.sql(
              """
              UPDATE workload_setting SET weight_red = ?, weight_orange = ?, weight_yellow = ?,
                     weight_blue = ?, over_ratio = ?, under_ratio = ?, updated_by = ?,
                     updated_at = now(), version = version + 1
               WHERE scope_code = ?
              """)
          .params(
              draft.weightRed(),
              draft.weightOrange(),
              draft.weightYellow(),
              draft.weightBlue(),
              draft.overRatio(),
              draft.underRatio(),
              actor.username(),
              scope)
          .update();
    }
    Setting after = effective(scope);
    audit.record("staffing.workload.settings", "workload_setting", scope, scope, before, after);
    return after;
  }

  private void checkScope(Actor actor, String scope) {
    boolean known =
        scope != null
            && (Scope.CITY.equals(scope)
                || (scope.length() == 6 && divisions.find(scope).isPresent()));
    if (!known || !(Scope.CITY.equals(scope) || WorkforcePolicy.sees(actor, scope))) {
      throw StaffingProblem.notFound("workload setting", scope);
    }
    if (Scope.CITY.equals(scope) && !WorkforcePolicy.sees(actor, actor.scope().territoryCode())) {
      throw StaffingProblem.notFound("workload setting", scope);
    }
  }
}
