package cn.anwang.bench;

import cn.anwang.inspection.plan.PatrolPlanGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Patrol plans and the officer's task list at Tianjin scale. Starts the application (embedded
 * PostgreSQL in a temporary directory, demo off) and writes, set-based, the same city as {@link
 * StaffingBenchmark}: 3–6 grids per village of the real division tree, 300,000 objects (3% red, 9%
 * orange, 28% yellow, 60% blue; 2% closed, 1% 直管) with a position, about 10,000 active officers
 * assigned to 97% of the grids, and a log-in for every officer. Then:
 *
 * <ol>
 *   <li>times the patrol task generation for the whole city for each month of a quarter (the first
 *       run creates the tasks of every period starting in January; February and March add the
 *       monthly and two-monthly ones), and a repeat run that adds nothing;
 *   <li>writes {@code BENCH_INSPECTIONS} (default 2,000,000) inspection records over the objects,
 *       marks a third of the open tasks done (each with its linked inspection), and times {@code
 *       GET /api/v1/tasks/mine?lon=&lat=} over loopback HTTP (Basic auth) for {@code
 *       BENCH_OFFICERS} (default 300) officers, each once to warm up and then {@code BENCH_ROUNDS}
 *       (default 5) times.
 * </ol>
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec -Dbench.main=cn.anwang.bench.InspectionBenchmark}
 */
public final class InspectionBenchmark {

  private static final String ADMIN_PASSWORD = BenchSeed.ADMIN_PASSWORD;
  private static final int OBJECTS = setting("BENCH_OBJECTS", 300_000);
  private static final int INSPECTIONS = setting("BENCH_INSPECTIONS", 2_000_000);
  private static final int SAMPLE_OFFICERS = setting("BENCH_OFFICERS", 300);
  private static final int ROUNDS = setting("BENCH_ROUNDS", 5);

