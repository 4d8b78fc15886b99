package cn.anwang.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small, hand-checkable example for the indicators: a village of 和平区 with grids, no officer and
 * no case of its own, into which the test writes five cases and their timeline lines (test data, as
 * the transitions would have written them), removed again on {@link #close}.
 */
final class IndicatorFixture implements AutoCloseable {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final String village;
  final String street;
  final List<String> grids;
  final List<Long> cases = new ArrayList<>();
  private final JdbcClient jdbc;

  IndicatorFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    List<String> villages =
        jdbc.sql(
                """
                SELECT g.division_code FROM grid g
                 WHERE g.district_code = '120101' AND length(g.division_code) = 12
                 GROUP BY g.division_code
                HAVING count(*) >= 2
                   AND NOT EXISTS (SELECT 1 FROM officer_assignment a
                                    WHERE a.grid_division_code = g.division_code
                                      AND a.ends_on IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM safety_case c
                                    WHERE c.division_code = g.division_code)
                 ORDER BY g.division_code DESC
                """)
            .query(String.class)
            .list();
    if (villages.isEmpty()) {
      throw new IllegalStateException("No village of 和平区 without officers and cases is left");
    }
    village = villages.get(SEQ.getAndIncrement() % villages.size());
    street = village.substring(0, 9);
    grids =
        jdbc.sql("SELECT code FROM grid WHERE division_code = ? ORDER BY code")
            .param(village)
            .query(String.class)
            .list();
  }

  /** Writes a case; returns its id. Times are ISO instants, null where the moment did not come. */
  long addCase(
      String grid,
      String type,
      String status,
      String registered,
      String due,
      String closed,
      Boolean onTime,
      String stageDue) {
    String number = "TEST-IND-" + System.nanoTime() % 1_000_000_000L + "-" + cases.size();
    long id =
        jdbc.sql(
                """
                INSERT INTO safety_case (number, district_code, street_code, village_code,
                    division_code, grid_code, type, source, title, description, status,
                    reported_at, registered_at, due_at, closed_at, closed_on_time, stage_due_at,
                    reporter_name)
                VALUES (?, '120101', ?, ?, ?, ?, ?, 'OFFICER_INSPECTION', ?, '指标测试', ?,
                    ?, ?, ?, ?, ?, ?, '指标测试')
                RETURNING id
                """)
            .params(
                number,
                street,
                village,
                village,
                grid,
                type,
                "指标测试 " + number,
                status,
                ts(registered == null ? "2026-01-15T00:00:00Z" : registered),
                ts(registered),
                ts(due),
                ts(closed),
                onTime,
                ts(stageDue))
            .query(Long.class)
            .single();
    cases.add(id);
    return id;
  }

  /** A timeline line; {@code onTime} goes into its data when not null. */
  void addEvent(long caseId, String action, String at, Boolean onTime) {
    jdbc.sql(
            """
            INSERT INTO case_event (case_id, district_code, at, actor_name, action, data)
            VALUES (?, '120101', ?, '指标测试', ?, ?::jsonb)
            """)
        .params(caseId, ts(at), action, onTime == null ? "{}" : "{\"onTime\": " + onTime + "}")
        .update();
  }

  long objects() {
    return jdbc.sql(
            "SELECT count(*) FROM supervised_object WHERE division_code LIKE ? AND status <> 'CLOSED'")
        .param(village + "%")
        .query(Long.class)
        .single();
  }

  private static Timestamp ts(String iso) {
    return iso == null ? null : Timestamp.from(Instant.parse(iso));
  }

  @Override
  public void close() {
    for (long id : cases) {
      jdbc.sql("DELETE FROM case_event WHERE case_id = ?").param(id).update();
      jdbc.sql("DELETE FROM safety_case WHERE id = ?").param(id).update();
    }
  }
}
