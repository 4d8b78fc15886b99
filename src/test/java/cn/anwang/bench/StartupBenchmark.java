package cn.anwang.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the time from launching the executable jar to {@code /actuator/health} answering UP on
 * the embedded PostgreSQL: a cold start (empty data directory: initdb, migrations, the Tianjin
 * tree, demo data) and warm starts on the same data, plus the heap in use once healthy.
 *
 * <p>Run: {@code mvn -q -DskipTests package && mvn -q -Pbench-startup test-compile exec:java} (see
 * docs/benchmarks.md).
 */
public final class StartupBenchmark {

  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final String PASSWORD = "bench-admin-password";

  public static void main(String[] args) throws Exception {
    Path jar = findJar();
    Path data = Files.createTempDirectory("anwang-startup-bench");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.out.printf("jar: %s%ndata: %s%n", jar, data);
    try {
      for (int run = 1; run <= runs; run++) {
        measure(
            jar, data, run == 1 ? "cold (empty data directory, demo mode)" : "warm (same data)");
      }
    } finally {
      deleteRecursively(data);
    }
  }

  private static void measure(Path jar, Path data, String label) throws Exception {
    int port = 18080 + (int) (Math.random() * 1000);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--anwang.demo=true",
                "--anwang.embedded-database.data-directory=" + data.resolve("postgres"),
                "--logging.level.root=WARN")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("app.log").toFile());
    builder.environment().put("ANWANG_ADMIN_PASSWORD", PASSWORD);
    long started = System.nanoTime();
    Process app = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
      while (true) {
        if (!app.isAlive()) {
          throw new IllegalStateException(
              "The application exited: " + Files.readString(data.resolve("app.log")));
        }
        if (System.nanoTime() - started > LIMIT.toNanos()) {
          throw new IllegalStateException("Not healthy within " + LIMIT);
        }
        try {
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
            break;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      String heap = heapUsed(http, port);
      System.out.printf("%-40s start to healthy: %6.2f s   heap used: %s%n", label, seconds, heap);
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private static String heapUsed(HttpClient http, int port) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
            .header("Authorization", "Basic " + auth)
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      return "n/a (" + response.statusCode() + ")";
    }
    String body = response.body();
    int at = body.indexOf("\"value\":");
    double bytes = Double.parseDouble(body.substring(at + 8, body.indexOf('}', at)).trim());
    return String.format("%.0f MB", bytes / 1024 / 1024);
  }

  private static Path findJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      List<Path> jars =
          files
              .filter(p -> p.getFileName().toString().matches("anwang-.*\\.jar"))
              .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
              .toList();
      if (jars.isEmpty()) {
        throw new IllegalStateException("Build the jar first: mvn -q -DskipTests package");
      }
      return jars.get(0);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
