package cn.anwang.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * PostgreSQL's own ceiling on this machine: {@code pgbench}'s built-in TPC-B-like script (five
 * statements: three updates, a select and an insert, one durable commit) against the embedded
 * server the application uses, in a database of its own, with as many clients as the case
 * benchmark. It gives the transactions per second and PostgreSQL's CPU per transaction, to compare
 * a case transition with.
 *
 * <p>The binary is {@code ANWANG_PGBENCH} if set, else the PostgreSQL client that {@code
 * scripts/pg-client.sh} installs, else a Debian {@code /usr/lib/postgresql/N/bin/pgbench}, else
 * {@code pgbench} on the path. Any pgbench from version 12 on can drive the server.
 */
final class PgBench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");
  private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

  /**
   * One run: transactions per second (without connection time), transactions done, average latency,
   * PostgreSQL's CPU over the run and pgbench's own (the client's threads).
   */
  record Result(
      double tps, long transactions, double latencyMs, long postgresNanos, long clientNanos) {

    double postgresMsEach() {
      return postgresNanos / 1e6 / transactions;
    }

    double clientMsEach() {
      return clientNanos / 1e6 / transactions;
    }
  }

  private PgBench() {}

  static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getenv("ANWANG_PGBENCH");
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    String cache = System.getenv("ANWANG_PG_CLIENT_DIR");
    Path clients =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache", "anwang", "pg-client");
    candidates.addAll(children(clients, "bin/pgbench"));
    candidates.addAll(children(Path.of("/usr/lib/postgresql"), "bin/pgbench"));
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir, "pgbench"));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  private static List<Path> children(Path dir, String relative) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().map(p -> p.resolve(relative)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Initialises a {@code pgbench} database at {@code scale} (100,000 accounts per unit) and runs
   * the TPC-B-like script with {@code clients} connections for {@code seconds}.
   */
  static Result run(
      Path binary,
      DataSource postgresDatabase,
      int port,
      Path pgData,
      int clients,
      int seconds,
      int scale)
      throws Exception {
    try (Connection c = postgresDatabase.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS pgbench");
      s.execute("CREATE DATABASE pgbench");
    }
    List<String> connect = List.of("-h", "localhost", "-p", String.valueOf(port), "-U", "postgres");
    long t = System.nanoTime();
    // server-side data generation (G) is the quickest; vacuum and primary keys as usual
    exec(binary, connect, List.of("-i", "-q", "-I", "dtGvp", "-s", String.valueOf(scale)), 900);
    System.out.printf(
        Locale.ROOT,
        "  pgbench -i -s %d: %,d accounts in %.1f s%n",
        scale,
        scale * 100_000L,
        (System.nanoTime() - t) / 1e9);
    long[] before = CpuTime.snapshot(pgData);
    long clientBefore = reapedChildrenNanos();
    String out =
        exec(
            binary,
            connect,
            List.of(
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(clients),
                "-j",
                String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "-T",
                String.valueOf(seconds)),
            seconds + 300);
    long[] after = CpuTime.snapshot(pgData);
    long clientNanos = reapedChildrenNanos() - clientBefore;
    Matcher tps = TPS.matcher(out);
    Matcher latency = LATENCY.matcher(out);
    Matcher processed = Pattern.compile("transactions actually processed: (\\d+)").matcher(out);
    if (!tps.find() || !processed.find()) {
      throw new IllegalStateException("pgbench printed no result:\n" + out);
    }
    return new Result(
        Double.parseDouble(tps.group(1)),
        Long.parseLong(processed.group(1)),
        latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
        after[1] - before[1],
        clientNanos);
  }

  /**
   * CPU of this JVM's finished and reaped child processes (cutime + cstime in {@code
   * /proc/self/stat}): after {@code waitFor}, pgbench's client time is in it.
   */
  private static long reapedChildrenNanos() {
    return CpuTime.statTicks("self", 13) * CpuTime.TICK_NANOS;
  }

  /** Drops the pgbench database so that nothing after it pays for its size. */
  static void drop(DataSource postgresDatabase) throws SQLException {
    try (Connection c = postgresDatabase.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS pgbench");
    }
  }

  private static String exec(Path binary, List<String> connect, List<String> args, int timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(connect);
    command.addAll(args);
    command.add("pgbench");
    Path log = Files.createTempFile("pgbench", ".log");
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("pgbench did not finish in " + timeout + " s");
      }
      String out = Files.readString(log, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException("pgbench failed (" + p.exitValue() + "):\n" + out);
      }
      return out;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
