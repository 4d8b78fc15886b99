package cn.anwang.publicreport.open311;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 API keys for partner apps, managed by city and district administrators: a key is shown
 * once when made, kept only as its SHA-256, and revocable; every change audited.
 */
@Component
class ApiKeys {

  record Key(long id, String name, String createdBy, Instant createdAt, Instant revokedAt) {}

  record Made(long id, String name, String apiKey) {}

  private final JdbcClient jdbc;
  private final CurrentActor actors;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();

  ApiKeys(JdbcClient jdbc, CurrentActor actors, AuditLog audit) {
    this.jdbc = jdbc;
    this.actors = actors;
    this.audit = audit;
  }

  /** The id of the live key, if {@code apiKey} is one. */
  Optional<Long> check(String apiKey) {
    if (apiKey == null || apiKey.isBlank() || apiKey.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT id FROM open311_api_key WHERE key_hash = ? AND revoked_at IS NULL")
        .param(sha256(apiKey.strip()))
        .query(Long.class)
        .optional();
  }

  private Actor administrator() {
    Actor a = actors.require();
    if (a.role() != Role.CITY_ADMIN && a.role() != Role.DISTRICT_ADMIN) {
      throw ApiProblems.forbidden("Only city and district administrators manage Open311 keys");
    }
    return a;
  }

  @Transactional
  Made make(String name) {
    Actor a = administrator();
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw ApiProblems.badRequest("name: required, at most 100 characters");
    }
    byte[] secret = new byte[24];
    random.nextBytes(secret);
    String key = "o311_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    long id =
        jdbc.sql(
                "INSERT INTO open311_api_key (name, key_hash, created_by) VALUES (?, ?, ?)"
                    + " RETURNING id")
            .params(name.strip(), sha256(key), a.username())
            .query(Long.class)
            .single();
    audit.record(
        "open311.key.create",
        "open311_api_key",
        Long.toString(id),
        null,
        Map.of("name", name.strip()));
    return new Made(id, name.strip(), key);
  }

  List<Key> list() {
    administrator();
    return jdbc.sql(
            "SELECT id, name, created_by, created_at, revoked_at FROM open311_api_key ORDER BY id")
        .query(
            (rs, n) ->
                new Key(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  @Transactional
  void revoke(long id) {
    administrator();
    int changed =
        jdbc.sql(
                "UPDATE open311_api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")
            .param(id)
            .update();
    if (changed == 0) {
      throw ApiProblems.notFound("Open311 key", Long.toString(id));
    }
    audit.record("open311.key.revoke", "open311_api_key", Long.toString(id), null, null);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
