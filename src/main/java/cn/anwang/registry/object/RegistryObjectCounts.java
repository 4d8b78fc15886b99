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
}
