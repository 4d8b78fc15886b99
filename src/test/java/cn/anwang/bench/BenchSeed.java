package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.inspection.plan.PatrolPlanGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the inspection and assessment benchmarks write alike, on top of {@link
 * SyntheticWorkforceCity}: the application started on a throw-away database, a log-in for every
 * officer, the patrol tasks the plan generator creates, inspection records (those of the done tasks
 * linked to them, the rest spread over the objects), and the officers' certificates.
 */
final class BenchSeed {

  static final String ADMIN_PASSWORD = "bench-admin-password";

  private BenchSeed() {}

  /**
   * Starts the application: embedded PostgreSQL in {@code pg}, demo off, the scheduled patrol
   * generation and case reminders pushed out of the way (they would race the timed work), the
   * dashboards' table cache off unless {@code -Dbench.tableCacheTtl=PT5M} asks for it.
   */
  static ConfigurableApplicationContext start(Path pg) {
    return new SpringApplicationBuilder(AnwangApplication.class)
        .run(
            "--server.port=0",
            "--anwang.demo=false",
            "--anwang.admin-password=" + ADMIN_PASSWORD,
            "--anwang.embedded-database.data-directory=" + pg,
            "--anwang.casework.reminders.scan-every=24h",
            "--anwang.inspection.plan-every=1000d",
            // the dashboards' table cache: off unless a run asks for it, so tables are computed
            "--anwang.assessment.table-cache-ttl="
                + System.getProperty("bench.tableCacheTtl", "PT0S"),
            "--logging.level.root=WARN");
  }

  /** Deletes the benchmark's temporary directory. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A log-in for every officer (the administrator's password), linked to the officer. */
  static void logIns(JdbcTemplate jdbc) {
    jdbc.execute(
        "INSERT INTO app_user (username, password_hash, display_name, role, territory_code)"
            + " SELECT 'bench-officer-' || o.id, (SELECT password_hash FROM app_user"
            + " WHERE username = 'admin'), o.name, CASE o.tier WHEN 'STREET' THEN 'STREET_OFFICER'"
            + " ELSE 'VILLAGE_OFFICER' END, o.division_code FROM officer o");
    jdbc.execute(
        "UPDATE officer o SET user_id = u.id FROM app_user u"
            + " WHERE u.username = 'bench-officer-' || o.id");
    jdbc.execute("VACUUM ANALYZE app_user");
    jdbc.execute("VACUUM ANALYZE officer");
  }

  /** Moves every current assignment's start back to {@code day}, for tasks of earlier periods. */
  static void assignedSince(JdbcTemplate jdbc, LocalDate day) {
    jdbc.update("UPDATE officer_assignment SET starts_on = ? WHERE ends_on IS NULL", day);
    jdbc.execute("VACUUM ANALYZE officer_assignment");
  }

  /**
   * Runs the city-wide generation on each day, as the scheduler would; returns the seconds of each
   * run.
   */
  static List<Double> generate(PatrolPlanGenerator generator, List<LocalDate> days) {
    List<Double> took = new ArrayList<>();
    for (LocalDate day : days) {
      long a = System.nanoTime();
      generator.generate(day);
      took.add(seconds(a));
    }
    return took;
  }

  /**
   * Marks done the open tasks that {@code predicate} (SQL over {@code t}, the patrol task) selects,
   * each with an inspection by the task's officer on a day of its period (at most {@code latest}),
   * linked both ways, as completing a task through an inspection does. Returns the tasks done.
   */
  static int completeTasks(JdbcTemplate jdbc, String predicate, LocalDate latest) {
    jdbc.execute(
        "CREATE TEMP TABLE bench_done AS SELECT t.id, t.object_id, t.officer_id, f.user_id,"
            + " t.district_code, t.division_code, t.grid_code, o.lon, o.lat,"
            + " timestamptz '2000-01-01 09:00+08' + ((least(t.due_date, date '"
            + latest
            + "') - date '2000-01-01') - (hashint8(t.id + 5) & 2147483647)"
            + " % (least(t.due_date, date '"
            + latest
            + "') - t.period_start + 1)) * interval '1 day'"
            + " + (hashint8(t.id + 7) & 32767) * interval '1 second' AS started"
            + " FROM patrol_task t JOIN officer f ON f.id = t.officer_id"
            + " JOIN supervised_object o ON o.id = t.object_id"
            + " WHERE t.status = 'OPEN' AND t.period_start <= date '"
            + latest
            + "' AND ("
            + predicate
            + ")");
    int done = jdbc.queryForObject("SELECT count(*) FROM bench_done", Integer.class);
    jdbc.execute(
        "INSERT INTO inspection (client_id, user_id, officer_id, kind, object_id, task_id,"
            + " district_code, division_code, grid_code, started_at, ended_at, lon, lat,"
            + " distance_m, inside_grid, outside_allowed_area, answers)"
            + " SELECT gen_random_uuid(), user_id, officer_id, 'INSPECTION', object_id, id,"
            + " district_code, division_code, grid_code, started, started + interval '25 minutes',"
            + " lon, lat, 12.5, true, false, '[]' FROM bench_done");
    jdbc.execute(
        "UPDATE patrol_task t SET status = 'DONE', inspection_id = i.id, done_at = i.ended_at"
            + " FROM inspection i WHERE i.task_id = t.id AND t.status = 'OPEN'");
    jdbc.execute("DROP TABLE bench_done");
    return done;
  }

