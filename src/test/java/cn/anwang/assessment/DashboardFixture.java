package cn.anwang.assessment;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' example on top of {@link IndicatorFixture}'s village: two departments of its own
 * (codes no real department has), their staff, a village officer with a log-in holding the
 * village's first grid, objects of that grid, cases with a stage clock, and patrol tasks. All of it
 * is removed again on {@link #close}.
 */
final class DashboardFixture implements AutoCloseable {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  final IndicatorFixture village;
  final String departmentA;
  final String departmentB;
  final String staffA;
  final String staffB;
  final String officerUser;
  final long officerUserId;
  final long officer;
  final List<Long> objects = new ArrayList<>();
  private final List<Long> users = new ArrayList<>();
  private final JdbcClient jdbc;
  private final String seq;

  DashboardFixture(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.village = new IndicatorFixture(jdbc);
    this.seq = Long.toString(System.nanoTime() % 1_000_000L);
    departmentA = "T-DASH-A" + seq;
    departmentB = "T-DASH-B" + seq;
    staffA = "dash.a" + seq;
    staffB = "dash.b" + seq;
    officerUser = "dash.officer" + seq;
    user(staffA, "DEPARTMENT_STAFF", "120101", departmentA);
    user(staffB, "DEPARTMENT_STAFF", "120101", departmentB);
    officerUserId = user(officerUser, "VILLAGE_OFFICER", village.village, null);
    officer =
        jdbc.sql(
                """
                INSERT INTO officer (district_code, division_code, name, tier, employment, status,
                    user_id)
                VALUES ('120101', ?, '看板测试网格员', 'VILLAGE', 'STAFF', 'ACTIVE', ?) RETURNING id
                """)
            .params(village.village, officerUserId)
            .query(Long.class)
            .single();
    village.assign(officer, village.grids.get(0));
  }

  /** A street officer's log-in with no officer record behind it. */
  String unlinkedOfficer() {
    String name = "dash.unlinked" + seq;
    user(name, "STREET_OFFICER", village.street, null);
    return name;
  }

  String grid() {
    return village.grids.get(0);
  }

  private long user(String username, String role, String territory, String department) {
    long id =
        jdbc.sql(
                """
                INSERT INTO app_user (username, password_hash, display_name, role, territory_code,
                    department_code)
                VALUES (?, '{noop}x', ?, ?, ?, ?) RETURNING id
                """)
            .params(username, username, role, territory, department)
            .query(Long.class)
            .single();
    users.add(id);
    return id;
  }

  /** An object in the officer's grid; {@code override} the manual risk level, or null. */
  long addObject(String kind, String risk, String override, String status, String... departments) {
    long id =
        jdbc.sql(
                """
                INSERT INTO supervised_object (district_code, street_code, village_code,
                    division_code, grid_code, kind, name, address, status, risk_level, risk_rule,
                    risk_override_level, risk_override_reason, risk_override_by)
                VALUES ('120101', ?, ?, ?, ?, ?, ?, '看板测试地址', ?, ?, 'TEST', ?, ?, ?)
                RETURNING id
                """)
            .params(
                village.street,
                village.village,
                village.village,
                grid(),
                kind,
                "看板测试对象 " + seq + "-" + objects.size(),
                status,
                risk,
                override,
                override == null ? null : "测试",
                override == null ? null : "test")
            .query(Long.class)
            .single();
    objects.add(id);
    for (String d : departments) {
      jdbc.sql(
              "INSERT INTO object_department (object_id, district_code, department_code, source)"
                  + " SELECT id, district_code, ?, 'MANUAL' FROM supervised_object WHERE id = ?")
          .params(d, id)
          .update();
    }
    return id;
  }

  /**
   * A case of the village handled by a department, registered in January of this year; its stage
   * clock from {@code stageStart} to {@code stageDue} (null for a closed case).
   */
  long addCase(
      String department,
      String status,
      Instant stageStart,
      Instant stageDue,
      Long reporter,
      boolean closed) {
    int year = LocalDate.now(CHINA).getYear();
    Instant registered = LocalDate.of(year, 1, 15).atStartOfDay(CHINA).toInstant();
    Instant closedAt = closed ? LocalDate.of(year, 1, 20).atStartOfDay(CHINA).toInstant() : null;
    String number = "TEST-DASH-" + seq + "-" + village.cases.size();
    long id =
        jdbc.sql(
                """
                INSERT INTO safety_case (number, district_code, street_code, village_code,
                    division_code, grid_code, type, source, title, description, status,
                    handler_type, handler_code, stage, stage_started_at, stage_due_at,
                    reported_at, registered_at, closed_at, closed_on_time, reporter_user_id,
                    reporter_name)
                VALUES (?, '120101', ?, ?, ?, ?, 'GENERAL_HAZARD', 'OFFICER_INSPECTION', ?,
                    '看板测试', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '看板测试')
                RETURNING id
                """)
            .params(
                number,
                village.street,
                village.village,
                village.village,
                grid(),
                "看板测试 " + number,
                status,
                department == null ? null : "DEPARTMENT",
                department,
                closed ? null : "RECTIFY",
                ts(stageStart),
                ts(stageDue),
                ts(registered),
                ts(registered),
                ts(closedAt),
                closed ? Boolean.TRUE : null,
                reporter)
            .query(Long.class)
            .single();
    village.cases.add(id);
    return id;
  }

  /** A patrol task of the officer for one of the objects, due on {@code due}. */
  void addTask(long object, LocalDate due, boolean done) {
    jdbc.sql(
            """
            INSERT INTO patrol_task (object_id, officer_id, district_code, division_code,
                grid_code, risk_level, period_start, due_date, status, done_at)
            VALUES (?, ?, '120101', ?, ?, 'YELLOW', ?, ?, ?, ?)
            """)
        .params(
            object,
            officer,
            village.village,
            grid(),
            java.sql.Date.valueOf(due.minusDays(1)),
            java.sql.Date.valueOf(due),
            done ? "DONE" : "OPEN",
            done ? ts(due.atStartOfDay(CHINA).toInstant()) : null)
        .update();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  @Override
  public void close() {
    for (long id : objects) {
      jdbc.sql("DELETE FROM patrol_task WHERE object_id = ?").param(id).update();
    }
    village.close();
    jdbc.sql("DELETE FROM officer_assignment WHERE officer_id = ?").param(officer).update();
    jdbc.sql("DELETE FROM training_certificate WHERE officer_id = ?").param(officer).update();
    jdbc.sql("DELETE FROM officer WHERE id = ?").param(officer).update();
    for (long id : objects) {
      jdbc.sql("DELETE FROM supervised_object WHERE id = ?").param(id).update();
    }
    for (long id : users) {
      jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update();
    }
  }
}
