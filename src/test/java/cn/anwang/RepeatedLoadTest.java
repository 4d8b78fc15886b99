package cn.anwang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
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
import org.springframework.web.context.WebApplicationContext;
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
    int connections = LoadGauge.idleActive(pool, 0);
    int threads = LoadGauge.threads();
    long heap = LoadGauge.usedHeapAfterGc(Long.MAX_VALUE);

    List<String> called = new ArrayList<>();
    List<String> reduced = new ArrayList<>();
    for (String path : paths) {
      int calls = LoadGauge.heavy(path) ? HEAVY_CALLS : CALLS;
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
      assertThat(LoadGauge.idleActive(pool, connections))
          .as("active connections after %d calls of %s", calls, path)
          .isLessThanOrEqualTo(connections);
      assertThat(pool.getThreadsAwaitingConnection())
          .as("threads awaiting a connection after %s", path)
          .isZero();
    }
    int threadsAfter = LoadGauge.threads();
    long heapAfter = LoadGauge.usedHeapAfterGc(heap + LoadGauge.HEAP_MARGIN);
    long seconds = (System.nanoTime() - started) / 1_000_000_000;

    System.out.printf(
        "RepeatedLoadTest: %d GET mappings, %d parameterless, %d called (%d at %d calls as"
            + " heavy downloads, %d reduced to %d as slow: %s), %d skipped, %d s;"
            + " threads %d -> %d, heap %d MB -> %d MB%n",
        paths.size() + skipped.size(),
        parameterless,
        called.size(),
        paths.stream().filter(LoadGauge::heavy).count(),
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
        .isLessThanOrEqualTo(threads + LoadGauge.THREAD_MARGIN);
    assertThat(heapAfter - heap).as("used heap growth after GC").isLessThan(LoadGauge.HEAP_MARGIN);
    assertThat(called.size() * 100).isGreaterThanOrEqualTo(parameterless * 80);
  }

  private void collect(TreeSet<String> paths, Map<String, String> skipped) {
    for (LoadGauge.Get get : LoadGauge.gets(mappings)) {
      if (get.hasVariables()) {
        skipped.put(get.pattern(), "path variables");
      } else if (get.stream()) {
        skipped.put(get.pattern(), "stream");
      } else {
        paths.add(get.pattern() + get.query());
      }
    }
  }

  private static int countNot(Map<String, String> skipped, String reason) {
    return (int) skipped.values().stream().filter(r -> !r.equals(reason)).count();
  }
}
