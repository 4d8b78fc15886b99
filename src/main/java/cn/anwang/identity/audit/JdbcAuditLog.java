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
 * Appends entries to {@code audit_event} in the caller's transaction, without any lock: {@link
 * AuditSealer} links them into the hash chain once they are committed.
 */
@Service
class JdbcAuditLog implements AuditLog {

  static final String SYSTEM = "system";

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
    jdbc.sql(
            """
            INSERT INTO audit_event (id, occurred_at, actor_username, action, target_type,
                                     target_id, territory_code, district_code, before, after,
                                     remote_addr)
            VALUES (nextval('audit_event_id_seq'), :occurredAt, :actor, :action, :targetType,
                    :targetId, :territory, :district, CAST(:before AS jsonb),
                    CAST(:after AS jsonb), :remoteAddr)
            """)
        .param(
            "occurredAt",
            Instant.now(clock).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
        .param("actor", truncate(actor, MAX_ACTOR))
        .param("action", action)
        .param("targetType", targetType, Types.VARCHAR)
        .param("targetId", truncate(targetId, MAX_TARGET_ID), Types.VARCHAR)
        .param("territory", territory)
        .param("district", Scope.districtOf(territory))
        .param("before", toJson(before), Types.VARCHAR)
        .param("after", toJson(after), Types.VARCHAR)
        .param("remoteAddr", truncate(remoteAddr, 64), Types.VARCHAR)
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