  private InspectionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-inspection-bench");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app = BenchSeed.start(data.resolve("postgres"));
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long t1 = System.nanoTime();
      SyntheticWorkforceCity.write(jdbc, OBJECTS, false);
      BenchSeed.logIns(jdbc);
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d grids, %,d objects (%,d operating and not 直管), %,d officers with log-ins,"
              + " %,d current assignments, in %.1f s%n",
          count(jdbc, "SELECT count(*) FROM grid"),
          count(jdbc, "SELECT count(*) FROM supervised_object"),
          count(
              jdbc,
              "SELECT count(*) FROM supervised_object WHERE status = 'OPERATING'"
                  + " AND NOT direct_supervision"),
          count(jdbc, "SELECT count(*) FROM officer WHERE user_id IS NOT NULL"),
          count(jdbc, "SELECT count(*) FROM officer_assignment WHERE ends_on IS NULL"),
          seconds(t1));
      long before = HeapSampler.usedAfterGc(3);
      long generationPeak;
      try (HeapSampler heap = HeapSampler.start(10)) {
        generate(app.getBean(PatrolPlanGenerator.class), jdbc);
        generationPeak = heap.stop();
      }
      writeInspections(jdbc);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      long listPeak;
      try (HeapSampler heap = HeapSampler.start(10)) {
        taskList(port, jdbc, app.getBean(ObjectMapper.class));
        listPeak = heap.stop();
      }
      System.out.printf(
          Locale.ROOT,
          "%nHeap: %d MB used after GC before generation; peak %d MB sampled during generation,"
              + " %d MB during the task-list rounds; max heap %d MB%n",
          before >> 20,
          generationPeak >> 20,
          listPeak >> 20,
          HeapSampler.max() >> 20);
    } finally {
      app.close();
      BenchSeed.delete(data);
    }
  }

  // ------------------------------------------------------------------ plan generation

  private static void generate(PatrolPlanGenerator generator, JdbcTemplate jdbc) {
    System.out.printf(Locale.ROOT, "%nPatrol task generation, whole city, 2027 Q1:%n");
    double total = 0;
    for (String day : List.of("2027-01-01", "2027-02-01", "2027-03-01")) {
      long a = System.nanoTime();
      PatrolPlanGenerator.Result r = generator.generate(LocalDate.parse(day));
      double s = seconds(a);
      total += s;
      System.out.printf(
          Locale.ROOT, "  run on %s: %,9d tasks created in %6.1f s%n", day, r.created(), s);
    }
    long a = System.nanoTime();
    PatrolPlanGenerator.Result again = generator.generate(LocalDate.parse("2027-03-15"));
    System.out.printf(
        Locale.ROOT,
        "  the quarter: %,d tasks in %.1f s; a repeat run on 2027-03-15: %,d created in %.1f s%n",
        count(jdbc, "SELECT count(*) FROM patrol_task"),
        total,
        again.created(),
        seconds(a));
    for (Map<String, Object> row :
        jdbc.queryForList(
            "SELECT risk_level, count(*) AS tasks, count(DISTINCT object_id) AS objects"
                + " FROM patrol_task GROUP BY 1 ORDER BY 1")) {
      System.out.printf(
          Locale.ROOT,
          "    %-6s %,9d tasks for %,8d objects%n",
          row.get("risk_level"),
          ((Number) row.get("tasks")).longValue(),
          ((Number) row.get("objects")).longValue());
    }
  }

  // ------------------------------------------------------------------ data

  /**
   * A third of the open tasks done, each with its inspection (in the quarter), then inspection
   * records over the objects with tasks, by their officers, over two years, up to {@code
   * BENCH_INSPECTIONS}.
   */
  private static void writeInspections(JdbcTemplate jdbc) {
    long a = System.nanoTime();
    BenchSeed.completeTasks(
        jdbc, "(hashint8(t.id) & 2147483647) % 3 = 0", LocalDate.parse("2027-03-31"));
    BenchSeed.moreInspections(jdbc, INSPECTIONS, LocalDate.parse("2025-01-01"), 730);
    jdbc.execute("VACUUM ANALYZE inspection");
    jdbc.execute("VACUUM ANALYZE patrol_task");
    System.out.printf(
        Locale.ROOT,
        "%nWrote %,d inspection records, marked %,d of %,d tasks done, in %.1f s%n",
        count(jdbc, "SELECT count(*) FROM inspection"),
        count(jdbc, "SELECT count(*) FROM patrol_task WHERE status = 'DONE'"),
        count(jdbc, "SELECT count(*) FROM patrol_task"),
        seconds(a));
  }

  // ------------------------------------------------------------------ task list

  private static void taskList(int port, JdbcTemplate jdbc, ObjectMapper json) throws Exception {
    // a spread of officers: every n-th of those with tasks, so busy and quiet ones alike
    List<Map<String, Object>> officers =
        jdbc.queryForList(
            "SELECT username, lon, lat FROM (SELECT u.username, avg(o.lon) AS lon,"
                + " avg(o.lat) AS lat, row_number() OVER (ORDER BY f.id) AS r,"
                + " count(*) OVER () AS total FROM patrol_task t JOIN officer f ON f.id = t.officer_id"
                + " JOIN app_user u ON u.id = f.user_id JOIN supervised_object o ON o.id = t.object_id"
                + " GROUP BY f.id, u.username) x"
                + " WHERE r % greatest(1, total / ?) = 0 LIMIT ?",
            SAMPLE_OFFICERS, SAMPLE_OFFICERS);
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://localhost:" + port + "/api/v1/tasks/mine";
    List<String> urls = new ArrayList<>();
    List<String> auths = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (Map<String, Object> o : officers) {
      urls.add(
          String.format(
              Locale.ROOT,
              "%s?lon=%.5f&lat=%.5f",
              base,
              (Double) o.get("lon"),
              (Double) o.get("lat")));
      auths.add(
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (o.get("username") + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    for (int i = 0; i < urls.size(); i++) {
      sizes.add(get(http, json, urls.get(i), auths.get(i)).get("items").size()); // warm-up, log-in
    }
    List<Double> millis = new ArrayList<>();
    for (int r = 0; r < ROUNDS; r++) {
      for (int i = 0; i < urls.size(); i++) {
        long a = System.nanoTime();
        get(http, json, urls.get(i), auths.get(i));
        millis.add((System.nanoTime() - a) / 1e6);
      }
    }
    Collections.sort(sizes);
    System.out.printf(
        Locale.ROOT,
        "%nGET /api/v1/tasks/mine?lon=&lat= over HTTP, %d officers × %d rounds (after one warm-up"
            + " each), with %,d inspection records in the database; tasks per officer: min %d,"
            + " median %d, max %d%n",
        urls.size(),
        ROUNDS,
        count(jdbc, "SELECT count(*) FROM inspection"),
        sizes.get(0),
        sizes.get(sizes.size() / 2),
        sizes.get(sizes.size() - 1));
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT,
        "  min %.1f ms, median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        millis.get(0),
        millis.get(millis.size() / 2),
        millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
        millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
        millis.get(millis.size() - 1));
  }

  private static JsonNode get(HttpClient http, ObjectMapper json, String url, String auth)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return BenchSeed.count(jdbc, sql);
  }

  private static double seconds(long since) {
    return BenchSeed.seconds(since);
  }

  private static int setting(String name, int fallback) {
    return BenchSeed.setting(name, fallback);
  }
}
