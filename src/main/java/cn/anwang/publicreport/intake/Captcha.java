package cn.anwang.publicreport.intake;

import cn.anwang.shared.pii.PiiProtector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A captcha that needs no outside service and no session: the form carries a token that seals
 * (AES-GCM, with a key derived from the server's PII key, so every server of a cluster reads it)
 * the answer, an expiry and a nonce. The picture is drawn from the token; an answer is accepted
 * once: the nonce is recorded in {@code public_report_captcha_used}, so a replay fails on every
 * server.
 */
@Component
public class Captcha {

  /** The result of checking an answer. */
  public enum Verdict {
    PASSED,
    WRONG,
    EXPIRED,
    REPLAYED,
    MALFORMED
  }

  static final int LENGTH = 4;
  private static final int IV = 12;

  private final SecretKeySpec key;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final java.time.Duration lifetime;

  Captcha(PiiProtector pii, JdbcClient jdbc, PublicReportProperties properties) {
    this.key =
        new SecretKeySpec(
            HexFormat.of().parseHex(pii.hash("anwang.publicreport.captcha.v1")), "AES");
    this.jdbc = jdbc;
    this.clock = Clock.systemUTC();
    this.lifetime = properties.captchaLifetime();
  }

  /** A new challenge's token. */
  public String issue() {
    StringBuilder answer = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      answer.append((char) ('0' + random.nextInt(10)));
    }
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String plain =
        answer
            + "|"
            + clock.instant().plus(lifetime).getEpochSecond()
            + "|"
            + HexFormat.of().formatHex(nonce);
    return seal(plain);
  }

  /** The answer sealed in a token, for drawing it (and for tests and benchmarks that solve it). */
  public Optional<String> answerOf(String token) {
    return open(token).map(p -> p.split("\\|")[0]);
  }

  /**
   * Checks an answer and, when it is right, spends the token: the same token never passes twice.
   */
  public Verdict verify(String token, String answer) {
    Optional<String> plain = open(token);
    if (plain.isEmpty()) {
      return Verdict.MALFORMED;
    }
    String[] parts = plain.get().split("\\|");
    if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
      return Verdict.EXPIRED;
    }
    if (answer == null || !parts[0].equals(answer.strip())) {
      return Verdict.WRONG;
    }
    int inserted =
        jdbc.sql(
                "INSERT INTO public_report_captcha_used (nonce, expires_at) VALUES (?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(
                parts[2], java.sql.Timestamp.from(Instant.ofEpochSecond(Long.parseLong(parts[1]))))
            .update();
    return inserted == 1 ? Verdict.PASSED : Verdict.REPLAYED;
  }

  /** Spent nonces whose tokens have expired can never be replayed: forget them. */
  int forgetExpired() {
    return jdbc.sql("DELETE FROM public_report_captcha_used WHERE expires_at < now()").update();
  }

  private String seal(String plain) {
    try {
      byte[] iv = new byte[IV];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Optional<String> open(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(token);
      if (all.length <= IV + 16) {
        return Optional.empty();
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV));
      String plain = new String(cipher.doFinal(all, IV, all.length - IV), StandardCharsets.UTF_8);
      return plain.split("\\|").length == 3 ? Optional.of(plain) : Optional.empty();
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return Optional.empty();
    }
  }
}
