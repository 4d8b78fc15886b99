package cn.anwang.registry.object;

import cn.anwang.registry.ObjectCounts;
import cn.anwang.shared.db.UnitColumn;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link ObjectCounts} from one grouped scan of the objects in the subtree. */
@Component
class RegistryObjectCounts implements ObjectCounts {

  private final JdbcClient jdbc;

  RegistryObjectCounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<GridKindCount> byGridAndKind(String divisionPrefix) {
    return jdbc.sql(
            """
            SELECT grid_code, kind, count(*)
              FROM supervised_object
             WHERE grid_code IS NOT NULL AND status <> 'CLOSED' AND division_code LIKE ?
             GROUP BY grid_code, kind
             ORDER BY grid_code, kind
            """)
        .param(divisionPrefix + "%")
        .query((rs, n) -> new GridKindCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .list();
  }

  @Override
  public Map<String, Integer> byUnit(String divisionPrefix, int unitLength) {
    String unit = UnitColumn.of("", unitLength);
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + unit
                + " , count(*) FROM supervised_object"
                + " WHERE status <> 'CLOSED' AND division_code LIKE ? GROUP BY 1")
        .param(divisionPrefix + "%")
        .query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)));
    return counts;
  }

  @Override
  public Map<String, Map<String, Integer>> byUnitAndRisk(String divisionPrefix, int unitLength) {
    String unit = UnitColumn.of("", unitLength);
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + unit
                + " , coalesce(risk_override_level, risk_level), count(*) FROM supervised_object"
                + " WHERE status <> 'CLOSED' AND division_code LIKE ? GROUP BY 1, 2")
        .param(divisionPrefix + "%")
        .query(
            (RowCallbackHandler)
                rs ->
                    counts
                        .computeIfAbsent(rs.getString(1), u -> new TreeMap<>())
                        .put(rs.getString(2), rs.getInt(3)));
    return counts;
  }

  @Override
  public List<RiskKindCount> byRiskAndKind(String divisionPrefix, String department) {
    return jdbc.sql(
            """
            SELECT coalesce(o.risk_override_level, o.risk_level), o.kind, count(*)
              FROM supervised_object o
              JOIN object_department d ON d.object_id = o.id AND d.department_code = ?
             WHERE o.status <> 'CLOSED' AND o.division_code LIKE ?
             GROUP BY 1, 2
             ORDER BY 1, 2
            """)
        .params(department, divisionPrefix + "%")
        .query((rs, n) -> new RiskKindCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .list();
  }
}
