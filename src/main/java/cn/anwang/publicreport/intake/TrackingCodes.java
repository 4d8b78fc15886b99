package cn.anwang.publicreport.intake;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: 12 symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about 58 bits
 * from a SecureRandom, shown in groups of four ({@code K7QW-3MZP-R9TA}) and accepted with or
 * without dashes, in any case.
 */
final class TrackingCodes {

  static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  static final int LENGTH = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The stored form of what someone typed, or null when it cannot be a code. */
  static String normalise(String typed) {
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

  static String display(String code) {
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }
}
