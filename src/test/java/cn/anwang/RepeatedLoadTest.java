package cn.anwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15, widened: every GET endpoint without path variables (pages and /api/v1), found in
 * Spring's handler mapping, is called 50 times as the city administrator (pages 10 times more as a
 * district administrator). After each endpoint the pool's active connections must be back at the
 * starting level and nobody may wait for one; at the end the live threads and the used heap must
 * not have grown beyond a small margin. Status codes do not matter here, only resources.
 */
@IntegrationTest
class RepeatedLoadTest {

  private static final int CALLS = 50;
  private static final int HEAVY_CALLS = 5;
  private static final int SLOW_CALLS = 20;
  private static final int DISTRICT_CALLS = 10;
  private static final long SLOW_MILLIS = 150;
  private static final int THREAD_MARGIN = 8;
  private static final long HEAP_MARGIN = 64L * 1024 * 1024;

  @Autowired WebApplicationContext context;
  @Autowired UserDetailsService users;
  @Autowired HikariDataSource dataSource;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyGetEndpointLoadedRepeatedlyLeavesPoolThreadsAndHeapAsTheyWere() throws Exception {
    long started = System.nanoTime();
    // our own MockMvc: the shared one keeps every response's printout in memory until the test
    // ends (Spring Boot prints it on failure), which at 7,000 requests is hundreds of megabytes
    MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    Map<String, String> skipped = new LinkedHashMap<>();
    TreeSet<String> paths = new TreeSet<>();
    collect(paths, skipped);
    int parameterless = paths.size() + countNot(skipped, "path variables");

    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    var admin = user(users.loadUserByUsername("admin"));
    var district = user(users.loadUserByUsername("heping.admin"));
    // warm up once so lazily created threads and caches count in the baseline
    for (String path : paths) {
      mvc.perform(get(path).with(admin));
    }
    int connections = idleActive(pool, 0);
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long heap = usedHeapAfterGc(Long.MAX_VALUE);

    List<String> called = new ArrayList<>();
    List<String> reduced = new ArrayList<>();
    for (String path : paths) {
      int calls = heavy(path) ? HEAVY_CALLS : CALLS;
      long t0 = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        mvc.perform(get(path).with(admin));
        if (i == 2 && calls == CALLS && (System.nanoTime() - t0) / 3_000_000 > SLOW_MILLIS) {
          calls = SLOW_CALLS;
          reduced.add(path);
        }
      }
      if (!path.startsWith("/api/")) {
        for (int i = 0; i < DISTRICT_CALLS; i++) {
          mvc.perform(get(path).with(district));
        }
      }
      called.add(path);
      assertThat(idleActive(pool, connections))
          .as("active connections after %d calls of %s", calls, path)
          .isLessThanOrEqualTo(connections);
      assertThat(pool.getThreadsAwaitingConnection())
          .as("threads awaiting a connection after %s", path)
          .isZero();
    }
    int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
    long heapAfter = usedHeapAfterGc(heap + HEAP_MARGIN);
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    System.out.printf(
        "RepeatedLoadTest: %d GET mappings, %d parameterless, %d called (%d at %d calls as"
            + " heavy downloads, %d reduced to %d as slow: %s), %d skipped, %d s;"
            + " threads %d -> %d, heap %d MB -> %d MB%n",
        paths.size() + skipped.size(),
        parameterless,
        called.size(),
        paths.stream().filter(RepeatedLoadTest::heavy).count(),
        HEAVY_CALLS,
        reduced.size(),
        SLOW_CALLS,
        reduced,
        skipped.size(),
        seconds,
        threads,
        threadsAfter,
        heap >> 20,
        heapAfter >> 20);
    skipped.forEach((p, why) -> System.out.println("  skipped " + p + ": " + why));

    assertThat(threadsAfter)
        .as("live threads after the load")
        .isLessThanOrEqualTo(threads + THREAD_MARGIN);
    assertThat(heapAfter - heap).as("used heap growth after GC").isLessThan(HEAP_MARGIN);
    assertThat(called.size() * 100).isGreaterThanOrEqualTo(parameterless * 80);
  }

  private void collect(TreeSet<String> paths, Map<String, String> skipped) {
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      var methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      String query = query(info);
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        String why = skipReason(pattern, e.getValue(), info);
        if (why != null) {
          skipped.put(pattern, why);
        } else {
          paths.add(pattern + query);
        }
      }
    }
  }

  private static String skipReason(String pattern, HandlerMethod handler, RequestMappingInfo info) {
    if (pattern.contains("{") || pattern.contains("*")) {
      return "path variables";
    }
    Class<?> type = handler.getReturnType().getParameterType();
    String name = type.getName();
    if (name.contains("SseEmitter")
        || name.contains("StreamingResponseBody")
        || name.contains("Flux")
        || info.getProducesCondition().getProducibleMediaTypes().stream()
            .anyMatch(m -> m.toString().startsWith("text/event-stream"))) {
      return "stream";
    }
    return null;
  }

  /** A mapping's required request parameters ({@code params = "format=xlsx"}) as a query. */
  private static String query(RequestMappingInfo info) {
    StringBuilder q = new StringBuilder();
    for (var expression : info.getParamsCondition().getExpressions()) {
      if (expression.isNegated()) {
        continue;
      }
      q.append(q.isEmpty() ? '?' : '&').append(expression.getName());
      q.append('=').append(expression.getValue() == null ? "1" : expression.getValue());
    }
    return q.toString();
  }

  private static boolean heavy(String path) {
    String p = path.toLowerCase();
    return p.contains("xlsx")
        || p.contains("pdf")
        || p.contains("geojson")
        || p.contains("export")
        || p.contains("download")
        || p.contains("csv");
  }

  private static int countNot(Map<String, String> skipped, String reason) {
    return (int) skipped.values().stream().filter(r -> !r.equals(reason)).count();
  }

  private static int idleActive(HikariPoolMXBean pool, int atMost) throws InterruptedException {
    int least = pool.getActiveConnections();
    for (int i = 0; i < 40 && least > atMost; i++) {
      Thread.sleep(50);
      least = Math.min(least, pool.getActiveConnections());
    }
    return least;
  }

  /** The least used heap over a few collections, stopping early once it is under {@code goal}. */
  private static long usedHeapAfterGc(long goal) throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5 && least >= goal; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
