package cn.anwang.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A street officer of 劝业场街道 (120101001) with a log-in, assigned to one grid of the demo area that
 * nobody else holds, and objects placed at a demo object's point in that grid; written straight
 * into the database and removed again by {@link #close}.
 */
final class InspectionFixture implements AutoCloseable {

  static final String PASSWORD = "anwang-demo-2026";
  static final String STREET = "120101001";
  private static final AtomicInteger SEQ = new AtomicInteger();

  final JdbcClient jdbc;
  final String username;
  final long userId;
  final long officerId;
  final String gridCode;
  final String divisionCode;
  final double lon;
  final double lat;
  final List<Long> objects = new ArrayList<>();

  InspectionFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.username = "insp-" + ProcessHandle.current().pid() % 10000 + "-" + SEQ.incrementAndGet();
    record Place(String grid, String division, double lon, double lat) {}
    Place p =
        jdbc.sql(
                """
                SELECT o.grid_code, g.division_code, o.lon, o.lat
                  FROM supervised_object o JOIN grid g ON g.code = o.grid_code
                 WHERE o.street_code = ? AND o.lon IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM officer_assignment a
                                    WHERE a.grid_code = o.grid_code AND a.ends_on IS NULL)
                 ORDER BY o.grid_code, o.id LIMIT 1
                """)
            .param(STREET)
            .query(
                (rs, n) ->
                    new Place(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)))
            .single();
    gridCode = p.grid();
    divisionCode = p.division();
    lon = p.lon();
    lat = p.lat();
    userId =
        jdbc.sql(
                """
                INSERT INTO app_user (username, password_hash, display_name, role, territory_code)
                SELECT ?, password_hash, '测试网格员', 'STREET_OFFICER', ? FROM app_user
                 WHERE username = 'heping.officer' RETURNING id
                """)
            .params(username, STREET)
            .query(Long.class)
            .single();
    officerId =
        jdbc.sql(
                """
                INSERT INTO officer (district_code, division_code, name, tier, employment, status, user_id)
                VALUES ('120101', ?, '测试网格员', 'STREET', 'STAFF', 'ACTIVE', ?) RETURNING id
                """)
            .params(STREET, userId)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            INSERT INTO officer_assignment (officer_id, grid_code, district_code, grid_division_code,
                                            starts_on, created_by)
            VALUES (?, ?, '120101', ?, DATE '2020-01-01', 'test')
            """)
        .params(officerId, gridCode, divisionCode)
        .update();
  }

  /** An object in the fixture's grid at the given offset (degrees) from the grid's point. */
  long object(String name, String kind, String risk, String[] hazards, double dLon, double dLat) {
    long id =
        jdbc.sql(
                """
                INSERT INTO supervised_object (district_code, street_code, village_code, division_code,
                    grid_code, kind, name, address, lon, lat, hazards, risk_level, risk_rule, synthetic)
                VALUES ('120101', ?, CASE WHEN length(?) = 12 THEN ? END, ?, ?, ?, ?, '测试地址', ?, ?, ?,
                        ?, 'DEFAULT', true)
                RETURNING id
                """)
            .params(
                STREET,
                divisionCode,
                divisionCode,
                divisionCode,
                gridCode,
                kind,
                name + "-" + username,
                lon + dLon,
                lat + dLat,
                hazards,
                risk)
            .query(Long.class)
            .single();
    objects.add(id);
    return id;
  }

  long object(String name, String risk) {
    return object(name, "SMALL_SHOP", risk, new String[0], 0, 0);
  }

  /** How many tasks an object has with a period starting in the range. */
  List<LocalDate> periods(long objectId, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
            SELECT period_start FROM patrol_task
             WHERE object_id = ? AND period_start BETWEEN ? AND ? ORDER BY period_start
            """)
        .params(objectId, from, to)
        .query(LocalDate.class)
        .list();
  }

  @Override
  public void close() {
    jdbc.sql("DELETE FROM inspection WHERE user_id = ?").param(userId).update();
    jdbc.sql("DELETE FROM inspection_photo WHERE user_id = ?").param(userId).update();
    jdbc.sql("DELETE FROM patrol_task WHERE officer_id = ?").param(officerId).update();
    jdbc.sql("DELETE FROM object_change_proposal WHERE proposed_by = ?").param(userId).update();
    for (long id : objects) {
      jdbc.sql("DELETE FROM object_history WHERE object_id = ?").param(id).update();
      jdbc.sql("DELETE FROM supervised_object WHERE id = ?").param(id).update();
    }
    jdbc.sql("DELETE FROM officer_assignment WHERE officer_id = ?").param(officerId).update();
    jdbc.sql("DELETE FROM officer WHERE id = ?").param(officerId).update();
    try {
      jdbc.sql("DELETE FROM app_user WHERE id = ?").param(userId).update();
    } catch (RuntimeException e) {
      // still referenced (e.g. by a session): the user stays, unused
    }
  }
}
