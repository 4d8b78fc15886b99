package cn.anwang.org.responsibility;

import java.util.regex.Pattern;

/**
 * The shape of GB/T 4754-2017 codes as rules use them: a section letter ({@code C}) or a prefix of
 * digits (division {@code 26}, group {@code 261}, class {@code 2614}). Only the shape is checked
 * here; whether a code exists in the classification is the kernel's {@code shared.industry} job, to
 * be wired in once it is merged.
 */
final class IndustryCodes {

  private static final Pattern PREFIX = Pattern.compile("[A-T]|[0-9]{2,4}");
  private static final Pattern CODE = Pattern.compile("[A-T]|[A-T]?[0-9]{2,4}");

  /**
   * Sections and their first and last divisions (GB/T 4754-2017): A agriculture 01–05, B mining
   * 06–12, C manufacturing 13–43, … T international organisations 97.
   */
  private static final String SECTIONS = "ABCDEFGHIJKLMNOPQRST";

  private static final int[][] DIVISIONS = {
    {1, 5}, {6, 12}, {13, 43}, {44, 46}, {47, 50}, {51, 52}, {53, 60}, {61, 62}, {63, 65},
    {66, 69}, {70, 70}, {71, 72}, {73, 75}, {76, 79}, {80, 82}, {83, 83}, {84, 85}, {86, 90},
    {91, 96}, {97, 97}
  };

  private IndustryCodes() {}

  /** Whether a rule condition is a section letter or 2–4 digits. */
  static boolean isPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  /**
   * Whether an object's industry code has a valid shape ({@code 2614}, {@code C2614}, {@code C}).
   */
  static boolean isCode(String code) {
    return code != null && CODE.matcher(code).matches();
  }

  /** The section letter of a division ({@code 26} → {@code C}), or 0 when none. */
  static char sectionOf(int division) {
    for (int i = 0; i < DIVISIONS.length; i++) {
      if (division >= DIVISIONS[i][0] && division <= DIVISIONS[i][1]) {
        return SECTIONS.charAt(i);
      }
    }
    return 0;
  }

  /**
   * Whether an object's industry code falls under a rule prefix: a section letter matches every
   * code in that section's divisions, digits match by prefix. A null code matches nothing.
   */
  static boolean matches(String code, String prefix) {
    if (code == null || code.isEmpty()) {
      return false;
    }
    String digits = Character.isLetter(code.charAt(0)) ? code.substring(1) : code;
    if (Character.isLetter(prefix.charAt(0))) {
      char section = prefix.charAt(0);
      if (Character.isLetter(code.charAt(0))) {
        return code.charAt(0) == section;
      }
      return digits.length() >= 2 && sectionOf(Integer.parseInt(digits.substring(0, 2))) == section;
    }
    return digits.startsWith(prefix);
  }
}
