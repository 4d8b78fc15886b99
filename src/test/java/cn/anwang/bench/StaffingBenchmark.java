package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.area.Grids;
import cn.anwang.registry.GridObjectLoads;
import cn.anwang.workforce.officer.Coverage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Staffing figures at Tianjin scale, end to end over HTTP: starts the application (embedded
 * PostgreSQL in a temporary directory, demo off), writes 3–6 grids for every village of the real
 * division tree (about 21,000), 300,000 covered objects spread over them with mixed risk levels,
 * about 10,000 officers (street officers per street around the norms, a village officer in most
 * villages) each with a valid pre-post certificate, and assignments covering about 97% of the grids
 * — all with a few set-based SQL statements. Then, as the city administrator over HTTP, times the
 * city-wide compliance ({@code GET /api/v1/staffing?division=12}) and workload ({@code GET
 * /api/v1/staffing/workload?division=12}) over several rounds, and the rebalancing proposal of the
 * street whose grid count is nearest 100 ({@code POST /api/v1/staffing/rebalance}).
 *
 * <p>{@code mvn -q -Pbench test-compile exec:exec -Dbench.main=cn.anwang.bench.StaffingBenchmark}
 * (optionally {@code BENCH_OBJECTS=300000 BENCH_ROUNDS=15} in the environment).
 */
public final class StaffingBenchmark {

  private static final String ADMIN_PASSWORD = "bench-admin-password";
  private static final int OBJECTS = setting("BENCH_OBJECTS", 300_000);
  private static final int ROUNDS = setting("BENCH_ROUNDS", 15);
  private static final int WARMUP = 3;

