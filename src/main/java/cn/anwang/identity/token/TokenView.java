package cn.anwang.identity.token;

import java.time.Instant;

/**
 * A token as lists show it: never the secret, which exists only in the answer that created it.
 * Public only because templates read it.
 *
 * @param prefix the secret's first 12 characters, to tell tokens apart
 * @param lastUsedAt the last use, to the minute (null: never used)
 * @param revokedAt null while not revoked
 * @param revokedBy who revoked it (the owner or an administrator), or null
 */
public record TokenView(
    long id,
    long userId,
    String username,
    String name,
    String prefix,
    TokenScope scope,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt,
    String revokedBy) {

  /** Neither revoked nor expired. */
  public boolean active() {
    return revokedAt == null && expiresAt.isAfter(Instant.now());
  }

  public boolean expired() {
    return !expiresAt.isAfter(Instant.now());
  }
}
