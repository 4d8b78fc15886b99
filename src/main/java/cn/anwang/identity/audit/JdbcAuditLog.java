package cn.anwang.identity.audit;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Scope;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends hash-chained entries to {@code audit_event}. A transaction-scoped advisory lock
 * serialises writers across every server sharing the database, so each entry links to the one
 * committed before it.
 */
@Service
class JdbcAuditLog implements AuditLog {

  static final String SYSTEM = "system";

  // Arbitrary but fixed: the key of the advisory lock that serialises the chain ("anwang").
  private static final long CHAIN_LOCK = 0x616e77616e67L;
  private static final int MAX_ACTOR = 64;
  private static final int MAX_TARGET_ID = 128;

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final JsonMapper json;
  private final Clock clock;

  JdbcAuditLog(JdbcClient jdbc, CurrentActor currentActor, JsonMapper json) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.json = json;
    this.clock = Clock.systemUTC();
  }

  @Override
  @Transactional(propagation = Propagation.REQUIRED)
  public void record(
      String action,
      String targetType,
      String targetId,
      String territoryCode,
      Object before,
      Object after) {
    Optional<Actor> actor = currentActor.current();
    String territory =
        territoryCode != null
            ? territoryCode
            : actor.map(a -> a.scope().territoryCode()).orElse(Scope.CITY);
    append(
        actor.map(Actor::username).orElse(SYSTEM),
        requestAddress(),
        action,
        targetType,
        targetId,
        territory,
        before,
        after);
  }

  /** For events where the actor is not (yet) the authenticated user, such as log-ins. */
  @Transactional(propagation = Propagation.REQUIRED)
  public void recordAs(
      String actor,
      String remoteAddr,
      String action,
      String targetType,
      String targetId,
      String territoryCode,
      Object before,
      Object after) {
    append(
        actor,
        remoteAddr,
        action,
        targetType,
        targetId,
        territoryCode == null ? Scope.CITY : territoryCode,
        before,
        after);
  }

  private void append(
      String actor,
      String remoteAddr,
      String action,
      String targetType,
      String targetId,
      String territory,
      Object before,
      Object after) {
    jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK).query().listOfRows();
    // Let PostgreSQL normalise the JSON first: the hash must cover the text it will give back.
    var head =
        jdbc.sql(
                """
                SELECT nextval('audit_event_id_seq') AS id,
                       CAST(CAST(:before AS jsonb) AS text) AS before,
                       CAST(CAST(:after AS jsonb) AS text) AS after,
                       (SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1) AS prev
                """)
            .param("before", toJson(before), Types.VARCHAR)
            .param("after", toJson(after), Types.VARCHAR)
            .query(
                (rs, n) ->
                    new ChainedFields(
                        rs.getLong("id"),
                        rs.getString("prev") == null ? ChainedFields.GENESIS : rs.getString("prev"),
                        Instant.now(clock).truncatedTo(ChronoUnit.MICROS),
                        truncate(actor, MAX_ACTOR),
                        action,
                        targetType,
                        truncate(targetId, MAX_TARGET_ID),
                        territory,
                        rs.getString("before"),
                        rs.getString("after"),
                        truncate(remoteAddr, 64)))
            .single();
    jdbc.sql(
            """
            INSERT INTO audit_event (id, occurred_at, actor_username, action, target_type,
                                     target_id, territory_code, before, after, remote_addr,
                                     prev_hash, hash)
            VALUES (:id, :occurredAt, :actor, :action, :targetType, :targetId, :territory,
                    CAST(:before AS jsonb), CAST(:after AS jsonb), :remoteAddr, :prevHash, :hash)
            """)
        .param("id", head.id())
        .param("occurredAt", head.occurredAt().atOffset(ZoneOffset.UTC))
        .param("actor", head.actor())
        .param("action", head.action())
        .param("targetType", head.targetType(), Types.VARCHAR)
        .param("targetId", head.targetId(), Types.VARCHAR)
        .param("territory", head.territoryCode())
        .param("before", head.before(), Types.VARCHAR)
        .param("after", head.after(), Types.VARCHAR)
        .param("remoteAddr", head.remoteAddr(), Types.VARCHAR)
        .param("prevHash", head.prevHash())
        .param("hash", head.hash())
        .update();
  }

  private String toJson(Object value) {
    return value == null ? null : json.writeValueAsString(value);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  private static String requestAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
