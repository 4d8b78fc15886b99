package cn.anwang.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a username and password were verified against the adaptive
 * hash. HTTP Basic sends the password with every request, and checking it with bcrypt each time
 * would cost 50–100 ms per API call. Only an HMAC of the password under a key that never leaves
 * this process is kept, never the password; an entry counts only for the account version it was
 * made for, so a password change, role change, disable or unlock invalidates it at once.
 */
final class VerifiedCredentials {

  private record Entry(byte[] mac, int version, Instant expires) {}

  private static final SecureRandom SECRETS = new SecureRandom();

  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;
  private final int capacity;

  VerifiedCredentials(Duration lifetime, int capacity, Clock clock) {
    byte[] secret = new byte[32];
    SECRETS.nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.clock = clock;
  }

  /** Whether this password was verified for this username and account version recently. */
  boolean matches(String username, String password, int version) {
    Entry entry = entries.get(username);
    if (entry == null || entry.version() != version || clock.instant().isAfter(entry.expires())) {
      return false;
    }
    return MessageDigest.isEqual(entry.mac(), mac(username, password));
  }

  void remember(String username, String password, int version) {
    if (lifetime.isZero()) {
      return;
    }
    if (entries.size() >= capacity) {
      Instant now = clock.instant();
      entries.values().removeIf(e -> now.isAfter(e.expires()));
      if (entries.size() >= capacity) {
        entries.clear();
      }
    }
    entries.put(
        username, new Entry(mac(username, password), version, clock.instant().plus(lifetime)));
  }

  void forget(String username) {
    entries.remove(username);
  }

  private byte[] mac(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
