package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staffing norms (网格员配备标准): per district category, how many street-tier officers a street, town or
 * park should have, and when a village counts as heavily loaded (and so needs a village officer).
 * Every district has a category; districts without a row in {@code staffing_district_category} are
 * {@value #DEFAULT_CATEGORY}. Anyone who sees workforce data reads the norms; only the city
 * administrator changes them.
 */
@Service
@Transactional
public class StaffingNorms {

  static final String DEFAULT_CATEGORY = "OUTER";

  /** The figures of one category. */
  public record Norm(
      String category,
      int minPerStreet,
      int maxPerStreet,
      int heavyVillageMinObjects,
      int heavyVillageMinHighRisk,
      String updatedBy,
      Instant updatedAt,
      int version) {}

  /**
   * A district and its category.
   *
   * @param explicit whether the category is set for the district (else the default applies)
   */
  public record DistrictCategory(
      String districtCode, String name, String category, boolean explicit) {}

  public record View(List<Norm> categories, List<DistrictCategory> districts, boolean mayEdit) {}

  /** A category's new figures, with the version read (409 when stale). */
  public record NormDraft(
      Integer minPerStreet,
      Integer maxPerStreet,
      Integer heavyVillageMinObjects,
      Integer heavyVillageMinHighRisk,
      Integer version) {}

  public record CategoryDraft(String category) {}

  private static final RowMapper<Norm> ROW =
      (rs, n) ->
          new Norm(
              rs.getString("category"),
              rs.getInt("min_per_street"),
              rs.getInt("max_per_street"),
              rs.getInt("heavy_village_min_objects"),
              rs.getInt("heavy_village_min_high_risk"),
              rs.getString("updated_by"),
              rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
              rs.getInt("version"));

  private final JdbcClient jdbc;
  private final Divisions divisions;
  private final CurrentActor actors;
  private final AuditLog audit;

  StaffingNorms(JdbcClient jdbc, Divisions divisions, CurrentActor actors, AuditLog audit) {
    this.jdbc = jdbc;
    this.divisions = divisions;
    this.actors = actors;
    this.audit = audit;
  }

  /** The categories and every district's category. */
  @Transactional(readOnly = true)
  public View view() {
    Actor actor = actors.require();
    if (!WorkforcePolicy.sees(actor, actor.scope().territoryCode())) {
      throw StaffingProblem.forbidden();
    }
    Map<String, String> explicit = explicitCategories();
    List<DistrictCategory> districts =
        divisions.children(Scope.CITY).stream()
            .map(
                d ->
                    new DistrictCategory(
                        d.code(),
                        d.name(),
                        explicit.getOrDefault(d.code(), DEFAULT_CATEGORY),
                        explicit.containsKey(d.code())))
            .toList();
    return new View(List.copyOf(norms().values()), districts, mayEdit(actor));
  }

  /** The norms by category (unscoped: for the computations). */
  @Transactional(readOnly = true)
  public Map<String, Norm> norms() {
    Map<String, Norm> out = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM staffing_norm ORDER BY category")
        .query(ROW)
        .list()
        .forEach(n -> out.put(n.category(), n));
    return out;
  }

  /** The category of each district that has one set; others are {@link #DEFAULT_CATEGORY}. */
  @Transactional(readOnly = true)
  public Map<String, String> explicitCategories() {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("SELECT district_code, category FROM staffing_district_category")
        .query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
        .list();
    return out;
  }

  /** Changes a category's figures (city administrator). */
  public Norm update(String category, NormDraft draft) {
    Actor actor = actors.require();
    if (!WorkforcePolicy.sees(actor, actor.scope().territoryCode())) {
      throw StaffingProblem.forbidden();
    }
    Norm before =
        jdbc.sql("SELECT * FROM staffing_norm WHERE category = ? FOR UPDATE")
            .param(category)
            .query(ROW)
            .optional()
            .orElseThrow(() -> StaffingProblem.notFound("staffing norm", category));
    if (!mayEdit(actor)) {
      throw StaffingProblem.forbidden();
    }
    Validation v = new Validation();
    v.required("minPerStreet", draft.minPerStreet())
        .required("maxPerStreet", draft.maxPerStreet())
        .required("heavyVillageMinObjects", draft.heavyVillageMinObjects())
        .required("heavyVillageMinHighRisk", draft.heavyVillageMinHighRisk());
    if (draft.minPerStreet() != null) {
      v.check(draft.minPerStreet() >= 0, "minPerStreet", "workforce.staffing.field.atLeast", 0);
      v.check(
          draft.minPerStreet() <= 10_000,
          "minPerStreet",
          "workforce.staffing.field.atMost",
          10_000);
    }
    if (draft.maxPerStreet() != null) {
      v.check(
          draft.maxPerStreet() <= 10_000,
          "maxPerStreet",
          "workforce.staffing.field.atMost",
          10_000);
      if (draft.minPerStreet() != null) {
        v.check(
            draft.maxPerStreet() >= draft.minPerStreet(),
            "maxPerStreet",
            "workforce.staffing.field.maxBelowMin",
            draft.minPerStreet());
      }
    }
    if (draft.heavyVillageMinObjects() != null) {
      v.check(
          draft.heavyVillageMinObjects() > 0,
          "heavyVillageMinObjects",
          "workforce.staffing.field.positive");
    }
    if (draft.heavyVillageMinHighRisk() != null) {
      v.check(
          draft.heavyVillageMinHighRisk() > 0,
          "heavyVillageMinHighRisk",
          "workforce.staffing.field.positive");
    }
    v.throwIfAny();
    if (draft.version() != null && draft.version() != before.version()) {
      throw StaffingProblem.conflict(
          "workforce.staffing.stale", category, draft.version(), before.version());
    }
    jdbc.sql(
            """
            UPDATE staffing_norm SET min_per_street = ?, max_per_street = ?,
                   heavy_village_min_objects = ?, heavy_village_min_high_risk = ?,
                   updated_by = ?, updated_at = now(), version = version + 1
             WHERE category = ?
            """)
        .params(
            draft.minPerStreet(),
            draft.maxPerStreet(),
            draft.heavyVillageMinObjects(),
            draft.heavyVillageMinHighRisk(),
            actor.username(),
            category)
        .update();
    Norm after = norms().get(category);
    audit.record("staffing.norm.update", "staffing_norm", category, Scope.CITY, before, after);
    return after;
  }

  /** Puts a district in a category (city administrator). */
  public DistrictCategory setCategory(String districtCode, CategoryDraft draft) {
    Actor actor = actors.require();
    Division district =
        divisions
            .find(districtCode)
            .filter(d -> d.code().length() == 6)
            .filter(d -> WorkforcePolicy.sees(actor, d.code()))
            .orElseThrow(() -> StaffingProblem.notFound("district", districtCode));
    if (!mayEdit(actor)) {
      throw StaffingProblem.forbidden();
    }
    String category = draft == null ? null : draft.category();
    Validation v = new Validation().required("category", category);
    if (category != null) {
      v.check(
          norms().containsKey(category),
          "category",
          "workforce.staffing.field.unknownCategory",
          category);
    }
    v.throwIfAny();
    String before = explicitCategories().getOrDefault(districtCode, DEFAULT_CATEGORY);
    jdbc.sql(
            "INSERT INTO staffing_district_category (district_code, category) VALUES (?, ?)"
                + " ON CONFLICT (district_code) DO UPDATE SET category = EXCLUDED.category")
        .params(districtCode, category)
        .update();
    audit.record(
        "staffing.district.category",
        "district",
        districtCode,
        districtCode,
        Map.of("category", before),
        Map.of("category", category));
    return new DistrictCategory(districtCode, district.name(), category, true);
  }

  static boolean mayEdit(Actor actor) {
    return actor.role() == Role.CITY_ADMIN;
  }
}
