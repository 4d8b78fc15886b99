package cn.anwang.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.anwang.IntegrationTest;
import cn.anwang.LoadGauge;
import cn.anwang.scope.LoadTargets.Target;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15, the part {@code RepeatedLoadTest} leaves out: every GET with path variables — the
 * documented API operations and the pages — called 50 times (downloads 5) on a real row of 和平区 as
 * someone allowed to read it, and a set of writes, accepted and refused, repeated 50 times. The
 * reads run over the scope matrix's data inside a transaction that is rolled back: there a leaked
 * result set keeps no extra connection, so besides the pool the statements Hikari tracks as open on
 * the transaction's connection must stay where they were. The writes run committed and clean up
 * (see {@link RepeatedWrites}). No answer may be 5xx; those not 2xx are listed.
 */
@IntegrationTest
class RepeatedResourceLoadTest {

  private static final int CALLS = 50;
  private static final int HEAVY_CALLS = 5;
  private static final int SLOW_CALLS = 20;
  private static final long SLOW_MILLIS = 150;

  /** Which targets took longest in all (printed) and which were reduced as slow. */
  private final Map<String, Long> millis = new TreeMap<>();

  private final List<String> slow = new ArrayList<>();

  @Autowired WebApplicationContext context;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired TransactionTemplate transactions;
  @Autowired HikariDataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private MockMvc mvc() {
    // our own MockMvc: the shared one keeps every response's printout in memory until the end
    return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
  }

