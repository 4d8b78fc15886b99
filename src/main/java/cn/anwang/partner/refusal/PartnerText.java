package cn.anwang.partner.refusal;

/**
 * A text field of a partner request, stripped and bounded (as {@code shared.web.FieldText}),
 * refused with a {@link PartnerRejected} naming the field: {@code partner.rule.required}, {@code
 * partner.rule.tooLong}.
 */
public final class PartnerText {

  private PartnerText() {}

  /** The stripped text; blank is refused. */
  public static String required(String value, int max, String field) {
    String t = optional(value, max, field);
    if (t == null) {
      throw PartnerRejected.unprocessable(field, "partner.rule.required");
    }
    return t;
  }

  /** The stripped text, or null when blank. */
  public static String optional(String value, int max, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String t = value.strip();
    if (t.length() > max) {
      throw PartnerRejected.unprocessable(field, "partner.rule.tooLong", max);
    }
    return t;
  }
}
