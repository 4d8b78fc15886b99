package cn.anwang.publicreport.intake;

import cn.anwang.shared.pii.PiiProtector;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: 12 symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about 58 bits
 * from a SecureRandom, shown in groups of four ({@code K7QW-3MZP-R9TA}) and accepted with or
 * without dashes, in any case.
 */
public final class TrackingCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingCodes() {}

  public static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** A claim secret: 8 symbols of the same alphabet (about 40 bits). */
  static String secret() {
    StringBuilder secret = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return secret.toString();
  }

  /** The keyed hash kept of a report's claim secret (typed in any case, with or without spaces). */
  public static String secretHash(PiiProtector pii, String code, String typedSecret) {
    String secret = typedSecret.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    return pii.hash("claim:" + code + ":" + secret);
  }

  /** The stored form of what someone typed, or null when it cannot be a code. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return null;
    }
    for (char c : code.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return null;
      }
    }
    return code;
  }

  public static String display(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }
}
