package cn.anwang.registry.object;

import cn.anwang.registry.SupervisedObjects;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link SupervisedObjects} from the registry's tables. */
@Component
class RegistrySupervisedObjects implements SupervisedObjects {

  private final JdbcClient jdbc;

  RegistrySupervisedObjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Long> sampleIds(String districtCode, int limit) {
    return jdbc.sql(
            """
            SELECT id FROM supervised_object
             WHERE district_code = ? AND status = 'OPERATING' AND NOT direct_supervision
             ORDER BY md5(id::text) LIMIT ?
            """)
        .params(districtCode, limit)
        .query(Long.class)
        .list();
  }

  private static final String COLUMNS =
      """
      o.id, o.name, o.address, o.kind, o.district_code, o.street_code, o.village_code,
      o.division_code, o.grid_code, o.lon, o.lat, o.status,
      coalesce(o.risk_override_level, o.risk_level), o.direct_supervision,
      coalesce((SELECT array_agg(d.department_code ORDER BY d.department_code)
                  FROM object_department d WHERE d.object_id = o.id), '{}')
      """;

  @Override
  public Optional<ObjectRef> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM supervised_object o WHERE o.id = ?")
        .param(id)
        .query(RegistrySupervisedObjects::map)
        .optional();
  }

  @Override
  public List<ObjectRef> inGrids(Collection<String> gridCodes, int limit) {
    if (gridCodes.isEmpty() || limit < 1) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM supervised_object o WHERE o.grid_code = ANY(?) AND o.status <> 'CLOSED'"
                + " ORDER BY o.grid_code, o.name, o.id LIMIT ?")
        .params(gridCodes.toArray(String[]::new), limit)
        .query(RegistrySupervisedObjects::map)
        .list();
  }

  private static ObjectRef map(ResultSet rs, int n) throws SQLException {
    return new ObjectRef(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        (Double) rs.getObject(10),
        (Double) rs.getObject(11),
        rs.getString(12),
        rs.getString(13),
        rs.getBoolean(14),
        List.of((String[]) rs.getArray(15).getArray()));
  }
}
