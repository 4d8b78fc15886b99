package cn.anwang.identity.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of an audit entry that its hash covers, with the previous entry's hash. The canonical
 * form is a JSON array (unambiguous: no separator can be smuggled into a field); {@code before} and
 * {@code after} are PostgreSQL's own {@code jsonb} text, so the hash computed when writing equals
 * the one recomputed from what the database gives back.
 */
record ChainedFields(
    long id,
    String prevHash,
    Instant occurredAt,
    String actor,
    String action,
    String targetType,
    String targetId,
    String territoryCode,
    String before,
    String after,
    String remoteAddr) {

  /** The previous hash of the very first entry. */
  static final String GENESIS = "0".repeat(64);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * The hashed fields of the audit_event row the result set is on ({@code before} and {@code after}
   * selected as text), linked after {@code prevHash}.
   */
  static ChainedFields read(ResultSet rs, String prevHash) throws SQLException {
    return new ChainedFields(
        rs.getLong("id"),
        prevHash,
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        rs.getString("actor_username"),
        rs.getString("action"),
        rs.getString("target_type"),
        rs.getString("target_id"),
        rs.getString("territory_code"),
        rs.getString("before"),
        rs.getString("after"),
        rs.getString("remote_addr"));
  }

  /** The same fields linked after the entry with the given hash. */
  ChainedFields withPrevHash(String prev) {
    return new ChainedFields(
        id,
        prev,
        occurredAt,
        actor,
        action,
        targetType,
        targetId,
        territoryCode,
        before,
        after,
        remoteAddr);
  }

  String hash() {
    Object[] canonical = {
      prevHash,
      id,
      occurredAt.toString(),
      actor,
      action,
      targetType,
      targetId,
      territoryCode,
      before,
      after,
      remoteAddr
    };
    return sha256(JSON.writeValueAsString(Arrays.asList(canonical)));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