  private StaffingBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Files.createTempDirectory("anwang-staffing-bench");
    long t0 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=false",
                "--anwang.admin-password=" + ADMIN_PASSWORD,
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--logging.level.root=WARN");
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t0));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      long t1 = System.nanoTime();
      SyntheticWorkforceCity.write(jdbc, OBJECTS, true);
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d grids, %,d objects, %,d officers (%,d active street, %,d village),"
              + " %,d current assignments, %,d grids uncovered, in %.1f s%n",
          count(jdbc, "SELECT count(*) FROM grid"),
          count(jdbc, "SELECT count(*) FROM supervised_object"),
          count(jdbc, "SELECT count(*) FROM officer"),
          count(jdbc, "SELECT count(*) FROM officer WHERE tier = 'STREET'"),
          count(jdbc, "SELECT count(*) FROM officer WHERE tier = 'VILLAGE'"),
          count(jdbc, "SELECT count(*) FROM officer_assignment WHERE ends_on IS NULL"),
          count(
              jdbc,
              "SELECT count(*) FROM grid g WHERE NOT EXISTS (SELECT 1 FROM officer_assignment a"
                  + " WHERE a.grid_code = g.code AND a.ends_on IS NULL)"),
          seconds(t1));
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      run(port, jdbc, app.getBean(ObjectMapper.class));
      breakdown(app);
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ------------------------------------------------------------------ data

  // ------------------------------------------------------------------ timing

  private static void run(int port, JdbcTemplate jdbc, ObjectMapper json) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    String base = "http://localhost:" + port;

    long baseline = HeapSampler.usedAfterGc(3);
    List<Double> compliance = new ArrayList<>();
    List<Double> workload = new ArrayList<>();
    List<Double> both = new ArrayList<>();
    JsonNode lastCompliance = null;
    JsonNode lastWorkload = null;
    long peak;
    try (HeapSampler sampler = HeapSampler.start(5)) {
      for (int r = 0; r < WARMUP + ROUNDS; r++) {
        long a = System.nanoTime();
        lastCompliance = get(http, json, base + "/api/v1/staffing?division=12", auth);
        long b = System.nanoTime();
        lastWorkload = get(http, json, base + "/api/v1/staffing/workload?division=12", auth);
        long c = System.nanoTime();
        if (r >= WARMUP) {
          compliance.add((b - a) / 1e6);
          workload.add((c - b) / 1e6);
          both.add((c - a) / 1e6);
        }
      }
      peak = sampler.stop();
    }
    JsonNode total = lastCompliance.get("total");
    System.out.printf(
        Locale.ROOT,
        "City-wide compliance: %d streets, %d below norm, shortfall %d, %d heavy villages"
            + " without officer, %,d of %,d grids uncovered%n",
        total.get("streets").asInt(),
        total.get("streetsBelow").asInt(),
        total.get("shortfall").asInt(),
        total.get("heavyVillagesWithoutOfficer").asInt(),
        total.get("uncoveredGrids").asInt(),
        total.get("grids").asInt());
    JsonNode wt = lastWorkload.get("total");
    System.out.printf(
        Locale.ROOT,
        "City-wide workload: %,d active officers, mean load %.1f, max %.1f, %d over, %d under%n",
        wt.get("officers").asInt(),
        wt.get("mean").asDouble(),
        wt.get("max").asDouble(),
        wt.get("over").asInt(),
        wt.get("under").asInt());
    System.out.printf(
        Locale.ROOT, "%nHTTP, city administrator, %d rounds after %d warm-up:%n", ROUNDS, WARMUP);
    report("GET /api/v1/staffing?division=12", compliance);
    report("GET /api/v1/staffing/workload?division=12", workload);
    report("both (the dashboard's figures)", both);
    System.out.printf(
        Locale.ROOT,
        "Heap (-Xmx2g, application and client in one JVM): %,d MB used after GC before,"
            + " peak %,d MB during the rounds%n",
        baseline >> 20,
        peak >> 20);

    // rebalancing: the street whose grid count is nearest 100
    Map<String, Object> street =
        jdbc.queryForMap(
            "SELECT substr(division_code, 1, 9) AS street, count(*) AS grids FROM grid"
                + " GROUP BY 1 ORDER BY abs(count(*) - 100), 1 LIMIT 1");
    String code = (String) street.get("street");
    long officers =
        count(
            jdbc,
            "SELECT count(*) FROM officer WHERE status = 'ACTIVE' AND division_code LIKE '"
                + code
                + "%'");
    List<Double> rebalance = new ArrayList<>();
    JsonNode proposal = null;
    for (int r = 0; r < WARMUP + 10; r++) {
      long a = System.nanoTime();
      proposal = post(http, json, base + "/api/v1/staffing/rebalance?street=" + code, auth);
      if (r >= WARMUP) {
        rebalance.add((System.nanoTime() - a) / 1e6);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nRebalancing proposal for street %s (%d grids, %d active officers): %d moves, spread"
            + " (max − min) %.1f → %.1f, std dev %.1f → %.1f%n",
        code,
        ((Number) street.get("grids")).intValue(),
        officers,
        proposal.get("moves").size(),
        proposal.get("spreadBefore").asDouble(),
        proposal.get("spreadAfter").asDouble(),
        proposal.get("stddevBefore").asDouble(),
        proposal.get("stddevAfter").asDouble());
    report("POST /api/v1/staffing/rebalance (compute + store)", rebalance);
  }

  /** The parts of the two city-wide computations, timed in process (5 rounds, median). */
  private static void breakdown(ConfigurableApplicationContext app) {
    GridObjectLoads loads = app.getBean(GridObjectLoads.class);
    Grids grids = app.getBean(Grids.class);
    Coverage coverage = app.getBean(Coverage.class);
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    System.out.printf(Locale.ROOT, "%nParts (in process, median of 5):%n");
    part("GridObjectLoads.byGrid(12) (workload)", () -> loads.byGrid("12").size());
    part("GridObjectLoads.byVillage(12) (compliance)", () -> loads.byVillage("12").size());
    part("Grids.in(12) (compliance)", () -> grids.in("12").size());
    part(
        "Coverage.coveredGridCodes(12) (compliance)", () -> coverage.coveredGridCodes("12").size());
    part(
        "current assignments of active officers (workload)",
        () ->
            jdbc.queryForList(
                    "SELECT a.id, a.officer_id, a.grid_code, a.grid_division_code"
                        + " FROM officer_assignment a JOIN officer o ON o.id = a.officer_id"
                        + " WHERE a.grid_division_code LIKE '12%' AND a.ends_on IS NULL"
                        + " AND a.starts_on <= current_date AND o.status = 'ACTIVE'")
                .size());
  }

  private static void part(String what, java.util.function.IntSupplier work) {
    List<Double> millis = new ArrayList<>();
    int rows = 0;
    for (int i = 0; i < 6; i++) {
      long a = System.nanoTime();
      rows = work.getAsInt();
      if (i > 0) {
        millis.add((System.nanoTime() - a) / 1e6);
      }
    }
    Collections.sort(millis);
    System.out.printf(
        Locale.ROOT, "  %-52s %7.1f ms (%,d rows)%n", what, millis.get(millis.size() / 2), rows);
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

  private static JsonNode post(HttpClient http, ObjectMapper json, String url, String auth)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", auth)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body());
  }

  private static void report(String what, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "  %-50s min %7.1f ms, median %7.1f ms, max %7.1f ms%n",
        what,
        sorted.get(0),
        sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1));
  }

  private static int setting(String name, int otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.strip());
  }

  private static long count(JdbcTemplate jdbc, String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
