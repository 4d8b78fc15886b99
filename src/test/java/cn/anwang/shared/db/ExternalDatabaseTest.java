package cn.anwang.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, Anwang starts no embedded server and runs on the database
 * it is given. The "external" server here is a PostgreSQL the test starts beside the application.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
      "anwang.demo=false",
      // the "external" server stops with the test JVM, before this context closes
      "spring.datasource.hikari.connection-timeout=1000"
    })
@ActiveProfiles("test")
class ExternalDatabaseTest {

  @DynamicPropertySource
  static void externalDatabase(DynamicPropertyRegistry registry) throws Exception {
    EmbeddedPostgres server =
        EmbeddedPostgresServer.start(
            new EmbeddedDatabaseProperties("target/test-postgres", true, 0, "postgres"));
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet exists =
            statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'external_db'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE external_db");
      }
    }
    registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "external_db"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  @Test
  void usesTheConfiguredDatabaseAndStartsNoEmbeddedServer() throws Exception {
    assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getCatalog()).isEqualTo("external_db");
    }
  }

  @Test
  void migratesAndLoadsTheTianjinTreeIntoIt() {
    assertThat(jdbc.sql("SELECT count(*) FROM division").query(Long.class).single())
        .isEqualTo(5933L);
    assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list())
        .containsExactly("admin");
  }
}
