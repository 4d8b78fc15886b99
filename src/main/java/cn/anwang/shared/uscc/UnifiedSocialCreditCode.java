package cn.anwang.shared.uscc;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks unified social credit codes (统一社会信用代码, GB 32100-2015).
 *
 * <p>A code has 18 characters from the alphabet {@value #ALPHABET} (31 symbols: no I, O, S, V, Z):
 * position 1 the registration authority, 2 the organisation category, 3–8 the GB/T 2260 region,
 * 9–17 the GB 11714 organisation code (whose 9th character, position 17, is its own check digit
 * over positions 9–16) and 18 the check character over positions 1–17.
 *
 * <p>Some codes issued in the wild fail a check; callers that must accept them keep the check's
 * problems with an audited override reason rather than weakening this class.
 */
public final class UnifiedSocialCreditCode {

  /** The 31 symbols a code may contain, in the order of their values 0–30. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** A code's length. */
  public static final int LENGTH = 18;

  /** Weights of positions 1–17 for the check character: 3^i mod 31. */
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** Weights of the organisation code's eight body characters (GB 11714). */
  private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private UnifiedSocialCreditCode() {}

  /**
   * Checks a typed code and says everything that is wrong with it.
   *
   * @param raw the code as typed; may be null or padded with white space
   */
  public static UsccCheck check(String raw) {
    String code = raw == null ? "" : raw.strip();
    List<UsccProblem> problems = new ArrayList<>();
    if (code.length() != LENGTH) {
      problems.add(UsccProblem.wrongLength(code.length()));
    }
    // Checks run on the capitalised form so that a lower-case code also learns whether capitals
    // would make it valid, rather than only hearing about the case.
    String upper = capitals(code);
    String upperCaseForm = null;
    if (!upper.equals(code)) {
      upperCaseForm = upper;
      problems.add(UsccProblem.lowercase(upper));
    }
    boolean allLegal = true;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        allLegal = false;
        problems.add(UsccProblem.illegalCharacter(code.charAt(i), i + 1));
      }
    }
    if (upper.length() == LENGTH && allLegal) {
      char organisationCheck = organisationCheckDigit(upper.substring(8, 16));
      if (upper.charAt(16) != organisationCheck) {
        problems.add(UsccProblem.wrongOrganisationCodeCheck(upper.charAt(16), organisationCheck));
      }
      char check = checkCharacter(upper.substring(0, 17));
      if (upper.charAt(17) != check) {
        problems.add(UsccProblem.wrongCheckCharacter(upper.charAt(17), check));
      }
    }
    RegistrationAuthority authority =
        upper.isEmpty() ? null : RegistrationAuthority.forCode(upper.charAt(0)).orElse(null);
    OrganisationCategory category =
        authority == null || upper.length() < 2
            ? null
            : authority.category(upper.charAt(1)).orElse(null);
    String region =
        upper.length() >= 8 && upper.substring(2, 8).chars().allMatch(Character::isDigit)
            ? upper.substring(2, 8)
            : null;
    return new UsccCheck(
        code, problems.isEmpty(), problems, upperCaseForm, authority, category, region);
  }

  /**
   * Capitals character by character: unlike {@link String#toUpperCase}, never changes the length (ß
   * would become SS), so positions in problems stay those of the input.
   */
  private static String capitals(String code) {
    char[] chars = code.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toUpperCase(chars[i]);
    }
    return new String(chars);
  }

  /** Whether the code is valid exactly as given (after trimming). */
  public static boolean isValid(String raw) {
    return check(raw).valid();
  }

  /**
   * The check character (position 18) for the first 17 characters.
   *
   * @param first17 17 characters of the alphabet, in capitals
   * @throws IllegalArgumentException if it is not
   */
  public static char checkCharacter(String first17) {
    if (first17 == null || first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("Need the first 17 characters, got: " + first17);
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "Character '" + first17.charAt(i) + "' at position " + (i + 1) + " is not allowed");
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /**
   * The GB 11714 check digit (position 17 of a code) for the organisation code body (positions
   * 9–16): a digit or X.
   *
   * @param body eight digits or capital letters
   * @throws IllegalArgumentException if it is not
   */
  public static char organisationCheckDigit(String body) {
    if (body == null || body.length() != ORGANISATION_WEIGHTS.length) {
      throw new IllegalArgumentException("Need the 8 organisation code characters, got: " + body);
    }
    int sum = 0;
    for (int i = 0; i < ORGANISATION_WEIGHTS.length; i++) {
      sum += organisationValue(body.charAt(i)) * ORGANISATION_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  /** GB 11714 values: digits as themselves, letters A–Z as 10–35 (the full Latin alphabet). */
  private static int organisationValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A' + 10;
    }
    throw new IllegalArgumentException("Not a digit or capital letter: '" + c + "'");
  }
}
