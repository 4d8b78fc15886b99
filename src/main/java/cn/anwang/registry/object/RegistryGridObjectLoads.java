package cn.anwang.registry.object;

import cn.anwang.registry.GridObjectLoads;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link GridObjectLoads} from one grouped scan of the objects in the subtree. */
@Component
class RegistryGridObjectLoads implements GridObjectLoads {

  private static final String COVERED =
      " status <> 'CLOSED' AND NOT direct_supervision AND division_code LIKE :prefix ";

  private final JdbcClient jdbc;

  RegistryGridObjectLoads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<GridRisk> byGrid(String divisionPrefix) {
    return jdbc.sql(
            """
            SELECT grid_code,
                   count(*) FILTER (WHERE coalesce(risk_override_level, risk_level) = 'RED') AS red,
                   count(*) FILTER (WHERE coalesce(risk_override_level, risk_level) = 'ORANGE') AS orange,
                   count(*) FILTER (WHERE coalesce(risk_override_level, risk_level) = 'YELLOW') AS yellow,
                   count(*) FILTER (WHERE coalesce(risk_override_level, risk_level) = 'BLUE') AS blue
              FROM supervised_object
             WHERE grid_code IS NOT NULL AND"""
                + COVERED
                + "GROUP BY grid_code")
        .param("prefix", divisionPrefix + "%")
        .query(
            (rs, n) ->
                new GridRisk(
                    rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .list();
  }

  @Override
  public List<VillageRisk> byVillage(String divisionPrefix) {
    return jdbc.sql(
            """
            SELECT village_code, count(*),
                   count(*) FILTER (WHERE coalesce(risk_override_level, risk_level) IN ('RED', 'ORANGE'))
              FROM supervised_object
             WHERE village_code IS NOT NULL AND"""
                + COVERED
                + "GROUP BY village_code")
        .param("prefix", divisionPrefix + "%")
        .query((rs, n) -> new VillageRisk(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .list();
  }
}
