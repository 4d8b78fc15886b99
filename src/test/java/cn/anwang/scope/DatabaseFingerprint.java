package cn.anwang.scope;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A content hash of every application table, to show that refused writes wrote nothing. Left out:
 * tables that the server's own background work or the session mechanism changes while the test runs
 * (the scheduler, the event and notification outboxes, sessions, reminders being claimed, captcha
 * nonces); the audit log is compared by its rows from the callers instead.
 */
final class DatabaseFingerprint {

  static final List<String> LEFT_OUT =
      List.of(
          "scheduled_tasks",
          "spring_session",
          "spring_session_attributes",
          "event_publication",
          "notification_outbox",
          "case_reminder",
          "public_report_captcha_used",
          "audit_event",
          "flyway_schema_history");

  private DatabaseFingerprint() {}

  static Map<String, String> of(JdbcClient jdbc) {
    Map<String, String> hashes = new TreeMap<>();
    for (String table :
        jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            .query(String.class)
            .list()) {
      if (LEFT_OUT.contains(table.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      hashes.put(
          table,
          jdbc.sql(
                  "SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ''"
                      + " ORDER BY md5(t::text))), '') FROM \""
                      + table
                      + "\" t")
              .query(String.class)
              .single());
    }
    return hashes;
  }

  static long auditRowsBy(JdbcClient jdbc, List<String> usernames) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_username IN (:names)")
        .param("names", usernames)
        .query(Long.class)
        .single();
  }
}
