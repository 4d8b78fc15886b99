package cn.anwang.org.responsibility;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Responsibility rule rows, in evaluation order (priority, district before city-wide, id). */
@Repository
class RuleRepository {

  private static final String COLUMNS =
      "id, district_code, priority, industry_prefixes, hazards, kinds, department_key, active,"
          + " note, seed_key, version";
  private static final String ORDER = " ORDER BY priority, district_code NULLS LAST, id";

  private final JdbcClient jdbc;

  RuleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ResponsibilityRule> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM org_responsibility_rule WHERE id = ?")
        .param(id)
        .query(RuleRepository::map)
        .optional();
  }

  /** Every rule, active or not. */
  List<ResponsibilityRule> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM org_responsibility_rule" + ORDER)
        .query(RuleRepository::map)
        .list();
  }

  /** The city-wide rules and those of one district, active or not. */
  List<ResponsibilityRule> forDistrict(String districtCode) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM org_responsibility_rule WHERE district_code IS NULL OR district_code = ?"
                + ORDER)
        .param(districtCode)
        .query(RuleRepository::map)
        .list();
  }

  /** Inserts a rule; with a seed key only if that default was never inserted. Empty if skipped. */
  Optional<Long> insert(ResponsibilityRule r) {
    return jdbc.sql(
            "INSERT INTO org_responsibility_rule (district_code, priority, industry_prefixes,"
                + " hazards, kinds, department_key, active, note, seed_key)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seed_key) DO NOTHING"
                + " RETURNING id")
        .params(
            r.districtCode(),
            r.priority(),
            r.industryPrefixes().toArray(String[]::new),
            DepartmentRepository.names(r.hazards()),
            DepartmentRepository.names(r.kinds()),
            r.departmentKey(),
            r.active(),
            r.note(),
            r.seedKey())
        .query(Long.class)
        .optional();
  }

  /** Replaces a rule's state if the version matches; true if it did. */
  boolean update(ResponsibilityRule r, int expectedVersion) {
    return jdbc.sql(
                "UPDATE org_responsibility_rule SET district_code = ?, priority = ?,"
                    + " industry_prefixes = ?, hazards = ?, kinds = ?, department_key = ?,"
                    + " active = ?, note = ?, updated_at = now(), version = version + 1"
                    + " WHERE id = ? AND version = ?")
            .params(
                r.districtCode(),
                r.priority(),
                r.industryPrefixes().toArray(String[]::new),
                DepartmentRepository.names(r.hazards()),
                DepartmentRepository.names(r.kinds()),
                r.departmentKey(),
                r.active(),
                r.note(),
                r.id(),
                expectedVersion)
            .update()
        == 1;
  }

  private static ResponsibilityRule map(ResultSet rs, int row) throws SQLException {
    return new ResponsibilityRule(
        rs.getLong("id"),
        rs.getString("district_code"),
        rs.getInt("priority"),
        DepartmentRepository.strings(rs.getArray("industry_prefixes")),
        DepartmentRepository.enums(rs.getArray("hazards"), HazardFeature.class),
        DepartmentRepository.enums(rs.getArray("kinds"), ObjectKind.class),
        rs.getString("department_key"),
        rs.getBoolean("active"),
        rs.getString("note"),
        rs.getString("seed_key"),
        rs.getInt("version"));
  }
}
