package cn.anwang.shared.web;

/**
 * A text field of a request, stripped and bounded: refused with a 422 naming the field (see {@link
 * ApiProblems#unprocessable}) when required and blank or when longer than allowed.
 */
public final class FieldText {

  private FieldText() {}

  /** The stripped text; blank is refused. */
  public static String required(String value, int max, String field) {
    String t = optional(value, max, field);
    if (t == null) {
      throw ApiProblems.unprocessable(field, "required");
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
      throw ApiProblems.unprocessable(field, "at most " + max + " characters");
    }
    return t;
  }
}
