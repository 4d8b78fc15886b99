package cn.anwang.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's operations scripts ({@code scripts/}) as real processes against the test's
 * embedded PostgreSQL. The PostgreSQL client they need is found, or fetched once into the user's
 * cache, by {@code scripts/pg-client.sh}.
 */
final class OpsScripts {

  static final Path SCRIPTS = Path.of(System.getProperty("user.dir"), "scripts");

  /** What a script printed (stdout and stderr together) and how it ended. */
  record Run(int exitCode, String output) {}

  private OpsScripts() {}

  static Run run(String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(script + " finished").isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  /** The directory holding psql, pg_dump and pg_restore for the server's major version. */
  static Path clientFor(int major) throws IOException, InterruptedException {
    // never fetched at test time: .ci/run installs it first (scripts/pg-client.sh --install 17)
    Run found = run("pg-client.sh", Integer.toString(major));
    if (found.exitCode() != 0 && System.getenv("ANWANG_BROWSER_TESTS_REQUIRED") == null) {
      org.junit.jupiter.api.Assumptions.abort(
          "no PostgreSQL " + major + " client (scripts/pg-client.sh --install " + major + ")");
    }
    assertThat(found.exitCode())
        .as("a PostgreSQL %d client (scripts/pg-client.sh): %s", major, found.output())
        .isZero();
    String[] lines = found.output().strip().split("\n");
    return Path.of(lines[lines.length - 1]);
  }

  /** A shell pipeline, failing the test with its output when it fails. */
  static void shell(String pipeline) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", "-o", "pipefail", "-c", pipeline)
            .redirectErrorStream(true)
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("%s:%n%s", pipeline, new String(output, StandardCharsets.UTF_8))
        .isZero();
  }

  static Connection connect(int port, String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "");
  }

  /** The audit-chain query the scripts run, as one string for JDBC. */
  static String auditChainSql() throws IOException {
    return Files.readString(SCRIPTS.resolve("sql/audit-chain.sql"));
  }
}