  @Test
  void everyGetWithPathVariablesLoadedRepeatedlyHoldsNothing() throws Exception {
    long started = System.nanoTime();
    MockMvc mvc = mvc();
    ScopeCalls calls = new ScopeCalls(mvc, users);
    String document =
        mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
    List<ApiOperations.Operation> operations = ApiOperations.of(json.readTree(document)).all();
    List<String> problems = new ArrayList<>();
    Map<String, String> notOk = new TreeMap<>();
    int[] loaded = new int[3];
    LoadTargets targets = new LoadTargets(new ScopeResources(jdbc));
    transactions.executeWithoutResult(
        status -> {
          try {
            long t0 = System.nanoTime();
            MatrixData.seed(context, Callers.HOME_DISTRICT);
            new MatrixFixtures(jdbc).write();
            System.out.printf("  seeded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            targets.api(operations);
            targets.pages(LoadGauge.gets(mappings));
            load(calls, targets.targets(), problems, notOk, loaded);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          } finally {
            status.setRollbackOnly();
          }
        });
    System.out.printf(
        "RepeatedResourceLoadTest: %d GETs with path variables loaded (%d API, %d pages; %d"
            + " requests, %d s), %d skipped, %d answered other than 2xx;"
            + " threads %d -> %d, heap %d MB -> %d MB, open statements %d -> %d%n",
        targets.targets().size(),
        targets.targets().stream().filter(t -> t.op().path().startsWith("/api/")).count(),
        targets.targets().stream().filter(t -> !t.op().path().startsWith("/api/")).count(),
        loaded[0],
        (System.nanoTime() - started) / 1_000_000_000,
        targets.skipped().size(),
        notOk.size(),
        gauges[0],
        gauges[1],
        gauges[2] >> 20,
        gauges[3] >> 20,
        gauges[4],
        gauges[5]);
    targets.skipped().forEach((k, why) -> System.out.println("  skipped " + k + ": " + why));
    notOk.forEach((k, s) -> System.out.println("  not 2xx " + k + ": " + s));
    System.out.println("  reduced to " + SLOW_CALLS + " calls as slow: " + slow);
    millis.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(5)
        .forEach(e -> System.out.println("  slowest " + e.getKey() + ": " + e.getValue() + " ms"));
    assertThat(problems).isEmpty();
    // 75 of 98 at the time of writing; the rest are listed above
    assertThat(targets.targets().size()).isGreaterThanOrEqualTo(70);
  }

  @Test
  void representativeWritesRepeatedlyHoldNothing() throws Exception {
    RepeatedWrites writes = new RepeatedWrites(mvc(), users, jdbc, json);
    List<RepeatedWrites.Write> all = writes.all();
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    List<String> problems = new ArrayList<>();
    Map<String, Integer> removed;
    int threads;
    long heap;
    int connections;
    try {
      for (RepeatedWrites.Write w : all) {
        w.call().perform();
      }
      connections = LoadGauge.idleActive(pool, 0);
      threads = LoadGauge.threads();
      heap = LoadGauge.usedHeapAfterGc(Long.MAX_VALUE);
      for (RepeatedWrites.Write w : all) {
        TreeSet<Integer> statuses = new TreeSet<>();
        for (int k = 0; k < CALLS; k++) {
          statuses.add(w.call().perform());
        }
        if (!w.expected().containsAll(statuses)) {
          problems.add(w.name() + ": " + statuses + ", expected " + w.expected());
        }
        int active = LoadGauge.idleActive(pool, connections);
        if (active > connections || pool.getThreadsAwaitingConnection() > 0) {
          problems.add(
              w.name() + ": " + active + " active connections, " + connections + " before");
        }
      }
    } finally {
      removed = writes.cleanUp();
    }
    int threadsAfter = LoadGauge.threads();
    long heapAfter = LoadGauge.usedHeapAfterGc(heap + LoadGauge.HEAP_MARGIN);
    System.out.printf(
        "RepeatedResourceLoadTest writes: %d writes x %d; pool %d active before, %d after;"
            + " threads %d -> %d, heap %d MB -> %d MB; cleaned up %s%n",
        all.size(),
        CALLS,
        connections,
        LoadGauge.idleActive(pool, connections),
        threads,
        threadsAfter,
        heap >> 20,
        heapAfter >> 20,
        removed);
    assertThat(problems).isEmpty();
    assertThat(threadsAfter).isLessThanOrEqualTo(threads + LoadGauge.THREAD_MARGIN);
    assertThat(heapAfter - heap).isLessThan(LoadGauge.HEAP_MARGIN);
    assertThat(removed.get("api_token")).isEqualTo(CALLS + 1);
  }

  /** The statement gauge is not blind: a stream nobody closed shows as one more open statement. */
  @Test
  void aResultSetLeftOpenInATransactionShowsAsAnOpenStatement() {
    transactions.executeWithoutResult(
        status -> {
          Connection bound = DataSourceUtils.getConnection(dataSource);
          try {
            int before = LoadGauge.openStatements(bound);
            var leaked = jdbc.sql("SELECT 1").query(Integer.class).stream();
            assertThat(LoadGauge.openStatements(bound)).isEqualTo(before + 1);
            leaked.close();
            assertThat(LoadGauge.openStatements(bound)).isEqualTo(before);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          } finally {
            DataSourceUtils.releaseConnection(bound, dataSource);
            status.setRollbackOnly();
          }
        });
  }

  /** threads before and after, heap before and after, open statements before and after. */
  private final long[] gauges = new long[6];

  private void load(
      ScopeCalls calls,
      List<Target> targets,
      List<String> problems,
      Map<String, String> notOk,
      int[] loaded)
      throws Exception {
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    Connection bound = DataSourceUtils.getConnection(dataSource);
    List<String> readers = new ArrayList<>();
    // warm up once, choosing the first reader that is given the resource
    for (Target t : targets) {
      String chosen = t.readers().get(0);
      for (String reader : t.readers()) {
        if (calls.call(t.op(), t.values(), Map.of(), reader).getStatus() / 100 == 2) {
          chosen = reader;
          break;
        }
      }
      readers.add(chosen);
    }
    int connections = LoadGauge.idleActive(pool, 1);
    int statements = LoadGauge.openStatements(bound);
    gauges[0] = LoadGauge.threads();
    gauges[2] = LoadGauge.usedHeapAfterGc(Long.MAX_VALUE);
    gauges[4] = statements;
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      int n = LoadGauge.heavy(t.op().path()) ? HEAVY_CALLS : CALLS;
      TreeSet<Integer> statuses = new TreeSet<>();
      long t0 = System.nanoTime();
      String what = t.op().key() + " " + t.values() + " as " + readers.get(i);
      for (int k = 0; k < n; k++) {
        statuses.add(calls.call(t.op(), t.values(), Map.of(), readers.get(i)).getStatus());
        if (k == 2 && n == CALLS && (System.nanoTime() - t0) / 3_000_000 > SLOW_MILLIS) {
          n = SLOW_CALLS;
          slow.add(t.op().key());
        }
      }
      loaded[0] += n;
      millis.put(what, (System.nanoTime() - t0) / 1_000_000);
      if (statuses.stream().anyMatch(s -> s >= 500)) {
        problems.add(what + ": " + statuses);
      }
      if (statuses.stream().anyMatch(s -> s / 100 != 2)) {
        notOk.put(what, statuses.toString());
      }
      int open = LoadGauge.openStatements(bound);
      if (open > statements) {
        problems.add(what + ": " + (open - statements) + " statements left open");
        statements = open;
      }
      int active = LoadGauge.idleActive(pool, connections);
      if (active > connections || pool.getThreadsAwaitingConnection() > 0) {
        problems.add(what + ": " + active + " active connections, " + connections + " before");
      }
    }
    gauges[1] = LoadGauge.threads();
    gauges[3] = LoadGauge.usedHeapAfterGc(gauges[2] + LoadGauge.HEAP_MARGIN);
    gauges[5] = LoadGauge.openStatements(bound);
    DataSourceUtils.releaseConnection(bound, dataSource);
    if (gauges[1] > gauges[0] + LoadGauge.THREAD_MARGIN) {
      problems.add("live threads " + gauges[0] + " -> " + gauges[1]);
    }
    if (gauges[3] - gauges[2] >= LoadGauge.HEAP_MARGIN) {
      problems.add("used heap after GC " + (gauges[2] >> 20) + " -> " + (gauges[3] >> 20) + " MB");
    }
  }
}
