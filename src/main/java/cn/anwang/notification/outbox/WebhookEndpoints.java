package cn.anwang.notification.outbox;

import cn.anwang.identity.AuditLog;
import cn.anwang.shared.web.ApiProblems;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook endpoints: stored, validated, audited (the secret never appears in the audit log or
 * in any answer, only its last four characters).
 */
@Service
@Transactional
class WebhookEndpoints {

  /** An endpoint as stored. */
  record Endpoint(
      long id,
      String url,
      String secret,
      List<String> eventKinds,
      boolean active,
      String createdBy,
      OffsetDateTime createdAt,
      int version) {

    /** Whether an event of this kind goes here: {@code *}, an exact kind or a {@code prefix.*}. */
    boolean subscribes(String kind) {
      for (String pattern : eventKinds) {
        if (pattern.equals("*") || pattern.equals(kind)) {
          return true;
        }
        if (pattern.endsWith(".*") && kind.startsWith(pattern.substring(0, pattern.length() - 1))) {
          return true;
        }
      }
      return false;
    }

    /** The secret as shown: its last four characters only. */
    String maskedSecret() {
      return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }
  }

  /** What a client sends to create or change an endpoint. */
  record Command(String url, String secret, List<String> eventKinds, Boolean active) {}

  /** A rule broken by a command: the field and a message. */
  static class Invalid extends RuntimeException {
    final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }
  }

  private final JdbcClient jdbc;
  private final AuditLog audit;

  WebhookEndpoints(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<Endpoint> all() {
    return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY id")
        .query(WebhookEndpoints::map)
        .list();
  }

  @Transactional(readOnly = true)
  List<Endpoint> activeFor(String kind) {
    return jdbc
        .sql("SELECT * FROM webhook_endpoint WHERE active ORDER BY id")
        .query(WebhookEndpoints::map)
        .list()
        .stream()
        .filter(e -> e.subscribes(kind))
        .toList();
  }

  @Transactional(readOnly = true)
  Optional<Endpoint> find(long id) {
    return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?")
        .param(id)
        .query(WebhookEndpoints::map)
        .optional();
  }

  Endpoint create(Command cmd, String username) {
    validate(cmd, true);
    long id =
        jdbc.sql(
                """
                INSERT INTO webhook_endpoint (url, secret, event_kinds, active, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                cmd.url().strip(),
                cmd.secret(),
                cmd.eventKinds().toArray(String[]::new),
                cmd.active() == null || cmd.active(),
                username)
            .query(Long.class)
            .single();
    Endpoint e = find(id).orElseThrow();
    audit.record("webhook.create", "webhook", Long.toString(id), null, auditView(e));
    return e;
  }

  Endpoint update(long id, Command cmd) {
    Endpoint before = find(id).orElseThrow(() -> ApiProblems.notFound("Webhook", "" + id));
    validate(cmd, false);
    jdbc.sql(
            """
            UPDATE webhook_endpoint
               SET url = ?, secret = coalesce(?, secret), event_kinds = ?, active = ?,
                   updated_at = now(), version = version + 1
             WHERE id = ?
            """)
        .params(
            cmd.url().strip(),
            cmd.secret(),
            cmd.eventKinds().toArray(String[]::new),
            cmd.active() == null ? before.active() : cmd.active(),
            id)
        .update();
    Endpoint after = find(id).orElseThrow();
    Map<String, Object> changed = auditView(after);
    changed.put("secretChanged", cmd.secret() != null);
    audit.record("webhook.update", "webhook", Long.toString(id), auditView(before), changed);
    return after;
  }

  void delete(long id) {
    Endpoint before = find(id).orElseThrow(() -> ApiProblems.notFound("Webhook", "" + id));
    jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update();
    audit.record("webhook.delete", "webhook", Long.toString(id), auditView(before), null);
  }

  private static Map<String, Object> auditView(Endpoint e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", e.url());
    m.put("eventKinds", e.eventKinds());
    m.put("active", e.active());
    return m;
  }

  private static void validate(Command cmd, boolean creating) {
    if (cmd.url() == null || cmd.url().isBlank()) {
      throw new Invalid("url", "required");
    }
    if (cmd.url().length() > 500) {
      throw new Invalid("url", "at most 500 characters");
    }
    try {
      URI uri = URI.create(cmd.url().strip());
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new Invalid("url", "must be an absolute http or https URL");
      }
    } catch (IllegalArgumentException e) {
      throw new Invalid("url", "must be an absolute http or https URL");
    }
    if (creating || cmd.secret() != null) {
      if (cmd.secret() == null || cmd.secret().length() < 16 || cmd.secret().length() > 200) {
        throw new Invalid("secret", "required, 16 to 200 characters");
      }
    }
    if (cmd.eventKinds() == null || cmd.eventKinds().isEmpty()) {
      throw new Invalid("eventKinds", "at least one kind or pattern, e.g. case.*");
    }
    for (String k : cmd.eventKinds()) {
      if (k == null || !k.matches("\\*|[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*(\\.\\*)?")) {
        throw new Invalid("eventKinds", "not a kind or pattern: " + k);
      }
    }
  }

  private static Endpoint map(ResultSet rs, int n) throws SQLException {
    Array kinds = rs.getArray("event_kinds");
    return new Endpoint(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("secret"),
        Arrays.asList((String[]) kinds.getArray()),
        rs.getBoolean("active"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getInt("version"));
  }
}
