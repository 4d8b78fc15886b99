package cn.anwang.org.responsibility;

import cn.anwang.org.Department;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Department rows. Lists take a district: its departments and the city-level ones. */
@Repository
class DepartmentRepository {

  private static final String COLUMNS =
      "code, short_key, name, district_code, duty_industries, duty_hazards, duty_kinds, fallback,"
          + " active, seeded, version";

  private final JdbcClient jdbc;

  DepartmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Department> find(String code) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM org_department WHERE code = ?")
        .param(code)
        .query(DepartmentRepository::map)
        .optional();
  }

  /** Every department, city-level first, then by code. */
  List<Department> all() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM org_department ORDER BY district_code NULLS FIRST, code")
        .query(DepartmentRepository::map)
        .list();
  }

  /** The city-level departments and those of one district, city-level first. */
  List<Department> forDistrict(String districtCode) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM org_department WHERE district_code IS NULL OR district_code = ?"
                + " ORDER BY district_code NULLS FIRST, code")
        .param(districtCode)
        .query(DepartmentRepository::map)
        .list();
  }

  /** Inserts unless the code exists; true if inserted. */
  boolean insertIfAbsent(Department d) {
    return jdbc.sql(
                "INSERT INTO org_department (code, short_key, name, district_code,"
                    + " duty_industries, duty_hazards, duty_kinds, fallback, active, seeded)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING")
            .params(
                d.code(),
                d.key(),
                d.name(),
                d.districtCode(),
                d.dutyIndustries().toArray(String[]::new),
                names(d.dutyHazards()),
                names(d.dutyKinds()),
                d.fallback(),
                d.active(),
                d.seeded())
            .update()
        == 1;
  }

  /** Changes name, duties and fallback if the version matches; true if it did. */
  boolean update(Department d, int expectedVersion) {
    return jdbc.sql(
                "UPDATE org_department SET name = ?, duty_industries = ?, duty_hazards = ?,"
                    + " duty_kinds = ?, fallback = ?, updated_at = now(), version = version + 1"
                    + " WHERE code = ? AND version = ?")
            .params(
                d.name(),
                d.dutyIndustries().toArray(String[]::new),
                names(d.dutyHazards()),
                names(d.dutyKinds()),
                d.fallback(),
                d.code(),
                expectedVersion)
            .update()
        == 1;
  }

  boolean setActive(String code, boolean active, int expectedVersion) {
    return jdbc.sql(
                "UPDATE org_department SET active = ?, updated_at = now(), version = version + 1"
                    + " WHERE code = ? AND version = ?")
            .params(active, code, expectedVersion)
            .update()
        == 1;
  }

  /** Takes the fallback flag from every other department of the same district (or city level). */
  void clearOtherFallbacks(String districtCode, String keepCode) {
    jdbc.sql(
            "UPDATE org_department SET fallback = false, updated_at = now(), version = version + 1"
                + " WHERE fallback AND code <> ? AND district_code IS NOT DISTINCT FROM ?")
        .params(keepCode, districtCode)
        .update();
  }

  static String[] names(Collection<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().toArray(String[]::new);
  }

  static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  static <E extends Enum<E>> Set<E> enums(Array array, Class<E> type) throws SQLException {
    Set<E> result = EnumSet.noneOf(type);
    for (String name : strings(array)) {
      // names no longer in the enum are skipped rather than failing every read
      Arrays.stream(type.getEnumConstants())
          .filter(e -> e.name().equals(name))
          .findFirst()
          .ifPresent(result::add);
    }
    return result;
  }

  private static Department map(ResultSet rs, int row) throws SQLException {
    return new Department(
        rs.getString("code"),
        rs.getString("short_key"),
        rs.getString("name"),
        rs.getString("district_code"),
        strings(rs.getArray("duty_industries")),
        enums(rs.getArray("duty_hazards"), HazardFeature.class),
        enums(rs.getArray("duty_kinds"), ObjectKind.class),
        rs.getBoolean("fallback"),
        rs.getBoolean("active"),
        rs.getBoolean("seeded"),
        rs.getInt("version"));
  }
}
