package cn.anwang.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Plays an application that is about to be killed: starts the embedded server on the given data
 * directory, commits a row, says READY, and waits to be killed with SIGKILL.
 */
public final class KilledApplicationChild {

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres postgres =
        EmbeddedPostgresServer.open(new EmbeddedDatabaseProperties(args[0], false, 0, "postgres"));
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS survivor (note text)");
      statement.execute("INSERT INTO survivor VALUES ('" + args[1] + "')");
    }
    System.out.println("READY " + postgres.getPort());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
