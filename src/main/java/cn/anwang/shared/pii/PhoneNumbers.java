package cn.anwang.shared.pii;

import java.util.regex.Pattern;

/** Phone numbers of people: a plausibility check and the masked display form. */
public final class PhoneNumbers {

  /** A mainland mobile (1[3-9]x, 11 digits) or a fixed line with area code (022-12345678). */
  private static final Pattern PHONE =
      Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");

  private PhoneNumbers() {}

  /** The number without spaces, or null when blank. */
  public static String normalise(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    return phone.replaceAll("[\\s\\u3000]", "");
  }

  public static boolean isValid(String phone) {
    String n = normalise(phone);
    return n != null && PHONE.matcher(n).matches();
  }

  /** {@code 138****5678}: the first three and the last four digits; null stays null. */
  public static String masked(String phone) {
    if (phone == null) {
      return null;
    }
    if (phone.length() <= 7) {
      return "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }
}
