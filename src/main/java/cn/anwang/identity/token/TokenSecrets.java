package cn.anwang.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The token secret: {@code anw_} and 32 random bytes in unpadded base64url (47 characters). Stored
 * as its SHA-256 only: with 256 random bits there is nothing to guess, so a slow password hash
 * would only cost time on every API call. The first 12 characters (the prefix) identify a token in
 * lists and the audit log without revealing it.
 */
final class TokenSecrets {

  static final String MARK = "anw_";
  static final int PREFIX_LENGTH = 12;
  private static final Pattern SHAPE = Pattern.compile("anw_[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecrets() {}

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether the text could be a token at all (anything else is refused without a lookup). */
  static boolean wellFormed(String presented) {
    return presented != null && SHAPE.matcher(presented).matches();
  }

  static String prefix(String secret) {
    return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
  }

  static String sha256(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
