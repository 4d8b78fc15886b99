package cn.anwang.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What PostgreSQL ran during a measurement, per operation, from {@code pg_stat_statements}: on when
 * the benchmark runs with {@code BENCH_STATEMENTS=true} (the extension is preloaded by the embedded
 * server's {@code settings}). Off by default: the statistics cost a little themselves.
 */
final class StatementStats {

  static final boolean ON = Boolean.parseBoolean(System.getenv("BENCH_STATEMENTS"));

  private StatementStats() {}

  /** The application argument that preloads the extension, or nothing. */
  static List<String> arguments() {
    return ON
        ? List.of("--anwang.embedded-database.settings.shared_preload_libraries=pg_stat_statements")
        : List.of();
  }

  static void reset(JdbcTemplate jdbc) {
    if (ON) {
      jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
      jdbc.queryForList("SELECT pg_stat_statements_reset()");
    }
  }

  /** The statements that took most of the server's time, per operation. */
  static void report(JdbcTemplate jdbc, long operations, String what) {
    if (!ON || operations == 0) {
      return;
    }
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)"
                + " AS q FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                + " WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 20");
    double all =
        jdbc.queryForObject(
            "SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements", Double.class);
    long calls =
        jdbc.queryForObject("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements", Long.class);
    System.out.printf(
        Locale.ROOT,
        "  statements per %s: %.1f, execution %.3f ms; the top ones (calls per %s, ms per %s):%n",
        what,
        (double) calls / operations,
        all / operations,
        what,
        what);
    for (Map<String, Object> r : rows) {
      System.out.printf(
          Locale.ROOT,
          "    %5.2f  %6.3f  %s%n",
          ((Number) r.get("calls")).doubleValue() / operations,
          ((Number) r.get("total_exec_time")).doubleValue() / operations,
          r.get("q"));
    }
  }
}
