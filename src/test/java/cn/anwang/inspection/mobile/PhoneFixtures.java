package cn.anwang.inspection.mobile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes {@code heping.officer} a grid officer of two grids of its street (with objects in them) for
 * a test, committed (real HTTP and browsers see it), and undoes exactly that afterwards. Reuses the
 * officer already linked to the account if there is one.
 */
public final class PhoneFixtures implements AutoCloseable {

  public static final String USER = "heping.officer";
  public static final String STREET = "120101001";

  private final JdbcClient jdbc;
  public final long officerId;
  public final List<String> grids;
  private final boolean createdOfficer;
  private final List<Long> assignments = new ArrayList<>();

  public PhoneFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    long userId =
        jdbc.sql("SELECT id FROM app_user WHERE username = ?")
            .param(USER)
            .query(Long.class)
            .single();
    Long existing =
        jdbc.sql("SELECT id FROM officer WHERE user_id = ?")
            .param(userId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (existing == null) {
      officerId =
          jdbc.sql(
                  """
                  INSERT INTO officer (district_code, division_code, name, tier, employment, status,
                                       user_id)
                  VALUES ('120101', ?, '手机页测试网格员', 'STREET', 'STAFF', 'ACTIVE', ?) RETURNING id
                  """)
              .params(STREET, userId)
              .query(Long.class)
              .single();
      createdOfficer = true;
    } else {
      officerId = existing;
      createdOfficer = false;
    }
    // the two grids of the street with the fewest (but some) placed objects: a small phone cache
    grids =
        jdbc.sql(
                """
                SELECT o.grid_code FROM supervised_object o JOIN grid g ON g.code = o.grid_code
                 WHERE o.street_code = ? AND o.lon IS NOT NULL AND o.status <> 'CLOSED'
                   AND NOT EXISTS (SELECT 1 FROM officer_assignment a
                                    WHERE a.officer_id = ? AND a.grid_code = o.grid_code
                                      AND a.ends_on IS NULL)
                 GROUP BY o.grid_code HAVING count(*) >= 2
                 ORDER BY count(*), o.grid_code LIMIT 2
                """)
            .params(STREET, officerId)
            .query(String.class)
            .list();
    for (String grid : grids) {
      assignments.add(
          jdbc.sql(
                  """
                  INSERT INTO officer_assignment (officer_id, grid_code, district_code,
                         grid_division_code, starts_on, start_reason, created_by)
                  SELECT ?, code, district_code, division_code, ?, '手机页测试', 'test'
                    FROM grid WHERE code = ? RETURNING id
                  """)
              .params(officerId, LocalDate.now(), grid)
              .query(Long.class)
              .single());
    }
  }

  /** The ids of the objects (not closed) in the fixture's grids. */
  public List<Long> objectIds() {
    return jdbc.sql(
            "SELECT id FROM supervised_object WHERE grid_code = ANY(?) AND status <> 'CLOSED'"
                + " ORDER BY id")
        .param(grids.toArray(String[]::new))
        .query(Long.class)
        .list();
  }

  @Override
  public void close() {
    for (long id : assignments) {
      jdbc.sql("DELETE FROM officer_assignment WHERE id = ?").param(id).update();
    }
    if (createdOfficer) {
      jdbc.sql("UPDATE officer SET user_id = NULL WHERE id = ?").param(officerId).update();
      jdbc.sql(
              "DELETE FROM officer WHERE id = ? AND NOT EXISTS (SELECT 1 FROM officer_assignment a WHERE a.officer_id = officer.id)")
          .param(officerId)
          .update();
    }
  }
}
