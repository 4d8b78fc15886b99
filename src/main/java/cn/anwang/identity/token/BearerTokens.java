package cn.anwang.identity.token;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a token presented as {@code Authorization: Bearer} and records its use. The token's row is
 * read on every request (by the hash, through its unique index), so a revocation holds on the very
 * next request on every server; nothing is cached.
 *
 * <p>Use is written to the audit log ({@code token.use}: actor, token prefix, method, path) for
 * every request that may change something, and for reading requests at most once a minute per
 * token, together with {@code last_used_at}, which is therefore exact to the minute.
 */
@Component
public class BearerTokens {

  /** The request attribute holding the {@link Accepted} token of a token-authenticated request. */
  public static final String REQUEST_ATTRIBUTE = BearerTokens.class.getName() + ".TOKEN";

  static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

  /** The outcome of checking a presented token. */
  public sealed interface Verdict permits Accepted, Refused {}

  /**
   * A valid token of an enabled, unlocked account.
   *
   * @param accountVersion the user row's version, as a log-in would remember it
   */
  public record Accepted(
      long tokenId,
      String prefix,
      TokenScope scope,
      Actor actor,
      int accountVersion,
      Instant lastUsedAt)
      implements Verdict {}

  /** A refused token; why is for the audit log only, never for the caller. */
  public record Refused(String reason) implements Verdict {}

  private record Row(
      long id,
      String prefix,
      TokenScope scope,
      Instant expiresAt,
      Instant revokedAt,
      Instant lastUsedAt,
      Actor actor,
      boolean enabled,
      Instant lockedUntil,
      int version) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  BearerTokens(
      JdbcClient jdbc,
      AuditLog audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
  }

  /**
   * Checks the token; a refusal is published as {@link TokenAuthenticationFailed} for the audit.
   */
  public Verdict authenticate(String presented, String method, String path, String remoteAddr) {
    String shownPrefix = printablePrefix(presented);
    if (!TokenSecrets.wellFormed(presented)) {
      return refuse(null, null, shownPrefix, "malformed", method, path, remoteAddr);
    }
    Optional<Row> found = find(TokenSecrets.sha256(presented));
    if (found.isEmpty()) {
      return refuse(null, null, shownPrefix, "unknown", method, path, remoteAddr);
    }
    Row row = found.get();
    Instant now = Instant.now();
    String reason = null;
    if (row.revokedAt() != null) {
      reason = "revoked";
    } else if (!row.expiresAt().isAfter(now)) {
      reason = "expired";
    } else if (!row.enabled()) {
      reason = "disabled";
    } else if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
      reason = "locked";
    }
    if (reason != null) {
      return refuse(
          row.actor().username(),
          row.actor().scope().territoryCode(),
          row.prefix(),
          reason,
          method,
          path,
          remoteAddr);
    }
    return new Accepted(
        row.id(), row.prefix(), row.scope(), row.actor(), row.version(), row.lastUsedAt());
  }

  /**
   * Records the use of an accepted token; call with the token's user already authenticated, so the
   * audit entry names them as the actor.
   */
  public void recordUse(Accepted token, String method, String path) {
    boolean safe = TokenScope.isSafe(method);
    if (safe
        && token.lastUsedAt() != null
        && token.lastUsedAt().isAfter(Instant.now().minus(USE_RECORDED_EVERY))) {
      return;
    }
    transactions.executeWithoutResult(
        tx -> {
          // the condition, not the check above, decides across servers and concurrent requests
          int touched =
              jdbc.sql(
                      """
                      UPDATE api_token SET last_used_at = now()
                       WHERE id = :id
                         AND (last_used_at IS NULL
                              OR last_used_at < now() - make_interval(secs => :seconds))
                      """)
                  .param("id", token.tokenId())
                  .param("seconds", USE_RECORDED_EVERY.toSeconds())
                  .update();
          if (touched == 1 || !safe) {
            audit.record(
                "token.use",
                "api-token",
                String.valueOf(token.tokenId()),
                null,
                useDetails(token, method, path));
          }
        });
  }

  /** Records that a READ token was refused a request that may change something. */
  public void recordRefusedWrite(Accepted token, String method, String path) {
    transactions.executeWithoutResult(
        tx ->
            audit.record(
                "token.refused",
                "api-token",
                String.valueOf(token.tokenId()),
                null,
                useDetails(token, method, path)));
  }

  private static Map<String, Object> useDetails(Accepted token, String method, String path) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("prefix", token.prefix());
    details.put("scope", token.scope().name());
    details.put("method", method);
    details.put("path", path.length() > 200 ? path.substring(0, 200) : path);
    return details;
  }

  private Refused refuse(
      String username,
      String territory,
      String prefix,
      String reason,
      String method,
      String path,
      String remoteAddr) {
    events.publishEvent(
        new TokenAuthenticationFailed(
            username, territory, prefix, reason, method, path, remoteAddr));
    return new Refused(reason);
  }

  private Optional<Row> find(String sha256) {
    return jdbc.sql(
            """
            SELECT t.id, t.prefix, t.scope, t.expires_at, t.revoked_at, t.last_used_at,
                   u.id AS user_id, u.username, u.display_name, u.role, u.territory_code,
                   u.department_code, u.enabled, u.locked_until, u.version
              FROM api_token t JOIN app_user u ON u.id = t.user_id
             WHERE t.secret_sha256 = :hash
            """)
        .param("hash", sha256)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    rs.getString("prefix"),
                    TokenScope.valueOf(rs.getString("scope")),
                    rs.getTimestamp("expires_at").toInstant(),
                    instant(rs.getTimestamp("revoked_at")),
                    instant(rs.getTimestamp("last_used_at")),
                    new Actor(
                        rs.getLong("user_id"),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")),
                        new Scope(rs.getString("territory_code"), rs.getString("department_code"))),
                    rs.getBoolean("enabled"),
                    instant(rs.getTimestamp("locked_until")),
                    rs.getInt("version")))
        .optional();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** The first characters of what was presented, reduced to the token alphabet. */
  private static String printablePrefix(String presented) {
    if (presented == null) {
      return "";
    }
    String head = presented.substring(0, Math.min(TokenSecrets.PREFIX_LENGTH, presented.length()));
    return head.replaceAll("[^A-Za-z0-9_-]", "?");
  }
}
