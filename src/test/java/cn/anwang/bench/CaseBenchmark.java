package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.CaseCommands;
import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.HandlerType;
import cn.anwang.casework.indicator.CaseIndicators;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Cases at scale, end to end: starts the application (embedded PostgreSQL in a temporary directory,
 * demo off) and
 *
 * <ol>
 *   <li>drives case transitions over HTTP from 64 concurrent clients for a fixed time: each client
 *       takes reported cases of one street through register, dispatch, accept, feedback,
 *       re-inspection and close (six transitions, each its own request, transaction, optimistic
 *       write, timeline line and audit entry), and reports transitions per second and the latency
 *       distribution;
 *   <li>writes a year of 200,000 cases of one district with their timeline (about 1.4 million
 *       lines) and times the indicators for that district over the year.
 * </ol>
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec -Dbench.main=cn.anwang.bench.CaseBenchmark}
 * (optionally {@code BENCH_CLIENTS=64 BENCH_SECONDS=30 BENCH_CASES=200000} in the environment).
 */
public final class CaseBenchmark {

  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final String STREET_PASSWORD = "bench-street-password";
  private static final int CLIENTS = setting("BENCH_CLIENTS", 64);
  private static final int SECONDS = setting("BENCH_SECONDS", 30);
  private static final int CASES = setting("BENCH_CASES", 200_000);
  private static final String[] STEPS = {
    "register", "dispatch", "accept", "feedback", "reinspection", "close"
  };
  private static final String[] BODIES = {
    "{}",
    "{\"handlerType\":\"STREET\",\"handlerCode\":\"120101001\"}",
    "{}",
    "{\"reason\":\"已整改\"}",
    "{\"passed\":true,\"reason\":\"复查合格\",\"lon\":117.2,\"lat\":39.12}",
    "{\"reason\":\"结案\"}"
  };

