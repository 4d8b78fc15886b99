package cn.anwang.org.responsibility;

import cn.anwang.shared.industry.IndustryClassification;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * GB/T 4754-2017 codes as rules use them: a section letter ({@code C}) or a prefix of digits
 * (division {@code 26}, group {@code 261}, class {@code 2614}). A code must have that shape and be
 * known to the shipped classification ({@link IndustryClassification}: sections and divisions; a
 * finer code is accepted when its division is listed).
 */
final class IndustryCodes {

  private static final Pattern PREFIX = Pattern.compile("[A-T]|[0-9]{2,4}");
  private static final Pattern CODE = Pattern.compile("[A-T]|[A-T]?[0-9]{2,4}");
  private static final IndustryClassification CLASSIFICATION = IndustryClassification.load();

  private IndustryCodes() {}

  /** Whether a rule condition is a section letter or 2–4 digits of a known division. */
  static boolean isPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches() && known(prefix);
  }

  /**
   * Whether an object's industry code has a valid shape ({@code 2614}, {@code C2614}, {@code C})
   * and lies in a known division, under the right section.
   */
  static boolean isCode(String code) {
    return code != null && CODE.matcher(code).matches() && known(code);
  }

  /** The section letter of a division ({@code 26} → {@code C}), or 0 when none. */
  static char sectionOf(int division) {
    return CLASSIFICATION
        .sectionOf(String.format(Locale.ROOT, "%02d", division))
        .map(section -> section.code().charAt(0))
        .orElse((char) 0);
  }

  private static boolean known(String code) {
    return CLASSIFICATION.normalise(code).valid();
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
