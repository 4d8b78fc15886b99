package cn.anwang.shared.pii;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The Chinese resident ID number (居民身份证号码, GB 11643-1999): 18 characters, six digits of the issuing
 * division, the birth date as yyyyMMdd, a three-digit sequence and a check character (ISO 7064 MOD
 * 11-2: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, the sum mod 11 indexes "10X98765432"). The old
 * 15-digit numbers are not accepted.
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  /** Why a number is not a valid resident ID number. */
  public enum Problem {
    /** Not 18 characters (a 15-digit number is an old-style number, no longer accepted). */
    LENGTH,
    /** A character other than a digit (or the final X). */
    CHARACTERS,
    /** Characters 7–14 are not a real date, or a date in the future. */
    BIRTH_DATE,
    /** The check character does not match. */
    CHECK_DIGIT
  }

  private ResidentIdNumber() {}

  /** The number as compared and hashed: trimmed, upper case ("x" → "X"). */
  public static String normalise(String number) {
    return number == null ? "" : number.strip().toUpperCase(Locale.ROOT);
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }

  /** What is wrong with the number (after {@link #normalise}), or empty when it is valid. */
  public static Optional<Problem> problem(String number) {
    String n = normalise(number);
    if (n.length() != 18) {
      return Optional.of(Problem.LENGTH);
    }
    for (int i = 0; i < 17; i++) {
      if (n.charAt(i) < '0' || n.charAt(i) > '9') {
        return Optional.of(Problem.CHARACTERS);
      }
    }
    char last = n.charAt(17);
    if (!(last >= '0' && last <= '9') && last != 'X') {
      return Optional.of(Problem.CHARACTERS);
    }
    try {
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(n.substring(6, 10)),
              Integer.parseInt(n.substring(10, 12)),
              Integer.parseInt(n.substring(12, 14)));
      if (born.getYear() < 1900 || born.isAfter(LocalDate.now())) {
        return Optional.of(Problem.BIRTH_DATE);
      }
    } catch (DateTimeException e) {
      return Optional.of(Problem.BIRTH_DATE);
    }
    if (checkCharacter(n) != last) {
      return Optional.of(Problem.CHECK_DIGIT);
    }
    return Optional.empty();
  }

  public static boolean isValid(String number) {
    return problem(number).isEmpty();
  }

  /** The last four characters, for display as {@code ****1234}. */
  public static String tail(String number) {
    String n = normalise(number);
    return n.length() <= 4 ? n : n.substring(n.length() - 4);
  }

  /** The masked display form of a stored tail: {@code ****1234}, or null when there is none. */
  public static String masked(String tail) {
    return tail == null ? null : "****" + tail;
  }
}
