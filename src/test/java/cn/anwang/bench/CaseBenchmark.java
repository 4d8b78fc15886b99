package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.casework.cases.CaseAction;
import cn.anwang.casework.cases.CaseCommands;
import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.HandlerType;
import cn.anwang.casework.indicator.CaseIndicators;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    List<String> arguments = new ArrayList<>(StatementStats.arguments());
    arguments.addAll(
        List.of(
            "--server.port=0",
            "--anwang.demo=false",
            "--anwang.admin-password=" + ADMIN_PASSWORD,
            "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
            "--server.tomcat.threads.max=200",
            // the reminder scan would work through the thousands of overdue synthetic cases
            // while the indicators are timed; it has its own tests
            "--anwang.casework.reminders.scan-every=24h",
            "--logging.level.root=WARN"));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class).run(arguments.toArray(String[]::new));
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      jdbc.update(
          "INSERT INTO app_user (username, password_hash, display_name, role, territory_code)"
              + " VALUES ('bench.street', ?, '基准街道管理员', 'STREET_ADMIN', '120101001')",
          app.getBean(PasswordEncoder.class).encode(STREET_PASSWORD));
      transitions(app, port, data.resolve("postgres"));
      CaseIndicatorBench.run(jdbc, app.getBean(CaseIndicators.class), CASES);
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
    Measured overHttp =
        measure("Over HTTP (Basic auth, JSON, loopback)", http, queue, pgData, jdbc);
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
    Measured inProcess =
        measure(
            "In process (CaseFacade.act, the same transaction without HTTP)",
            inProcess(app.getBean(CaseFacade.class), user),
            queue,
            pgData,
            jdbc);
    clientThreads.shutdownNow();
    postgresCeiling(app, pgData, overHttp, inProcess);
  }

  /** pgbench's TPC-B-like script on the same server, same clients, right after the transitions. */
  private static void postgresCeiling(
      ConfigurableApplicationContext app, Path pgData, Measured overHttp, Measured inProcess)
      throws Exception {
    var binary = PgBench.binary();
    if (binary.isEmpty()) {
      System.out.println(
          "PostgreSQL's ceiling: no pgbench found (bash scripts/pg-client.sh --install 17, or set"
              + " ANWANG_PGBENCH)");
      return;
    }
    EmbeddedPostgres postgres = app.getBean(EmbeddedPostgres.class);
    int scale = setting("BENCH_PGBENCH_SCALE", CLIENTS);
    System.out.printf(
        Locale.ROOT,
        "PostgreSQL's ceiling (%s, TPC-B-like, %d clients, %d s, same server):%n",
        binary.get(),
        CLIENTS,
        SECONDS);
    PgBench.Result r =
        PgBench.run(
            binary.get(),
            postgres.getPostgresDatabase(),
            postgres.getPort(),
            pgData,
            CLIENTS,
            SECONDS,
            scale);
    PgBench.drop(postgres.getPostgresDatabase());
    System.out.printf(
        Locale.ROOT,
        "  %,d transactions = %,.0f tps, latency average %.1f ms; CPU per transaction: PostgreSQL"
            + " %.2f ms + pgbench client %.2f ms%n",
        r.transactions(),
        r.tps(),
        r.latencyMs(),
        r.postgresMsEach(),
        r.clientMsEach());
    for (Measured m : List.of(overHttp, inProcess)) {
      System.out.printf(
          Locale.ROOT,
          "  %s: %,.0f transitions/s = %.2f of pgbench's tps; PostgreSQL CPU per transition %.2f ms"
              + " = %.1f TPC-B transactions' worth%n",
          m.name(),
          m.perSecond(),
          m.perSecond() / r.tps(),
          m.postgresMsEach(),
          m.postgresMsEach() / r.postgresMsEach());
    }
  }

  /** What one measured run gave: transitions per second and PostgreSQL's CPU per transition. */
  private record Measured(String name, double perSecond, double postgresMsEach) {}

  private static Measured measure(
      String title, Step step, ConcurrentLinkedQueue<Long> queue, Path pgData, JdbcTemplate jdbc)
      throws Exception {
    System.out.println(title + ":");
    long heapBefore = HeapSampler.usedAfterGc(3);
    AtomicLong failures = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    long started = System.nanoTime();
    StatementStats.reset(jdbc);
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
    StatementStats.report(jdbc, done, "transition");
    System.out.printf(
        Locale.ROOT,
        "  Heap: %d MB used after GC before the run; peak %d MB sampled during it; max heap %d MB%n",
        heapBefore >> 20,
        peak >> 20,
        HeapSampler.max() >> 20);
    return new Measured(
        title.substring(0, title.indexOf(" (")),
        done / elapsed,
        cpuAfter[1] < 0 || done == 0 ? Double.NaN : (cpuAfter[1] - cpuBefore[1]) / 1e6 / done);
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
