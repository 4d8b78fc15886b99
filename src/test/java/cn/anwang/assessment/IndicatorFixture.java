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
  private final List<Long> documents = new ArrayList<>();
  private final List<Long> activities = new ArrayList<>();
  private final List<Long> tasks = new ArrayList<>();
  private Long officer;
  private final List<Long> officers = new ArrayList<>();
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

  /** A document due on {@code deadline} delivered to n objects of the village, some received. */
  void addDocument(String deadline, int delivered, int received) {
    long doc =
        jdbc.sql(
                """
                INSERT INTO outreach_document (client_id, published_by, publisher_name, scope_code,
                    district_code, title, issuer, receipt_deadline, targets, target_count)
                VALUES (gen_random_uuid(), ?, '指标测试', ?, '120101', '指标测试文件', '和平区应急局',
                    ?::date, '{}'::jsonb, ?)
                RETURNING id
                """)
            .params(adminId(), street, deadline, delivered)
            .query(Long.class)
            .single();
    documents.add(doc);
    for (int i = 0; i < delivered; i++) {
      boolean got = i < received;
      jdbc.sql(
              """
              INSERT INTO outreach_delivery (document_id, object_id, district_code, street_code,
                  division_code, grid_code, status, method, received_at)
              VALUES (?, ?, '120101', ?, ?, ?, ?, ?, ?)
              """)
          .params(
              doc,
              900_000_000L + i,
              street,
              village,
              grids.get(0),
              got ? "RECEIVED" : "PENDING",
              got ? "ELECTRONIC" : null,
              got ? ts(deadline + "T01:00:00Z") : null)
          .update();
    }
  }

  /** A publicity activity at {@code at} reaching the given object ids in the village. */
  void addActivity(String at, long... objectIds) {
    long activity =
        jdbc.sql(
                """
                INSERT INTO publicity_activity (client_id, recorded_by, recorder_name, scope_code,
                    district_code, street_code, type, starts_at, ends_at, place, audience_size,
                    source)
                VALUES (gen_random_uuid(), ?, '指标测试', ?, '120101', ?, 'LECTURE', ?, ?,
                    '指标测试', 10, 'DESK')
                RETURNING id
                """)
            .params(adminId(), village, street, ts(at), ts(at))
            .query(Long.class)
            .single();
    activities.add(activity);
    for (long o : objectIds) {
      jdbc.sql(
              """
              INSERT INTO publicity_object (activity_id, object_id, division_code, grid_code, kind,
                  reached_at)
              VALUES (?, ?, ?, ?, 'SMALL_SHOP', ?)
              """)
          .params(activity, o, village, grids.get(0), ts(at))
          .update();
    }
  }

  /**
   * A patrol task of the village due on {@code due} (an existing object; an officer of the street
   * made for it).
   */
  void addTask(String risk, String due, boolean done) {
    Long object =
        jdbc.sql("SELECT min(id) FROM supervised_object").query(Long.class).optional().orElse(null);
    if (object == null) {
      throw new IllegalStateException("No supervised object exists for a patrol task");
    }
    if (officer == null) {
      officer =
          jdbc.sql(
                  """
                  INSERT INTO officer (district_code, division_code, name, tier, employment)
                  VALUES ('120101', ?, '指标测试', 'STREET', 'STAFF') RETURNING id
                  """)
              .param(street)
              .query(Long.class)
              .single();
    }
    tasks.add(
        jdbc.sql(
                """
                INSERT INTO patrol_task (object_id, officer_id, district_code, division_code,
                    grid_code, risk_level, period_start, due_date, status, done_at)
                VALUES (?, ?, '120101', ?, ?, ?, ?::date - 3000 - ?, ?::date, ?, ?)
                RETURNING id
                """)
            .params(
                object,
                officer,
                village,
                grids.get(0),
                risk,
                due,
                tasks.size(),
                due,
                done ? "DONE" : "OPEN",
                done ? ts(due + "T01:00:00Z") : null)
            .query(Long.class)
            .single());
  }

  /** An officer of the village (VILLAGE tier) with the given status; removed on close. */
  long addOfficer(String name, String status) {
    long id =
        jdbc.sql(
                """
                INSERT INTO officer (district_code, division_code, name, tier, employment, status)
                VALUES ('120101', ?, ?, 'VILLAGE', 'STAFF', ?) RETURNING id
                """)
            .params(village, name, status)
            .query(Long.class)
            .single();
    officers.add(id);
    return id;
  }

  /** Certificates of every pre-post course that applies, valid through 2027. */
  void certify(long officerId) {
    jdbc.sql(
            """
            INSERT INTO training_certificate (officer_id, course_id, district_code, number,
                issued_on, expires_on)
            SELECT ?, c.id, '120101', 'TEST-IND-' || ? || '-' || c.id, DATE '2026-01-01',
                   DATE '2027-12-31'
              FROM training_course c
             WHERE c.active AND c.pre_post AND (c.district_code IS NULL OR c.district_code = '120101')
               AND c.required_for IN ('ALL', 'VILLAGE')
            """)
        .params(officerId, officerId)
        .update();
  }

  /** A current assignment of the officer to a grid of the village. */
  void assign(long officerId, String grid) {
    jdbc.sql(
            """
            INSERT INTO officer_assignment (officer_id, grid_code, district_code,
                grid_division_code, starts_on, created_by)
            VALUES (?, ?, '120101', ?, DATE '2026-01-01', '指标测试')
            """)
        .params(officerId, grid, village)
        .update();
  }

  private long adminId() {
    return jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.admin'")
        .query(Long.class)
        .single();
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
    for (long id : tasks) {
      jdbc.sql("DELETE FROM patrol_task WHERE id = ?").param(id).update();
    }
    if (officer != null) {
      officers.add(officer);
    }
    for (long id : officers) {
      jdbc.sql("DELETE FROM officer_assignment WHERE officer_id = ?").param(id).update();
      jdbc.sql("DELETE FROM training_certificate WHERE officer_id = ?").param(id).update();
      jdbc.sql("DELETE FROM officer WHERE id = ?").param(id).update();
    }
    for (long id : documents) {
      jdbc.sql("DELETE FROM outreach_delivery WHERE document_id = ?").param(id).update();
      jdbc.sql("DELETE FROM outreach_document WHERE id = ?").param(id).update();
    }
    for (long id : activities) {
      jdbc.sql("DELETE FROM publicity_object WHERE activity_id = ?").param(id).update();
      jdbc.sql("DELETE FROM publicity_activity WHERE id = ?").param(id).update();
    }
    for (long id : cases) {
      jdbc.sql("DELETE FROM case_event WHERE case_id = ?").param(id).update();
      jdbc.sql("DELETE FROM safety_case WHERE id = ?").param(id).update();
    }
  }
}
