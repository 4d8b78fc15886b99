package cn.anwang.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL per JVM and data directory. Survives a previous {@code kill -9}: a
 * postmaster left running by a killed JVM is detected from its {@code postmaster.pid} and shut down
 * cleanly before the new one starts, so no data is lost and the port is released.
 */
final class EmbeddedPostgresServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final Duration STALE_SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private static EmbeddedPostgres running;
  private static Path runningDirectory;

  private EmbeddedPostgresServer() {}

  /** Starts the server for this data directory, or returns the one this JVM already runs. */
  static synchronized EmbeddedPostgres start(EmbeddedDatabaseProperties properties) {
    Path directory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
    if (running != null) {
      if (directory.equals(runningDirectory)) {
        return running;
      }
      throw new IllegalStateException(
          "An embedded PostgreSQL already runs in this JVM on " + runningDirectory);
    }
    running = open(properties);
    runningDirectory = directory;
    return running;
  }

  /**
   * Starts a server on the configured data directory, first stopping one that a killed JVM left
   * behind. Not shared: the caller closes it.
   */
  static EmbeddedPostgres open(EmbeddedDatabaseProperties properties) {
    Path directory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
    try {
      Files.createDirectories(directory);
      if (!properties.clean()) {
        stopStalePostmaster(directory);
      }
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(properties.clean())
              .setPort(properties.port())
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "128MB")
              .setLocaleConfig("locale", "C.UTF-8");
      properties.settings().forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "Embedded PostgreSQL is running on port {} with data in {}",
          postgres.getPort(),
          directory);
      return postgres;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Could not start the embedded PostgreSQL in "
              + directory
              + ". If this machine does not allow it (for example running as root without"
              + " 'unshare -U'), configure an external PostgreSQL with spring.datasource.url.",
          e);
    }
  }

  /**
   * A JVM killed with {@code kill -9} leaves its postmaster running, holding the data directory.
   * Shut it down with SIGTERM (PostgreSQL's smart shutdown: it has no clients left) and wait.
   */
  static void stopStalePostmaster(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty() || !isPostgres(process.get())) {
      log.info("Found a stale postmaster.pid (process {} is gone); PostgreSQL will recover", pid);
      return;
    }
    log.warn(
        "A PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it", pid, directory);
    ProcessHandle handle = process.get();
    handle.destroy();
    try {
      handle.onExit().get(STALE_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "The PostgreSQL left by an earlier run (pid " + pid + ") did not stop in time", e);
    }
    log.info("Stopped the PostgreSQL left by an earlier run");
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
  }
}
