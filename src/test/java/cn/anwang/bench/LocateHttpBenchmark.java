package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.area.GridLocator;
import cn.anwang.area.GridsChanged;
import cn.anwang.area.demo.SyntheticArea;
import cn.anwang.shared.geo.GeodesicArea;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The batch API end to end: starts the application (embedded PostgreSQL in a temporary directory,
 * demo off), writes the synthetic Tianjin's 20,000+ grids to the database, lets the index rebuild,
 * then times {@code POST /api/v1/locate} with 10,000 points over real HTTP on the loopback
 * interface, with HTTP Basic, JSON both ways and the scope filter: the whole request as a client
 * sees it.
 */
public final class LocateHttpBenchmark {

  private static final String PASSWORD = "bench-admin-password";
  private static final int POINTS = 10_000;
  private static final int WARMUP = 20;
  private static final int RUNS = 30;

  private LocateHttpBenchmark() {}

  public static void main(String[] args) throws Exception {
    long t0 = System.nanoTime();
    TianjinSyntheticCity city = new TianjinSyntheticCity(20261129L, 3, 6);
    System.out.printf(
        Locale.ROOT, "Synthesised %,d grids in %.1f s%n", city.grids.size(), seconds(t0));
    Path data = Files.createTempDirectory("anwang-locate-bench");
    long t1 = System.nanoTime();
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=false",
                "--anwang.admin-password=" + PASSWORD,
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--logging.level.root=WARN");
    try {
      System.out.printf(Locale.ROOT, "Application started in %.1f s%n", seconds(t1));
      long t2 = System.nanoTime();
      insert(app, city.grids);
      GridLocator locator = app.getBean(GridLocator.class);
      System.out.printf(
          Locale.ROOT,
          "Wrote %,d grids and rebuilt the index (version %d) in %.1f s%n",
          city.grids.size(),
          locator.indexVersion(),
          seconds(t2));
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      run(port, city, locator, app.getBean(ObjectMapper.class));
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(
      int port, TianjinSyntheticCity city, GridLocator locator, ObjectMapper json)
      throws Exception {
    double[] points = LocateBenchmark.insideGrids(city, POINTS, new Random(7));
    StringBuilder body = new StringBuilder(POINTS * 40).append("{\"crs\":\"wgs84\",\"points\":[");
    for (int i = 0; i < POINTS; i++) {
      body.append(i == 0 ? "[" : ",[")
          .append(points[2 * i])
          .append(',')
          .append(points[2 * i + 1])
          .append(']');
    }
    body.append("]}");
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/locate"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();

    // check the answers once, against the in-process index
    HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (first.statusCode() != 200) {
      throw new AssertionError("HTTP " + first.statusCode() + ": " + first.body());
    }
    JsonNode results = new ObjectMapper().readTree(first.body()).get("results");
    for (int i = 0; i < POINTS; i++) {
      String expected =
          locator.locate(points[2 * i], points[2 * i + 1]).orElseThrow().grid().code();
      String actual = results.get(i).get("grid").get("code").asText();
      if (!expected.equals(actual)) {
        throw new AssertionError("MISMATCH at point " + i + ": " + actual + " vs " + expected);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Request: %,d points, %,d bytes; response %,d bytes; all %,d answers checked%n",
        POINTS,
        body.length(),
        first.body().length(),
        POINTS);

    for (int i = 0; i < WARMUP; i++) {
      client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      ms[i] = (System.nanoTime() - t) / 1e6;
      if (response.statusCode() != 200) {
        throw new AssertionError("HTTP " + response.statusCode());
      }
    }
    report("POST /api/v1/locate with 10,000 points over HTTP (HTTP Basic)", ms);

    // what one authenticated request costs by itself: HTTP Basic checks the password hash
    // (an adaptive hash, deliberately slow) on every stateless API request
    double[] p = {points[0], points[1]};
    HttpRequest single =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/locate?lon=" + p[0] + "&lat=" + p[1]))
            .header("Authorization", request.headers().firstValue("Authorization").orElseThrow())
            .GET()
            .build();
    double[] singleMs = new double[RUNS];
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long t = System.nanoTime();
      HttpResponse<String> response = client.send(single, HttpResponse.BodyHandlers.ofString());
      if (i >= WARMUP) {
        singleMs[i - WARMUP] = (System.nanoTime() - t) / 1e6;
      }
      if (response.statusCode() != 200) {
        throw new AssertionError("HTTP " + response.statusCode());
      }
    }
    report("GET /api/v1/locate with one point over HTTP (HTTP Basic)", singleMs);

    // the same work in process, without HTTP and authentication: parse the request JSON,
    // locate every point, write the response JSON with the application's ObjectMapper
    String text = body.toString();
    double[] inProcess = new double[RUNS];
    for (int i = 0; i < WARMUP + RUNS; i++) {
      long t = System.nanoTime();
      JsonNode array = json.readTree(text).get("points");
      List<Object> out = new ArrayList<>(array.size());
      for (JsonNode point : array) {
        out.add(locator.locate(point.get(0).asDouble(), point.get(1).asDouble()).orElse(null));
      }
      String response = json.writeValueAsString(java.util.Map.of("results", out));
      if (i >= WARMUP) {
        inProcess[i - WARMUP] = (System.nanoTime() - t) / 1e6;
      }
      if (response.length() < POINTS) {
        throw new AssertionError("short response");
      }
    }
    report("the batch in process: JSON in, 10,000 locates, JSON out (no HTTP, no auth)", inProcess);
  }

  private static void report(String what, double[] ms) {
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%s, %d timed after %d warm-up: median %.1f ms, min %.1f ms, p90 %.1f ms, max %.1f ms%n",
        what,
        ms.length,
        WARMUP,
        ms[ms.length / 2],
        ms[0],
        ms[(int) (ms.length * 0.9)],
        ms[ms.length - 1]);
  }

  static void insert(ConfigurableApplicationContext app, List<SyntheticArea.Grid> grids) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    TransactionTemplate tx = app.getBean(TransactionTemplate.class);
    ApplicationEventPublisher events = app;
    WKBWriter wkb = new WKBWriter();
    List<Object[]> rows = new ArrayList<>(grids.size());
    for (SyntheticArea.Grid g : grids) {
      Envelope e = g.geometry().getEnvelopeInternal();
      rows.add(
          new Object[] {
            g.code(),
            g.name(),
            g.divisionCode(),
            g.divisionCode().substring(0, 6),
            g.type(),
            wkb.write(g.geometry()),
            GeodesicArea.squareMetres(g.geometry()),
            e.getMinX(),
            e.getMinY(),
            e.getMaxX(),
            e.getMaxY()
          });
    }
    tx.executeWithoutResult(
        s -> {
          jdbc.batchUpdate(
              "INSERT INTO grid (code, name, division_code, district_code, type, geometry_wkb,"
                  + " area_m2, min_lon, min_lat, max_lon, max_lat, synthetic)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)",
              rows);
          jdbc.update("UPDATE grid_index_version SET version = version + 1 WHERE id = 1");
          events.publishEvent(new GridsChanged("benchmark"));
        });
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
