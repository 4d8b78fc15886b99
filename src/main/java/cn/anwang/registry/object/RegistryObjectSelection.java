package cn.anwang.registry.object;

import cn.anwang.registry.ObjectSelection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ObjectSelection} over the registry's table, one query per call. */
@Component
class RegistryObjectSelection implements ObjectSelection {

  private final JdbcClient jdbc;

  RegistryObjectSelection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int count(Criteria criteria) {
    List<Object> params = new ArrayList<>();
    String where = where(criteria, params);
    return jdbc.sql("SELECT count(*) FROM supervised_object o WHERE " + where)
        .params(params)
        .query(Integer.class)
        .single();
  }

  @Override
  public List<Placed> matching(Criteria criteria) {
    List<Object> params = new ArrayList<>();
    String where = where(criteria, params);
    return jdbc.sql(
            "SELECT o.id, o.district_code, o.street_code, o.division_code, o.grid_code"
                + " FROM supervised_object o WHERE "
                + where
                + " ORDER BY o.id")
        .params(params)
        .query(
            (rs, n) ->
                new Placed(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  private static String where(Criteria c, List<Object> params) {
    StringBuilder sql = new StringBuilder("o.status <> 'CLOSED'");
    anyPrefix(sql, params, "o.division_code", c.divisionPrefixes());
    anyPrefix(sql, params, "o.industry_code", c.industryCodes());
    anyOf(sql, params, "o.grid_code", c.gridCodes());
    anyOf(sql, params, "o.kind", c.kinds());
    anyOf(sql, params, "coalesce(o.risk_override_level, o.risk_level)", c.riskLevels());
    return sql.toString();
  }

  private static void anyOf(StringBuilder sql, List<Object> params, String column, List<String> v) {
    if (!v.isEmpty()) {
      sql.append(" AND ").append(column).append(" = ANY(?)");
      params.add(v.toArray(String[]::new));
    }
  }

  private static void anyPrefix(
      StringBuilder sql, List<Object> params, String column, List<String> prefixes) {
    if (!prefixes.isEmpty()) {
      sql.append(" AND ").append(column).append(" LIKE ANY(?)");
      params.add(
          prefixes.stream().map(p -> p.replaceAll("[%_\\\\]", "") + "%").toArray(String[]::new));
    }
  }
}
