package cn.anwang.registry.object;

import cn.anwang.registry.SupervisedObjects;
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

  @Override
  public Optional<ObjectRef> find(long id) {
    return jdbc.sql(
            """
            SELECT o.id, o.name, o.address, o.kind, o.district_code, o.street_code, o.village_code,
                   o.division_code, o.grid_code, o.lon, o.lat, o.status,
                   coalesce(o.risk_override_level, o.risk_level), o.direct_supervision,
                   coalesce((SELECT array_agg(d.department_code ORDER BY d.department_code)
                               FROM object_department d WHERE d.object_id = o.id), '{}')
              FROM supervised_object o WHERE o.id = ?
            """)
        .param(id)
        .query(
            (rs, n) ->
                new ObjectRef(
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
                    List.of((String[]) rs.getArray(15).getArray())))
        .optional();
  }
}
