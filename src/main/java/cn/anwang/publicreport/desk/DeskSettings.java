package cn.anwang.publicreport.desk;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A district's desk settings: the distance within which open reports of the same category are
 * suggested as duplicates (default {@value #DEFAULT_DUPLICATE_METRES} m). Read by anyone at the
 * desk; changed by the district's administrator or the city's, audited.
 */
@Component
class DeskSettings {

  static final int DEFAULT_DUPLICATE_METRES = 200;

  record Settings(String district, int duplicateMetres, boolean defaults) {}

  private final DeskAccess access;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  DeskSettings(DeskAccess access, JdbcClient jdbc, AuditLog audit) {
    this.access = access;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  int duplicateMetres(String district) {
    return jdbc.sql(
            "SELECT duplicate_metres FROM public_report_district_setting WHERE district_code = ?")
        .param(district)
        .query(Integer.class)
        .optional()
        .orElse(DEFAULT_DUPLICATE_METRES);
  }

  Settings get(String district) {
    Actor actor = access.require();
    requireDistrict(district, actor);
    Integer metres =
        jdbc.sql(
                "SELECT duplicate_metres FROM public_report_district_setting"
                    + " WHERE district_code = ?")
            .param(district)
            .query(Integer.class)
            .optional()
            .orElse(null);
    return new Settings(
        district, metres == null ? DEFAULT_DUPLICATE_METRES : metres, metres == null);
  }

  @Transactional
  Settings put(String district, Integer duplicateMetres) {
    Actor actor = access.require();
    requireDistrict(district, actor);
    if (!actor.covers(district)
        || actor.role() != Role.DISTRICT_ADMIN && actor.role() != Role.CITY_ADMIN) {
      throw ApiProblems.forbidden("Only district and city administrators change desk settings");
    }
    if (duplicateMetres == null || duplicateMetres < 10 || duplicateMetres > 5000) {
      throw ApiProblems.unprocessable("duplicateMetres", "between 10 and 5000 metres");
    }
    int before = duplicateMetres(district);
    jdbc.sql(
            """
            INSERT INTO public_report_district_setting (district_code, duplicate_metres, updated_by)
            VALUES (?, ?, ?)
            ON CONFLICT (district_code) DO UPDATE
               SET duplicate_metres = excluded.duplicate_metres, updated_by = excluded.updated_by,
                   updated_at = now()
            """)
        .params(district, duplicateMetres, actor.username())
        .update();
    audit.record(
        "public-report.settings",
        "public_report_district_setting",
        district,
        district,
        Map.of("duplicateMetres", before),
        Map.of("duplicateMetres", duplicateMetres));
    return new Settings(district, duplicateMetres, false);
  }

  private static void requireDistrict(String district, Actor actor) {
    if (district == null || !district.matches("\\d{6}")) {
      throw ApiProblems.badRequest("district must be a 6-digit district code");
    }
    if (!actor.covers(district) && !actor.scope().territoryCode().startsWith(district)) {
      throw ApiProblems.notFound("District", district);
    }
  }
}
