package cn.anwang.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL and offers it as the application's {@link DataSource} when no
 * {@code spring.datasource.url} is configured. With a URL, Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
    return EmbeddedPostgresServer.start(properties);
  }

  @Bean
  HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties)
      throws SQLException {
    String database = properties.databaseName();
    createIfMissing(postgres, database);
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", database));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(20);
    dataSource.setPoolName("anwang-embedded");
    dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
    // zonky stops PostgreSQL from its own JVM shutdown hook, which runs alongside the one that
    // closes the application. Close the pool then too, so beans that still reach for the database
    // on the way down (the event publication registry) fail at once instead of waiting the whole
    // connection timeout for a server that is gone.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(dataSource::close, "anwang-embedded-database-shutdown"));
    return dataSource;
  }

  private static void createIfMissing(EmbeddedPostgres postgres, String database)
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = connection.createStatement()) {
            // the name is validated as [a-z][a-z0-9_]* by the properties
            create.execute("CREATE DATABASE " + database);
          }
        }
      }
    }
  }

  static class NoDatasourceUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
