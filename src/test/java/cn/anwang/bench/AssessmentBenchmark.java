package cn.anwang.bench;

import cn.anwang.assessment.indicator.BenchSources;
import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.assessment.indicator.Slice;
import cn.anwang.inspection.plan.PatrolPlanGenerator;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The annual assessment at Tianjin scale. Starts the application (embedded PostgreSQL in a
 * temporary directory, demo off), writes the city of {@link SyntheticWorkforceCity} (3–6 grids per
 * village of the real division tree, {@code BENCH_OBJECTS} = 300,000 objects, about 10,000 officers
 * assigned to 97% of the grids), a log-in for every officer, certificates for most of them, {@code
 * BENCH_CASES} (default 200,000) cases of 2026 spread over the grids with their timeline, the
 * year's patrol tasks from the plan generator (done ones linked to their inspection, some missed)
 * and inspection records up to {@code BENCH_INSPECTIONS} (default 2,000,000) (see {@link
 * BenchSeed}), then times
 *
 * <ol>
 *   <li>the city's indicator table for 2026 (rows: the 16 districts), the first call and warm
 *       calls, wall time and CPU of the JVM and of PostgreSQL;
 *   <li>each district's table, a street's table and a street's table by grid;
 *   <li>{@code GET /api/v1/indicator-table} over loopback HTTP (Basic auth) for a dashboard's mix
 *       of divisions from {@code BENCH_CLIENTS} (default 2) clients, p50/p95/p99, and the heap.
 * </ol>
 *
 * <p>{@code mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}, then
 * {@code java -Xmx2g -classpath target/test-classes:target/classes:$(cat /tmp/cp.txt)
 * cn.anwang.bench.AssessmentBenchmark} (docs/benchmarks.md, "Assessment").
 */
public final class AssessmentBenchmark {

  private static final String ADMIN_PASSWORD = BenchSeed.ADMIN_PASSWORD;
  private static final int OBJECTS = setting("BENCH_OBJECTS", 300_000);
  private static final int INSPECTIONS = setting("BENCH_INSPECTIONS", 2_000_000);
  private static final LocalDate TODAY = LocalDate.now(WorkingCalendar.CHINA);
  private static final int CASES = setting("BENCH_CASES", 200_000);
  private static final int CLIENTS = setting("BENCH_CLIENTS", 2);
  private static final int REQUESTS = setting("BENCH_REQUESTS", 400);
  // to look at the data (EXPLAIN ANALYZE) before the measurements: seconds to wait after writing
  private static final int HOLD = setting("BENCH_HOLD_SECONDS", 0);

