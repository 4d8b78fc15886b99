package cn.anwang.ops;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Two application servers as child JVMs (the test JVM's class path, {@code AnwangApplication}) on
 * one external database, and Debian's HAProxy in front of them: round robin, a health check on
 * {@code /actuator/health} every 500 ms, a stats page. Everything lives in a temporary directory
 * (configuration, logs) that {@link #close()} removes after killing the processes.
 */
final class ProxiedServers implements AutoCloseable {

  /** One child server. */
  record Server(String name, int port, Process process, Path log) {}

  private static final List<Path> HAPROXY = List.of(Path.of("/usr/sbin/haproxy"));

  final Path directory;
  final Map<String, Server> servers = new LinkedHashMap<>();
  final int proxyPort;
  final int statsPort;
  private Process haproxy;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private ProxiedServers(Path directory) throws IOException {
    this.directory = directory;
    this.proxyPort = freePort();
    this.statsPort = freePort();
  }

  /**
   * HAProxy's binary; skips the test where it is missing, or fails it when {@code
   * ANWANG_BROWSER_TESTS_REQUIRED} is set (CI installs it in {@code .ci/run}).
   */
  static Path haproxy() {
    Path found =
        Stream.concat(
                HAPROXY.stream(),
                Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                    .filter(d -> !d.isBlank())
                    .map(d -> Path.of(d, "haproxy")))
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);
    if (found == null && System.getenv("ANWANG_BROWSER_TESTS_REQUIRED") != null) {
      throw new IllegalStateException(
          "Tests with OS tools are required but haproxy is missing (apt-get install haproxy)");
    }
    Assumptions.assumeTrue(found != null, "HAProxy is not installed (apt-get install haproxy)");
    return found;
  }

  /**
   * Starts the servers named (in parallel, each with the common arguments and its own name and
   * port), waits until each answers its health check, then starts HAProxy and waits until it sees
   * them all up.
   */
  static ProxiedServers start(List<String> names, List<String> commonArguments) throws Exception {
    Path haproxy = haproxy();
    ProxiedServers cluster = new ProxiedServers(Files.createTempDirectory("anwang-proxied"));
    long started = System.nanoTime();
    try {
      for (String name : names) {
        cluster.startServer(name, commonArguments);
      }
      for (Server server : cluster.servers.values()) {
        cluster.awaitHealthy(server, Duration.ofSeconds(120));
      }
      cluster.startProxy(haproxy);
      for (String name : names) {
        cluster.awaitStatus(name, "UP", Duration.ofSeconds(20));
      }
      System.out.printf(
          "ProxiedServers %s up behind HAProxy after %.1f s%n",
          names, (System.nanoTime() - started) / 1e9);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void startServer(String name, List<String> commonArguments) throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // small and quick to start: two of them share the machine with the test JVM
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.add("cn.anwang.AnwangApplication");
    command.addAll(commonArguments);
    command.add("--server.port=" + port);
    command.add("--anwang.node-name=" + name);
    command.add("--anwang.casework.reminders.server-name=node-" + name);
    command.add("--db-scheduler.scheduler-name=node-" + name);
    command.add("--spring.datasource.hikari.data-source-properties.ApplicationName=anwang-" + name);
    Path log = directory.resolve("server-" + name + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    servers.put(name, new Server(name, port, process, log));
  }

  private void startProxy(Path binary) throws IOException {
    StringBuilder backends = new StringBuilder();
    for (Server server : servers.values()) {
      backends.append("  server %s 127.0.0.1:%d check\n".formatted(server.name(), server.port()));
    }
    // the same template as scripts/two-servers.sh (the test runs in the project's directory)
    String config =
        Files.readString(Path.of("scripts", "haproxy.cfg.in"))
            .replace("@PROXY_ADDRESS@", "127.0.0.1:" + proxyPort)
            .replace("@STATS_ADDRESS@", "127.0.0.1:" + statsPort)
            .replace("@SERVERS@", backends.toString());
    Path file = directory.resolve("haproxy.cfg");
    Files.writeString(file, config);
    haproxy =
        new ProcessBuilder(binary.toString(), "-f", file.toString(), "-db")
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("haproxy.log").toFile())
            .start();
  }

  String proxyUrl() {
    return "http://127.0.0.1:" + proxyPort;
  }

  String directUrl(String name) {
    return "http://127.0.0.1:" + servers.get(name).port();
  }

  /** kill -9: {@link Process#destroyForcibly()} sends SIGKILL on Linux. */
  void kill(String name) throws InterruptedException {
    Process process = servers.get(name).process();
    process.destroyForcibly();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      throw new AssertionError("server " + name + " did not die");
    }
  }

  /** Each server's status as HAProxy's stats CSV says (UP, DOWN, "UP 1/2", …). */
  Map<String, String> statuses() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    List<String> lines = response.body().lines().toList();
    List<String> header = Arrays.asList(lines.get(0).replaceFirst("^# ", "").split(","));
    int proxy = header.indexOf("pxname");
    int server = header.indexOf("svname");
    int status = header.indexOf("status");
    Map<String, String> statuses = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (cells.length > status
          && cells[proxy].equals("anwang")
          && servers.containsKey(cells[server])) {
        statuses.put(cells[server], cells[status]);
      }
    }
    return statuses;
  }

  void awaitStatus(String name, String status, Duration timeout) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    String seen = null;
    while (System.nanoTime() < until) {
      if (!haproxy.isAlive()) {
        throw new AssertionError("HAProxy exited\n" + tail("haproxy.log"));
      }
      try {
        seen = statuses().get(name);
      } catch (IOException e) {
        seen = "(stats not answering: " + e + ")";
      }
      if (status.equals(seen)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "HAProxy shows " + name + " as " + seen + ", not " + status + "\n" + tail("haproxy.log"));
  }

  private void awaitHealthy(Server server, Duration timeout) throws Exception {
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!server.process().isAlive()) {
        throw new AssertionError(
            "server " + server.name() + " exited\n" + tail(server.log().getFileName().toString()));
      }
      try {
        HttpResponse<Void> health =
            http.send(
                HttpRequest.newBuilder(URI.create(directUrl(server.name()) + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "server "
            + server.name()
            + " not healthy in time\n"
            + tail(server.log().getFileName().toString()));
  }

  /** The last lines of a log in the directory, for failure messages. */
  String tail(String file) {
    try {
      List<String> lines = Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no " + file + ")";
    }
  }

  @Override
  public void close() throws IOException {
    List<Process> processes = new ArrayList<>();
    if (haproxy != null) {
      processes.add(haproxy);
    }
    servers.values().forEach(s -> processes.add(s.process()));
    for (Process process : processes) {
      process.destroyForcibly();
    }
    for (Process process : processes) {
      try {
        process.waitFor(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
