package cn.anwang.identity.user;

import java.security.SecureRandom;

/** One-time passwords for new users, resets and the first administrator. */
final class PasswordGenerator {

  // No look-alikes (0/O, 1/l/I), so a password read aloud or copied from paper works.
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!@#%";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordGenerator() {}

  /** 18 characters from a 63-symbol alphabet: about 107 bits. */
  static String generate() {
    StringBuilder password = new StringBuilder(18);
    for (int i = 0; i < 18; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