  private AssessmentBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-assessment-bench");
    Path pg = data.resolve("postgres");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app = BenchSeed.start(pg);
    try {
      System.out.printf(
          Locale.ROOT,
          "Java %s, %d processors available, max heap %d MB; application started in %.1f s%n",
          System.getProperty("java.version"),
          Runtime.getRuntime().availableProcessors(),
          HeapSampler.max() >> 20,
          seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long t1 = System.nanoTime();
      SyntheticWorkforceCity.write(jdbc, OBJECTS, false);
      BenchSeed.logIns(jdbc);
      BenchSeed.certificates(jdbc, TODAY);
      writeCases(jdbc);
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d grids, %,d objects, %,d officers (%,d with log-ins), %,d assignments,"
              + " %,d certificates, %,d cases (%s), %,d timeline lines, in %.1f s%n",
          count(jdbc, "SELECT count(*) FROM grid"),
          count(jdbc, "SELECT count(*) FROM supervised_object"),
          count(jdbc, "SELECT count(*) FROM officer"),
          count(jdbc, "SELECT count(*) FROM officer WHERE user_id IS NOT NULL"),
          count(jdbc, "SELECT count(*) FROM officer_assignment WHERE ends_on IS NULL"),
          count(jdbc, "SELECT count(*) FROM training_certificate"),
          count(jdbc, "SELECT count(*) FROM safety_case"),
          String.join(
              ", ",
              jdbc.queryForList(
                  "SELECT status || ' ' || count(*) FROM safety_case GROUP BY status"
                      + " ORDER BY count(*) DESC",
                  String.class)),
          count(jdbc, "SELECT count(*) FROM case_event"),
          seconds(t1));
      writePatrols(app.getBean(PatrolPlanGenerator.class), jdbc);
      jdbc.execute("VACUUM ANALYZE");
      if (HOLD > 0) {
        System.out.printf(
            Locale.ROOT,
            "Holding %d s: PostgreSQL on port %s, data in %s%n",
            HOLD,
            jdbc.queryForObject("SELECT current_setting('port')", String.class),
            pg);
        Thread.sleep(HOLD * 1000L);
      }
      inProcess(app.getBean(IndicatorTables.class), jdbc, pg);
      bySource(app, pg);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      overHttp(port, jdbc, pg);
    } finally {
      app.close();
      BenchSeed.delete(data);
    }
  }

  // ------------------------------------------------------------------ patrols

  /**
   * The year's patrol tasks as the scheduler creates them (the generation on the first of each
   * month up to today's), those due before today done with an inspection for 92% of the red, 88% of
   * the orange, 85% of the yellow and 80% of the blue ones (the rest missed), 40% of the running
   * periods' done so far; then inspections not tied to a task up to {@code BENCH_INSPECTIONS}.
   */
  private static void writePatrols(PatrolPlanGenerator generator, JdbcTemplate jdbc) {
    long a = System.nanoTime();
    BenchSeed.assignedSince(jdbc, LocalDate.of(2025, 12, 1));
    List<LocalDate> months = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); !d.isAfter(TODAY); d = d.plusMonths(1)) {
      months.add(d);
    }
    double generation =
        BenchSeed.generate(generator, months).stream().mapToDouble(Double::doubleValue).sum();
    long b = System.nanoTime();
    int done =
        BenchSeed.completeTasks(
            jdbc,
            "(hashint8(t.id) & 2147483647) % 100 < CASE WHEN t.due_date >= date '"
                + TODAY
                + "' THEN 40 WHEN t.risk_level = 'RED' THEN 92 WHEN t.risk_level = 'ORANGE'"
                + " THEN 88 WHEN t.risk_level = 'YELLOW' THEN 85 ELSE 80 END",
            TODAY);
    LocalDate first = LocalDate.of(2026, 1, 1);
    BenchSeed.moreInspections(
        jdbc, INSPECTIONS, first, (int) ChronoUnit.DAYS.between(first, TODAY) + 1);
    System.out.printf(
        Locale.ROOT,
        "Generated %,d patrol tasks of 2026 (%s) in %d runs, %.1f s; marked %,d done with an"
            + " inspection each; %,d inspection records (%,d tied to a task) in %.1f s%n",
        count(jdbc, "SELECT count(*) FROM patrol_task"),
        String.join(
            ", ",
            jdbc.queryForList(
                "SELECT risk_level || ' ' || count(*) || ' (' || count(*) FILTER (WHERE status"
                    + " = 'DONE') || ' done)' FROM patrol_task GROUP BY risk_level ORDER BY risk_level",
                String.class)),
        months.size(),
        generation,
        done,
        count(jdbc, "SELECT count(*) FROM inspection"),
        count(jdbc, "SELECT count(*) FROM inspection WHERE task_id IS NOT NULL"),
        seconds(b));
    System.out.printf(Locale.ROOT, "  (patrols written in %.1f s)%n", seconds(a));
  }

  // ------------------------------------------------------------------ data

  /**
   * Cases of 2026 over the grids: 80% closed (one in ten late), 4% voided, the rest open (reported,
   * registered, rectifying, feedback submitted; most past their stage's deadline by now). Timeline:
   * report, register, dispatch, feedback, re-inspection ({@code onTime} in the data, one in seven
   * late), close, plus returns (1 in 23), reworks (1 in 17, a failed re-inspection with {@code
   * onTime}) and approved extensions (1 in 29).
   */
  private static void writeCases(JdbcTemplate jdbc) {
    jdbc.update(
        "WITH gr AS (SELECT row_number() OVER (ORDER BY code) - 1 AS n, code, division_code"
            + " FROM grid), gc AS (SELECT count(*) AS c FROM grid),"
            + " g AS (SELECT i, hashint4(i) & 2147483647 AS h, hashint4(i + 99991) & 2147483647"
            + " AS h2, timestamptz '2026-01-01 09:00+08' + (i % 334) * interval '1 day'"
            + " + (hashint4(i + 7) & 32767) * interval '1 second' AS reported"
            + " FROM generate_series(1, ?) i),"
            + " s AS (SELECT g.*, gr.code AS grid, gr.division_code AS div,"
            + " CASE WHEN h % 100 < 80 THEN 'CLOSED' WHEN h % 100 < 84 THEN 'VOIDED'"
            + " WHEN h % 100 < 86 THEN 'REPORTED' WHEN h % 100 < 88 THEN 'REGISTERED'"
            + " WHEN h % 100 < 95 THEN 'RECTIFYING' ELSE 'FEEDBACK_SUBMITTED' END AS st"
            + " FROM g CROSS JOIN gc JOIN gr ON gr.n = g.h2 % gc.c)"
            + " INSERT INTO safety_case (number, district_code, street_code, village_code,"
            + " division_code, grid_code, type, source, title, description, status, handler_type,"
            + " handler_code, stage, stage_started_at, stage_due_at, due_at, reported_at,"
            + " registered_at, first_dispatched_at, feedback_at, closed_at, voided_at,"
            + " closed_on_time, handling_working_seconds, rework_count, wrong_dispatch_count,"
            + " extension_count, reporter_name, lon, lat, synthetic)"
            + " SELECT 'A-' || i, substr(div, 1, 6), substr(div, 1, 9), div, div, grid,"
            + " CASE WHEN h2 % 100 < 70 THEN 'GENERAL_HAZARD' WHEN h2 % 100 < 75 THEN"
            + " 'MAJOR_HAZARD' WHEN h2 % 100 < 85 THEN 'ILLEGAL_OPERATION' ELSE 'OTHER' END,"
            + " 'OFFICER_INSPECTION', '考核基准案件', '基准', st,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED') THEN 'STREET' END,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED')"
            + " THEN substr(div, 1, 9) END,"
            + " CASE st WHEN 'REPORTED' THEN 'REGISTER' WHEN 'REGISTERED' THEN 'DISPATCH'"
            + " WHEN 'RECTIFYING' THEN 'RECTIFY' WHEN 'FEEDBACK_SUBMITTED' THEN 'REINSPECT' END,"
            + " CASE WHEN st NOT IN ('CLOSED', 'VOIDED') THEN reported END,"
            + " CASE WHEN st NOT IN ('CLOSED', 'VOIDED') THEN reported + interval '14 days' END,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED') THEN reported"
            + " + CASE WHEN h % 29 = 0 THEN interval '21 days' ELSE interval '14 days' END END,"
            + " reported, CASE WHEN st <> 'REPORTED' THEN reported + interval '2 hours' END,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED')"
            + " THEN reported + interval '5 hours' END,"
            + " CASE WHEN st IN ('CLOSED', 'FEEDBACK_SUBMITTED') THEN reported + interval '9 days'"
            + " END,"
            + " CASE WHEN st = 'CLOSED' THEN reported + (CASE WHEN h % 10 = 0 THEN 25 ELSE 11 END)"
            + " * interval '1 day' END,"
            + " CASE WHEN st = 'VOIDED' THEN reported + interval '1 day' END,"
            + " CASE WHEN st = 'CLOSED' THEN h % 10 <> 0 END,"
            + " CASE WHEN st = 'CLOSED' THEN (7 + h % 5) * 86400 END,"
            + " CASE WHEN st = 'CLOSED' AND h % 17 = 0 THEN 1 ELSE 0 END,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED') AND h % 23 = 0"
            + " THEN 1 ELSE 0 END,"
            + " CASE WHEN st IN ('CLOSED', 'RECTIFYING', 'FEEDBACK_SUBMITTED') AND h % 29 = 0"
            + " THEN 1 ELSE 0 END, '基准', 117.2, 39.12, true"
            + " FROM s",
        CASES);
    jdbc.update(
        "INSERT INTO case_event (case_id, district_code, at, actor_name, action, data)"
            + " SELECT c.id, c.district_code, x.at, '基准', x.action, x.data"
            + " FROM safety_case c CROSS JOIN LATERAL (SELECT (hashint8(c.id) & 2147483647) % 7"
            + " <> 0 AS on_time) o CROSS JOIN LATERAL (VALUES"
            + " (c.reported_at, 'REPORT', '{}'::jsonb),"
            + " (c.registered_at, 'REGISTER', '{}'::jsonb),"
            + " (c.first_dispatched_at, 'DISPATCH', '{}'::jsonb),"
            + " (c.feedback_at, 'FEEDBACK', '{}'::jsonb),"
            + " (c.closed_at - interval '1 hour', 'REINSPECT_PASS',"
            + " jsonb_build_object('onTime', o.on_time)),"
            + " (c.closed_at, 'CLOSE', '{}'::jsonb),"
            + " (c.voided_at, 'VOID', '{}'::jsonb),"
            + " (CASE WHEN c.rework_count > 0 THEN c.feedback_at + interval '1 day' END, 'REWORK',"
            + " jsonb_build_object('onTime', o.on_time)),"
            + " (CASE WHEN c.wrong_dispatch_count > 0 THEN c.first_dispatched_at"
            + " + interval '1 hour' END, 'RETURN', '{}'::jsonb),"
            + " (CASE WHEN c.extension_count > 0 THEN c.first_dispatched_at + interval '2 days'"
            + " END, 'APPROVE_EXTENSION', '{}'::jsonb)) x(at, action, data)"
            + " WHERE c.number LIKE 'A-%' AND x.at IS NOT NULL");
  }

  // ------------------------------------------------------------------ in process

  private static void inProcess(IndicatorTables tables, JdbcTemplate jdbc, Path pg) {
    Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant now = Instant.now();
    System.out.printf(Locale.ROOT, "%nIn process (IndicatorTables.table), year 2026:%n");
    long heapBefore = HeapSampler.usedAfterGc(3);
    long peak;
    try (HeapSampler heap = HeapSampler.start(10)) {
      IndicatorTables.Table city =
          timed(
              "city (12), rows = districts, first call",
              pg,
              1,
              () -> tables.table("12", null, Level.DISTRICT, from, to, now));
      describe(city);
      timed(
          "city (12), rows = districts, warm",
          pg,
          5,
          () -> tables.table("12", null, Level.DISTRICT, from, to, now));
      List<String> districts =
          jdbc.queryForList(
              "SELECT code FROM division WHERE level = 'district' ORDER BY code", String.class);
      timed(
          "each of the " + districts.size() + " districts, rows = streets (one pass, per district)",
          pg,
          1,
          districts.size(),
          () -> {
            for (String d : districts) {
              tables.table(d, null, Level.STREET, from, to, now);
            }
            return null;
          });
      String street =
          jdbc.queryForObject(
              "SELECT street_code FROM safety_case GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
              String.class);
      describe(
          timed(
              "street " + street + ", rows = villages",
              pg,
              5,
              () -> tables.table(street, null, Level.VILLAGE, from, to, now)));
      describe(
          timed(
              "street " + street + ", by=grid",
              pg,
              5,
              () -> tables.table(street, null, Level.GRID, from, to, now)));
      peak = heap.stop();
    }
    System.out.printf(
        Locale.ROOT,
        "  Heap: %d MB used after GC before; peak %d MB sampled during; max heap %d MB%n",
        heapBefore >> 20,
        peak >> 20,
        HeapSampler.max() >> 20);
  }

  /** Each source alone, for the city by district and the district with most cases by street. */
  private static void bySource(ConfigurableApplicationContext app, Path pg) {
    Instant from = LocalDate.of(2026, 1, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant to = LocalDate.of(2027, 1, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant now = Instant.now();
    String district =
        app.getBean(JdbcTemplate.class)
            .queryForObject(
                "SELECT district_code FROM safety_case GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
                String.class);
    System.out.printf(Locale.ROOT, "%nEach source alone (IndicatorSource.compute), warm:%n");
    for (Slice slice :
        List.of(
            new Slice("12", null, Level.DISTRICT, from, to, now),
            new Slice(district, null, Level.STREET, from, to, now))) {
      BenchSources.computations(app, slice)
          .forEach(
              (name, work) -> {
                work.run();
                timed(
                    slice.division() + " by " + slice.rows() + ", " + name,
                    pg,
                    3,
                    () -> {
                      work.run();
                      return null;
                    });
              });
    }
  }

  private static void describe(IndicatorTables.Table t) {
    System.out.printf(
        Locale.ROOT,
        "    %s %s: %d rows; 结案率 %s, 按期结案率 %s, grid coverage %s, 巡查完成率 %s (红 %s),"
            + " 培训覆盖率 %s, 未培训上岗 %s%n",
        t.division(),
        t.name(),
        t.units().size(),
        fraction(t, "case.closeRate"),
        fraction(t, "case.onTimeRate"),
        fraction(t, "grid.coverage"),
        fraction(t, "patrol.completion"),
        fraction(t, "patrol.completion.RED"),
        fraction(t, "training.coverage"),
        fraction(t, "training.unqualifiedOnPost"));
  }

  private static String fraction(IndicatorTables.Table t, String code) {
    Figure f = t.total().figures().get(code);
    return f == null ? "-" : f.numerator() + "/" + f.denominator();
  }

  private static <T> T timed(String what, Path pg, int rounds, Supplier<T> work) {
    return timed(what, pg, rounds, 1, work);
  }

  /** Runs {@code work} {@code rounds} times; prints wall (min/median/max) and CPU per round. */
  private static <T> T timed(String what, Path pg, int rounds, int perRound, Supplier<T> work) {
    double[] ms = new double[rounds];
    T last = null;
    long[] before = CpuTime.snapshot(pg);
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      last = work.get();
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    long[] after = CpuTime.snapshot(pg);
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "  %s: %s wall min %.0f ms, median %.0f ms, max %.0f ms%s; CPU per round JVM %.0f ms +"
            + " PostgreSQL %.0f ms%n",
        what,
        rounds == 1 ? "1 round," : rounds + " rounds,",
        ms[0],
        ms[rounds / 2],
        ms[rounds - 1],
        perRound > 1
            ? String.format(Locale.ROOT, " (%.0f ms each)", ms[rounds / 2] / perRound)
            : "",
        (after[0] - before[0]) / 1e6 / rounds,
        before[1] < 0 ? Double.NaN : (after[1] - before[1]) / 1e6 / rounds);
    return last;
  }

  // ------------------------------------------------------------------ over HTTP

  /**
   * A dashboard's mix: the city, every district, 30 streets, 30 villages and 10 streets by grid,
   * shuffled, sent by {@link #CLIENTS} clients in turn.
   */
  private static void overHttp(int port, JdbcTemplate jdbc, Path pg) throws Exception {
    List<String> divisions = new ArrayList<>();
    divisions.add("division=12");
    jdbc.queryForList("SELECT code FROM division WHERE level = 'district'", String.class)
        .forEach(c -> divisions.add("division=" + c));
    jdbc.queryForList(
            "SELECT code FROM division WHERE level = 'street' ORDER BY hashtext(code) LIMIT 30",
            String.class)
        .forEach(c -> divisions.add("division=" + c));
    jdbc.queryForList(
            "SELECT code FROM division WHERE level = 'village' ORDER BY hashtext(code) LIMIT 30",
            String.class)
        .forEach(c -> divisions.add("division=" + c));
    jdbc.queryForList(
            "SELECT code FROM division WHERE level = 'street' ORDER BY hashtext(code || 'g')"
                + " LIMIT 10",
            String.class)
        .forEach(c -> divisions.add("division=" + c + "&by=grid"));
    List<String> urls = new ArrayList<>();
    Random random = new Random(20261207);
    while (urls.size() < REQUESTS) {
      List<String> round = new ArrayList<>(divisions);
      Collections.shuffle(round, random);
      round.forEach(
          d ->
              urls.add("http://localhost:" + port + "/api/v1/indicator-table?" + d + "&year=2026"));
    }
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // warm-up: every kind of request once
    long bytes = 0;
    for (String d : divisions) {
      bytes +=
          send(
              client,
              "http://localhost:" + port + "/api/v1/indicator-table?" + d + "&year=2026",
              auth);
    }
    System.out.printf(
        Locale.ROOT,
        "%nOver HTTP (GET /api/v1/indicator-table, Basic auth, loopback), %d kinds of request"
            + " (city, %d districts, 30 streets, 30 villages, 10 streets by grid), warmed up once"
            + " each (%,d bytes in all):%n",
        divisions.size(),
        divisions.size() - 71,
        bytes);
    long heapBefore = HeapSampler.usedAfterGc(3);
    long[] took = new long[REQUESTS];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long[] cpuBefore = CpuTime.snapshot(pg);
    long started = System.nanoTime();
    long peak;
    try (HeapSampler heap = HeapSampler.start(10)) {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    try {
                      send(client, urls.get(i), auth);
                    } catch (Exception e) {
                      failures.incrementAndGet();
                    }
                    took[i] = System.nanoTime() - s;
                  }
                  return null;
                }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
      peak = heap.stop();
    }
    double elapsed = seconds(started);
    long[] cpuAfter = CpuTime.snapshot(pg);
    pool.shutdown();
    long[] sorted = took.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "  %d clients, %d requests in %.1f s (%.1f requests/s), failures %d%n",
        CLIENTS,
        REQUESTS,
        elapsed,
        REQUESTS / elapsed,
        failures.get());
    System.out.printf(
        Locale.ROOT,
        "  latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
        pct(sorted, 50),
        pct(sorted, 95),
        pct(sorted, 99),
        sorted[sorted.length - 1] / 1e6);
    System.out.print("  ");
    CpuTime.report(cpuBefore, cpuAfter, REQUESTS, "request");
    System.out.printf(
        Locale.ROOT,
        "  Heap: %d MB used after GC before the requests; peak %d MB sampled during them;"
            + " max heap %d MB%n",
        heapBefore >> 20,
        peak >> 20,
        HeapSampler.max() >> 20);
  }

  private static long send(HttpClient client, String url, String auth) throws Exception {
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + ": " + r.statusCode());
    }
    return r.body().length;
  }

  // ------------------------------------------------------------------ helpers

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return BenchSeed.count(jdbc, sql);
  }

  private static int setting(String name, int otherwise) {
    return BenchSeed.setting(name, otherwise);
  }

  private static double seconds(long since) {
    return BenchSeed.seconds(since);
  }
}