  private CaseBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-case-bench");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=false",
                "--anwang.admin-password=" + ADMIN_PASSWORD,
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--server.tomcat.threads.max=200",
                // the reminder scan would work through the thousands of overdue synthetic cases
                // while the indicators are timed; it has its own tests
                "--anwang.casework.reminders.scan-every=24h",
                "--logging.level.root=WARN");
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      jdbc.update(
          "INSERT INTO app_user (username, password_hash, display_name, role, territory_code)"
              + " VALUES ('bench.street', ?, '基准街道管理员', 'STREET_ADMIN', '120101001')",
          app.getBean(PasswordEncoder.class).encode(STREET_PASSWORD));
      transitions(app, port, data.resolve("postgres"));
      indicators(jdbc, app.getBean(CaseIndicators.class));
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ------------------------------------------------------------------ transitions

  private static void writeReported(JdbcTemplate jdbc, int from, int count) {
    jdbc.update(
        "INSERT INTO safety_case (number, district_code, street_code, division_code, type, source,"
            + " title, description, status, stage, stage_started_at, stage_due_at, reported_at,"
            + " reporter_name, lon, lat)"
            + " SELECT 'B-' || i, '120101', '120101001', '120101001', 'GENERAL_HAZARD',"
            + " 'OFFICER_INSPECTION', '基准案件' || i, '基准', 'REPORTED', 'REGISTER', now(),"
            + " now() + interval '1 day', now(), '基准', 117.2, 39.12"
            + " FROM generate_series(?, ?) i",
        from,
        from + count - 1);
  }

  private static void transitions(ConfigurableApplicationContext app, int port, Path pgData)
      throws Exception {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    int cases = Math.max(CLIENTS * 40, CLIENTS * SECONDS * 5);
    long t = System.nanoTime();
    // for the HTTP run with its warm-up, and as many again for the in-process run
    writeReported(jdbc, 1, 2 * (cases + 2_000));
    jdbc.execute("VACUUM ANALYZE safety_case");
    System.out.printf(
        Locale.ROOT, "Wrote %,d reported cases in %.1f s%n", 2 * (cases + 2_000), seconds(t));
    ConcurrentLinkedQueue<Long> queue =
        new ConcurrentLinkedQueue<>(
            jdbc.queryForList(
                "SELECT id FROM safety_case WHERE number LIKE 'B-%' ORDER BY id", Long.class));
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("bench.street:" + STREET_PASSWORD).getBytes(StandardCharsets.UTF_8));
    ExecutorService clientThreads = Executors.newFixedThreadPool(CLIENTS);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads)
            .build();
    Step http = overHttp(client, port, auth);
    // warm-up: one client, 300 cases
    run(http, queue, 1, Duration.ofSeconds(600), 300 * STEPS.length, null);
    measure("Over HTTP (Basic auth, JSON, loopback)", http, queue, pgData);
    long lines =
        jdbc.queryForObject(
            "SELECT count(*) FROM case_event e JOIN safety_case c ON c.id = e.case_id"
                + " WHERE c.number LIKE 'B-%'",
            Long.class);
    long versions =
        jdbc.queryForObject(
            "SELECT coalesce(sum(version), 0) FROM safety_case WHERE number LIKE 'B-%'",
            Long.class);
    System.out.printf(
        Locale.ROOT,
        "Timeline lines written: %,d; case versions: %,d (each successful transition is one of each)%n",
        lines,
        versions);

    Authentication user =
        app.getBean(AuthenticationManager.class)
            .authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(
                    "bench.street", STREET_PASSWORD));
    measure(
        "In process (CaseFacade.act, the same transaction without HTTP)",
        inProcess(app.getBean(CaseFacade.class), user),
        queue,
        pgData);
    clientThreads.shutdownNow();
  }

  private static void measure(
      String title, Step step, ConcurrentLinkedQueue<Long> queue, Path pgData) throws Exception {
    System.out.println(title + ":");
    long heapBefore = HeapSampler.usedAfterGc(3);
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long started = System.nanoTime();
    long[] cpuBefore = CpuTime.snapshot(pgData);
    int done;
    long peak;
    try (HeapSampler heap = HeapSampler.start(10)) {
      done =
          run(
              step,
              queue,
              CLIENTS,
              Duration.ofSeconds(SECONDS),
              Integer.MAX_VALUE,
              new Result(latencies, failures));
      peak = heap.stop();
    }
    double elapsed = seconds(started);
    long[] cpuAfter = CpuTime.snapshot(pgData);
    long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "  %d clients for %d s: %,d transitions in %.1f s = %,.0f transitions/s; failures %d%n",
        CLIENTS,
        SECONDS,
        done,
        elapsed,
        done / elapsed,
        failures.get());
    System.out.printf(
        Locale.ROOT,
        "  latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
        pct(all, 50),
        pct(all, 95),
        pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    System.out.print("  ");
    CpuTime.report(cpuBefore, cpuAfter, done, "transition");
    System.out.printf(
        Locale.ROOT,
        "  Heap: %d MB used after GC before the run; peak %d MB sampled during it; max heap %d MB%n",
        heapBefore >> 20,
        peak >> 20,
        HeapSampler.max() >> 20);
  }

  private record Result(List<long[]> latencies, AtomicLong failures) {}

  /** Performs step {@code s} of {@link #STEPS} on a case; true when it succeeded. */
  private interface Step {
    boolean perform(long caseId, int s) throws Exception;
  }

  private static Step overHttp(HttpClient client, int port, String auth) {
    return (id, s) -> {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/v1/cases/" + id + "/" + STEPS[s]))
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(BODIES[s]))
              .build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    };
  }

  private static final CaseAction[] ACTIONS = {
    CaseAction.REGISTER,
    CaseAction.DISPATCH,
    CaseAction.ACCEPT,
    CaseAction.FEEDBACK,
    CaseAction.REINSPECT_PASS,
    CaseAction.CLOSE
  };

  private static final CaseCommands.Act[] COMMANDS = {
    CaseCommands.Act.of(null, null),
    new CaseCommands.Act(
        null, null, HandlerType.STREET, "120101001", null, null, null, null, null, null),
    CaseCommands.Act.of(null, null),
    CaseCommands.Act.of(null, "已整改"),
    new CaseCommands.Act(null, "复查合格", null, null, null, null, true, 117.2, 39.12, null),
    CaseCommands.Act.of(null, "结案")
  };

  /**
   * The same actions through the service layer the API calls, in this JVM, without HTTP, JSON or
   * per-request authentication: the share of the cost that is the transition itself.
   */
  private static Step inProcess(CaseFacade facade, Authentication user) {
    return (id, s) -> {
      SecurityContextHolder.getContext().setAuthentication(user);
      try {
        facade.act(id, ACTIONS[s], COMMANDS[s], null);
        return true;
      } finally {
        SecurityContextHolder.clearContext();
      }
    };
  }

  /** Runs clients until the time or the number of transitions is reached; returns transitions. */
  private static int run(
      Step step,
      ConcurrentLinkedQueue<Long> queue,
      int clients,
      Duration limit,
      int maxTransitions,
      Result result)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    AtomicInteger transitions = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(clients);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(
          () -> {
            long[] own = new long[200_000];
            int n = 0;
            try {
              while (System.nanoTime() < deadline && transitions.get() < maxTransitions) {
                Long id = queue.poll();
                if (id == null) {
                  break;
                }
                for (int s = 0; s < STEPS.length; s++) {
                  long t = System.nanoTime();
                  boolean ok;
                  try {
                    ok = step.perform(id, s);
                  } catch (RuntimeException e) {
                    ok = false;
                  }
                  long took = System.nanoTime() - t;
                  if (ok) {
                    transitions.incrementAndGet();
                    if (n < own.length) {
                      own[n++] = took;
                    }
                  } else if (result != null) {
                    result.failures().incrementAndGet();
                  }
                }
              }
            } catch (Exception e) {
              if (result != null) {
                result.failures().incrementAndGet();
              }
              e.printStackTrace();
            } finally {
              if (result != null) {
                synchronized (result.latencies()) {
                  result.latencies().add(Arrays.copyOf(own, n));
                }
              }
              finished.countDown();
            }
            return null;
          });
    }
    finished.await();
    pool.shutdown();
    return transitions.get();
  }

  // ------------------------------------------------------------------ indicators

  private static void indicators(JdbcTemplate jdbc, CaseIndicators indicators) {
    long t = System.nanoTime();
    // a year of cases of 河东区 (120102) over its streets: 85% closed (10% of those late), 4%
    // voided, the rest open; timeline: report, register, dispatch, feedback, re-inspection, close,
    // plus returns, reworks and extensions
    jdbc.update(
        "WITH g AS (SELECT i, hashint4(i) & 2147483647 AS h,"
            + " timestamptz '2025-12-01 09:00+08' + (i % 365) * interval '1 day'"
            + " + (hashint4(i + 7) & 32767) * interval '1 second' AS reported"
            + " FROM generate_series(1, ?) i)"
            + " INSERT INTO safety_case (number, district_code, street_code, division_code, type,"
            + " source, title, description, status, handler_type, handler_code, stage,"
            + " stage_started_at, stage_due_at, due_at, reported_at, registered_at,"
            + " first_dispatched_at, feedback_at, closed_at, closed_on_time,"
            + " handling_working_seconds, rework_count, wrong_dispatch_count, extension_count,"
            + " reporter_name)"
            + " SELECT 'I-' || i, '120102', '120102' || lpad((1 + h % 13)::text, 3, '0'),"
            + " '120102' || lpad((1 + h % 13)::text, 3, '0'), 'GENERAL_HAZARD',"
            + " 'OFFICER_INSPECTION', '指标案件', '基准',"
            + " CASE WHEN h % 100 < 85 THEN 'CLOSED' WHEN h % 100 < 89 THEN 'VOIDED'"
            + " ELSE 'RECTIFYING' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN 'STREET' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN '120102' || lpad((1 + h % 13)::text, 3, '0') END,"
            + " CASE WHEN h % 100 >= 89 THEN 'RECTIFY' END,"
            + " CASE WHEN h % 100 >= 89 THEN reported END,"
            + " CASE WHEN h % 100 >= 89 THEN reported + interval '14 days' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN reported + interval '14 days' END,"
            + " reported, reported + interval '2 hours', reported + interval '5 hours',"
            + " CASE WHEN h % 100 < 85 THEN reported + interval '9 days' END,"
            + " CASE WHEN h % 100 < 85 THEN reported + (CASE WHEN h % 10 = 0 THEN 16 ELSE 11 END)"
            + " * interval '1 day' END,"
            + " CASE WHEN h % 100 < 85 THEN h % 10 <> 0 END,"
            + " CASE WHEN h % 100 < 85 THEN (7 + h % 5) * 86400 END,"
            + " CASE WHEN h % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN h % 23 = 0 THEN 1 ELSE 0 END,"
            + " CASE WHEN h % 29 = 0 THEN 1 ELSE 0 END, '基准'"
            + " FROM g",
        CASES);
    jdbc.update(
        "INSERT INTO case_event (case_id, district_code, at, actor_name, action, from_status,"
            + " to_status)"
            + " SELECT c.id, c.district_code, x.at, '基准', x.action, NULL, NULL"
            + " FROM safety_case c CROSS JOIN LATERAL (VALUES"
            + " (c.reported_at, 'REPORT'), (c.registered_at, 'REGISTER'),"
            + " (c.first_dispatched_at, 'DISPATCH'), (c.feedback_at, 'FEEDBACK'),"
            + " (c.closed_at - interval '1 hour', 'REINSPECT_PASS'), (c.closed_at, 'CLOSE'),"
            + " (CASE WHEN c.rework_count > 0 THEN c.feedback_at + interval '1 day' END, 'REWORK'),"
            + " (CASE WHEN c.wrong_dispatch_count > 0 THEN c.first_dispatched_at"
            + " + interval '1 hour' END, 'RETURN'),"
            + " (CASE WHEN c.extension_count > 0 THEN c.first_dispatched_at + interval '2 days' END,"
            + " 'APPROVE_EXTENSION')) x(at, action)"
            + " WHERE c.number LIKE 'I-%' AND x.at IS NOT NULL");
    // steady state: the vacuum the transitions above left for autovacuum (audit entries sealed,
    // cases and outbox rows updated) would otherwise run in the background while this is timed
    jdbc.execute("VACUUM ANALYZE");
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d cases of 120102 over a year and %,d timeline lines in %.1f s%n",
        jdbc.queryForObject("SELECT count(*) FROM safety_case WHERE number LIKE 'I-%'", Long.class),
        jdbc.queryForObject(
            "SELECT count(*) FROM case_event WHERE district_code = '120102'", Long.class),
        seconds(t));
    Instant from = LocalDate.of(2025, 12, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant to = LocalDate.of(2026, 12, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant now = Instant.now();
    CaseIndicators.Result last = null;
    for (int i = 0; i < 3; i++) {
      last = indicators.compute("120102", null, from, to, now);
    }
    int rounds = 15;
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      last = indicators.compute("120102", null, from, to, now);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "Indicators of 120102 over a year (%,d registered, %,d due, 结案率 %.4f, 按期结案率 %.4f,"
            + " 返工率 %.4f; %d streets, %d handlers): min %.0f ms, median %.0f ms, max %.0f ms%n",
        last.totals().registered(),
        last.totals().due(),
        last.totals().closeRate(),
        last.totals().onTimeRate(),
        last.totals().reworkRate(),
        last.byStreet().size(),
        last.byHandler().size(),
        ms[0],
        ms[rounds / 2],
        ms[rounds - 1]);
  }

  // ------------------------------------------------------------------ helpers

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static int setting(String name, int otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
