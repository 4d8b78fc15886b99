package cn.anwang.shared.pii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest and hashes it for uniqueness checks, under the platform's PII key:
 * property {@code anwang.pii.key} (base64 of 32 bytes); without it, a random key generated once and
 * kept in {@code anwang.pii.key-file} (default {@code ./data/pii.key}, a runtime folder never
 * committed). Losing the key makes the stored ciphertexts unreadable; keep it with the backups.
 *
 * <p>Encryption is AES-256-GCM with a random 12-byte nonce stored in front of the ciphertext. The
 * hash is HMAC-SHA256 under a key derived from the same secret (so the hash key is not the
 * encryption key), as 64 hex characters.
 */
@Component
public class PiiProtector {

  private static final Logger log = LoggerFactory.getLogger(PiiProtector.class);
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec encryptionKey;
  private final SecretKeySpec hashKey;

  PiiProtector(
      @Value("${anwang.pii.key:}") String base64Key,
      @Value("${anwang.pii.key-file:data/pii.key}") String keyFile) {
    byte[] secret = secret(base64Key, Path.of(keyFile));
    this.encryptionKey = new SecretKeySpec(secret, "AES");
    this.hashKey = new SecretKeySpec(derive(secret, "anwang-pii-hash"), "HmacSHA256");
  }

  /** A protector with this 32-byte secret (tests). */
  public static PiiProtector withKey(byte[] secret) {
    return new PiiProtector(Base64.getEncoder().encodeToString(secret), "unused");
  }

  private static byte[] secret(String base64Key, Path keyFile) {
    if (base64Key != null && !base64Key.isBlank()) {
      return decode(base64Key.strip(), "anwang.pii.key");
    }
    try {
      if (Files.exists(keyFile)) {
        return decode(
            Files.readString(keyFile, StandardCharsets.US_ASCII).strip(), keyFile.toString());
      }
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      Path parent = keyFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          keyFile,
          Base64.getEncoder().encodeToString(fresh) + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      log.warn(
          "No anwang.pii.key configured: generated a PII key in {} — back it up with the database",
          keyFile.toAbsolutePath());
      return fresh;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the PII key file " + keyFile, e);
    }
  }

  private static byte[] decode(String base64, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + " is not base64", e);
    }
    if (key.length != 32) {
      throw new IllegalStateException(where + " must be 32 bytes (base64), is " + key.length);
    }
    return key;
  }

  private static byte[] derive(byte[] secret, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text encrypted: nonce ‖ ciphertext ‖ tag. */
  public byte[] encrypt(String plain) {
    try {
      byte[] nonce = new byte[NONCE];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PII encryption failed", e);
    }
  }

  /** The text of {@link #encrypt}'s output; fails when it was altered or another key made it. */
  public String decrypt(byte[] stored) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 0, NONCE));
      return new String(
          cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PII decryption failed (wrong key or altered data)", e);
    }
  }

  /** HMAC-SHA256 of the text as 64 lower-case hex characters. */
  public String hash(String normalised) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(hashKey);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored forms of a resident ID number (normalised first). */
  public ProtectedIdNumber protectIdNumber(String number) {
    String n = ResidentIdNumber.normalise(number);
    return new ProtectedIdNumber(encrypt(n), hash(n), ResidentIdNumber.tail(n));
  }

  /** The hash an ID number is stored under, for lookups. */
  public String idNumberHash(String number) {
    return hash(ResidentIdNumber.normalise(number));
  }

  /**
   * What is stored of an ID number.
   *
   * @param cipher AES-GCM ciphertext
   * @param hash HMAC-SHA256, hex
   * @param tail the last four characters
   */
  public record ProtectedIdNumber(byte[] cipher, String hash, String tail) {}
}
