package cn.anwang.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database after abuse: the application JVM killed with SIGKILL. */
class EmbeddedPostgresRecoveryTest {

  @Test
  void startsOnTheSameDataAfterTheApplicationWasKilled(@TempDir Path directory) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                KilledApplicationChild.class.getName(),
                directory.toString(),
                "committed before kill -9")
            .redirectErrorStream(true)
            .start();
    String ready = awaitReady(child);
    assertThat(ready).startsWith("READY");

    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0));
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
        .as("the killed JVM's postmaster is still running")
        .contains(true);

    try (EmbeddedPostgres postgres =
        EmbeddedPostgresServer.open(
            new EmbeddedDatabaseProperties(directory.toString(), false, 0, "postgres"))) {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT note FROM survivor")) {
        List<String> notes = new ArrayList<>();
        while (rows.next()) {
          notes.add(rows.getString(1));
        }
        assertThat(notes).containsExactly("committed before kill -9");
      }
    }
  }

  private static String awaitReady(Process child) throws Exception {
    BufferedReader output =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    for (String line = output.readLine(); line != null; line = output.readLine()) {
      if (line.startsWith("READY")) {
        return line;
      }
      seen.add(line);
    }
    throw new AssertionError("The child exited before it was ready:\n" + String.join("\n", seen));
  }
}
