package cn.anwang.bench;

import cn.anwang.AnwangApplication;
import cn.anwang.area.locate.IndexedGrid;
import cn.anwang.registry.object.ObjectCsvFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The object import at city scale, end to end: starts the application (embedded PostgreSQL in a
 * temporary directory, demo off, so the city-level departments and rules apply), writes the
 * synthetic Tianjin's 20,000+ grids, generates a CSV of 300,000 believable objects spread over all
 * 16 districts, and uploads it to {@code POST /api/v1/objects/import} over real HTTP as the city
 * administrator: every row parsed, validated (USCC, industry, location), placed in its grid, given
 * its risk level and responsible departments, checked for duplicates and written with its history.
 * Then, in the same run and on the same database, a plain {@code COPY} of the same file into a bare
 * table without indexes, the floor any import has to stand on.
 *
 * <p>Heap: sampled every 10 ms while the import runs; the application and the benchmark share the
 * JVM (-Xmx as set in the {@code bench} profile), so the figure is the whole server's heap.
 */
public final class ObjectImportBenchmark {

  private static final String PASSWORD = "bench-admin-password";

  private ObjectImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("bench.rows", 300_000);
    long t0 = System.nanoTime();
    TianjinSyntheticCity city = new TianjinSyntheticCity(20261129L, 3, 6);
    System.out.printf(
        Locale.ROOT, "Synthesised %,d grids in %.1f s%n", city.grids.size(), seconds(t0));
    Path dir = Files.createTempDirectory("anwang-import-bench");
    Path csv = dir.resolve("objects.csv");
    Path warmup = dir.resolve("warmup.csv");
    long t1 = System.nanoTime();
    long bytes = ObjectCsvFixture.write(csv, StandardCharsets.UTF_8, rows, 7, places(city, 11));
    ObjectCsvFixture.write(warmup, StandardCharsets.UTF_8, 20_000, 8, places(city, 12));
    System.out.printf(
        Locale.ROOT,
        "Generated %,d rows (%,.1f MB, UTF-8) in %.1f s%n",
        rows,
        bytes / 1048576.0,
        seconds(t1));
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AnwangApplication.class)
            .run(
                "--server.port=0",
                "--anwang.demo=false",
                "--anwang.admin-password=" + PASSWORD,
                "--anwang.embedded-database.data-directory=" + dir.resolve("postgres"),
                "--logging.level.root=WARN",
                "--logging.level.cn.anwang.registry.object.ObjectImport=INFO");
    try {
      LocateHttpBenchmark.insert(app, city.grids);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      System.out.printf(
          Locale.ROOT,
          "Grids in the database: %,d; active responsibility rules: %,d%n",
          jdbc.queryForObject("SELECT count(*) FROM grid", Long.class),
          jdbc.queryForObject("SELECT count(*) FROM org_responsibility_rule", Long.class));

      JsonNode warm = upload(port, warmup, "?dryRun=true");
      System.out.printf(
          Locale.ROOT,
          "Warm-up: dry run of %,d rows, %,d valid%n",
          warm.get("rowsRead").asLong(),
          warm.get("validRows").asLong());

      long td = System.nanoTime();
      JsonNode dry = upload(port, csv, "?dryRun=true");
      double drySeconds = seconds(td);
      System.out.printf(
          Locale.ROOT,
          "Dry run of the same file (read, validate, place, rules, duplicates; nothing written):"
              + " %,d valid rows in %.1f s = %,.0f rows/s%n",
          dry.get("validRows").asLong(),
          drySeconds,
          rows / drySeconds);

      long baseline = HeapSampler.usedAfterGc(3);
      HeapSampler sampler = HeapSampler.start(10);
      long t2 = System.nanoTime();
      JsonNode report = upload(port, csv, "");
      double importSeconds = seconds(t2);
      long peak = sampler.stop();
      long created = report.get("created").asLong();
      if (!report.get("written").asBoolean() || created != rows) {
        throw new AssertionError("import did not write every row: " + report);
      }
      long stored = jdbc.queryForObject("SELECT count(*) FROM supervised_object", Long.class);
      long inGrids =
          jdbc.queryForObject(
              "SELECT count(*) FROM supervised_object WHERE grid_code IS NOT NULL", Long.class);
      long links = jdbc.queryForObject("SELECT count(*) FROM object_department", Long.class);
      long history = jdbc.queryForObject("SELECT count(*) FROM object_history", Long.class);
      System.out.printf(
          Locale.ROOT,
          "Import: %,d rows in %.1f s = %,.0f rows/s (HTTP upload included); stored %,d objects"
              + " (%,d in a grid), %,d department links, %,d history rows%n",
          rows,
          importSeconds,
          rows / importSeconds,
          stored,
          inGrids,
          links,
          history);
      System.out.printf(
          Locale.ROOT,
          "Heap: %,.0f MB used after GC before the import; peak %,.0f MB sampled during it"
              + " (+%,.0f MB); max heap %,.0f MB%n",
          baseline / 1048576.0,
          peak / 1048576.0,
          (peak - baseline) / 1048576.0,
          HeapSampler.max() / 1048576.0);

      double copySeconds = plainCopy(app.getBean(DataSource.class), jdbc, csv);
      System.out.printf(
          Locale.ROOT,
          "Plain COPY of the same file into a bare table: %.1f s = %,.0f rows/s%n",
          copySeconds,
          rows / copySeconds);
      System.out.printf(
          Locale.ROOT, "Ratio import / plain COPY: %.1f×%n", importSeconds / copySeconds);
      double schemaSeconds = schemaCopy(app.getBean(DataSource.class), jdbc, dir);
      System.out.printf(
          Locale.ROOT,
          "COPY of the rows the import wrote into copies of its three tables with the same indexes"
              + " (no validation, no foreign keys): %.1f s; ratio import / that: %.1f×%n",
          schemaSeconds,
          importSeconds / schemaSeconds);
    } finally {
      app.close();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Points inside random grids, each with its grid's district. */
  private static ObjectCsvFixture.Places places(TianjinSyntheticCity city, long seed) {
    Random random = new Random(seed);
    GeometryFactory factory = new GeometryFactory();
    PreparedGeometry[] prepared = new PreparedGeometry[city.indexed.size()];
    return n -> {
      int g = random.nextInt(prepared.length);
      IndexedGrid grid = city.indexed.get(g);
      if (prepared[g] == null) {
        prepared[g] = PreparedGeometryFactory.prepare(grid.geometry());
      }
      Envelope e = grid.geometry().getEnvelopeInternal();
      while (true) {
        // six decimals (0.1 m), as people type them; kept only if still inside after rounding
        double x = Math.round((e.getMinX() + random.nextDouble() * e.getWidth()) * 1e6) / 1e6;
        double y = Math.round((e.getMinY() + random.nextDouble() * e.getHeight()) * 1e6) / 1e6;
        if (prepared[g].contains(factory.createPoint(new Coordinate(x, y)))) {
          var district = grid.location().district();
          return new ObjectCsvFixture.Place(district.code(), district.name(), x, y);
        }
      }
    };
  }

  private static JsonNode upload(int port, Path file, String query) throws Exception {
    String boundary = "----anwang" + System.nanoTime();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + file.getFileName()
            + "\"\r\nContent-Type: text/csv\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/objects/import" + query))
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .POST(
                HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString(tail)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return new ObjectMapper().readTree(response.body());
  }

  /** {@code COPY … FROM STDIN (FORMAT csv, HEADER)} of the file into a table without indexes. */
  private static double plainCopy(DataSource dataSource, JdbcTemplate jdbc, Path csv)
      throws Exception {
    jdbc.execute(
        "CREATE TABLE bench_plain_copy (uscc varchar(18), name varchar(200), kind varchar(40),"
            + " address varchar(300), lon double precision, lat double precision,"
            + " industry_code varchar(5), scale varchar(10), employees integer, hazards text,"
            + " contact_name varchar(100), contact_phone varchar(40), status varchar(16))");
    try (Connection connection = dataSource.getConnection()) {
      long t = System.nanoTime();
      long copied;
      try (var reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        copied =
            connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY bench_plain_copy FROM STDIN (FORMAT csv, HEADER true)", reader);
      }
      double s = seconds(t);
      if (copied <= 0) {
        throw new AssertionError("COPY wrote nothing");
      }
      return s;
    }
  }

  /**
   * The floor of writing these rows to the real schema: the objects, department links and history
   * rows the import wrote, dumped and loaded with {@code COPY} into tables made {@code LIKE} the
   * real ones {@code INCLUDING ALL} (every index, the identity, the checks; no foreign keys).
   */
  private static double schemaCopy(DataSource dataSource, JdbcTemplate jdbc, Path dir)
      throws Exception {
    double total = 0;
    for (String table : new String[] {"supervised_object", "object_department", "object_history"}) {
      Path dump = dir.resolve(table + ".copy");
      String copyTable = "bench_" + table;
      jdbc.execute("CREATE TABLE " + copyTable + " (LIKE " + table + " INCLUDING ALL)");
      try (Connection connection = dataSource.getConnection()) {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (var out = Files.newOutputStream(dump)) {
          copy.copyOut("COPY " + table + " TO STDOUT", out);
        }
        long t = System.nanoTime();
        try (var in = Files.newInputStream(dump)) {
          copy.copyIn("COPY " + copyTable + " FROM STDIN", in);
        }
        double s = seconds(t);
        total += s;
        System.out.printf(Locale.ROOT, "  COPY into %s: %.1f s%n", copyTable, s);
      }
    }
    return total;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