  /**
   * Inspection records not tied to a task (repeat visits, document deliveries, publicity) until the
   * table holds {@code total}, over the objects that have tasks, by their officer, on the {@code
   * days} days from {@code first}.
   */
  static void moreInspections(JdbcTemplate jdbc, int total, LocalDate first, int days) {
    long missing = total - count(jdbc, "SELECT count(*) FROM inspection");
    if (missing <= 0) {
      return;
    }
    jdbc.execute(
        "CREATE TEMP TABLE bench_target AS SELECT row_number() OVER (ORDER BY t.object_id) - 1 AS n,"
            + " t.object_id, f.user_id, f.id AS officer_id, o.district_code, o.division_code,"
            + " o.grid_code, o.lon, o.lat FROM (SELECT DISTINCT ON (object_id) object_id, officer_id"
            + " FROM patrol_task ORDER BY object_id, period_start) t"
            + " JOIN officer f ON f.id = t.officer_id JOIN supervised_object o ON o.id = t.object_id");
    long targets = count(jdbc, "SELECT count(*) FROM bench_target");
    jdbc.execute(
        "INSERT INTO inspection (client_id, user_id, officer_id, kind, object_id, district_code,"
            + " division_code, grid_code, started_at, ended_at, lon, lat, distance_m, inside_grid,"
            + " outside_allowed_area, answers)"
            + " SELECT gen_random_uuid(), b.user_id, b.officer_id,"
            + " (ARRAY['INSPECTION', 'INSPECTION', 'DOCUMENT_DELIVERY', 'PUBLICITY'])[1 + i % 4],"
            + " b.object_id, b.district_code, b.division_code, b.grid_code,"
            + " timestamptz '"
            + first
            + " 08:00+08' + (i % "
            + days
            + ") * interval '1 day',"
            + " timestamptz '"
            + first
            + " 08:30+08' + (i % "
            + days
            + ") * interval '1 day',"
            + " b.lon, b.lat, 12.5, true, false, '[]'"
            + " FROM generate_series(1, "
            + missing
            + ") i JOIN bench_target b ON b.n = (hashint4(i) & 2147483647) % "
            + targets);
    jdbc.execute("DROP TABLE bench_target");
  }

  /**
   * Certificates of the pre-post course (two years valid) for 93% of the officers, 3 in 100 of them
   * expired before {@code day}; the annual refresher for 70%.
   */
  static void certificates(JdbcTemplate jdbc, LocalDate day) {
    jdbc.execute(
        "INSERT INTO training_certificate (officer_id, course_id, district_code, number,"
            + " issued_on, expires_on)"
            + " SELECT o.id, c.id, o.district_code, 'BENCH-' || c.code || '-' || o.id, d.issued,"
            + " (d.issued + make_interval(months => c.validity_months))::date"
            + " FROM officer o CROSS JOIN training_course c CROSS JOIN LATERAL (SELECT"
            + " hashint8(o.id + c.id * 1000003) & 2147483647 AS h) x CROSS JOIN LATERAL (SELECT"
            + " CASE WHEN c.pre_post AND x.h % 100 < 3"
            + " THEN date '"
            + day
            + "' - 800 - (x.h % 200)::int"
            + " ELSE date '"
            + day
            + "' - 30 - (x.h % 300)::int END AS issued) d"
            + " WHERE (c.code = 'GRID-PRE-POST' AND x.h % 100 < 93)"
            + " OR (c.code = 'GRID-ANNUAL' AND x.h % 100 < 70)");
    jdbc.execute("VACUUM ANALYZE training_certificate");
  }

  static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static int setting(String name, int otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
  }
}
