package cn.anwang.shared.db;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL server that runs when no {@code spring.datasource.url} is
 * configured.
 *
 * @param dataDirectory where the cluster lives; persistent across restarts unless {@code clean}
 * @param clean whether to start from an empty cluster and delete it on shutdown (tests)
 * @param port fixed port, or 0 for a free one
 * @param databaseName the database inside the cluster, created when missing (tests use a second one
 *     to run a differently configured application beside the main one)
 * @param settings further server settings ({@code postgresql.conf} names), applied after the
 *     built-in ones (for example {@code shared_preload_libraries: pg_stat_statements} for a
 *     benchmark's statement statistics)
 */
@Validated
@ConfigurationProperties("anwang.embedded-database")
public record EmbeddedDatabaseProperties(
    @DefaultValue("./data/postgres") @NotBlank String dataDirectory,
    @DefaultValue("false") boolean clean,
    @DefaultValue("0") int port,
    @DefaultValue("postgres") @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]*") String databaseName,
    Map<String, String> settings) {

  @ConstructorBinding
  public EmbeddedDatabaseProperties {
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }

  public EmbeddedDatabaseProperties(
      String dataDirectory, boolean clean, int port, String databaseName) {
    this(dataDirectory, clean, port, databaseName, Map.of());
  }
}
