package cn.anwang.shared.tabular;

import java.text.Normalizer;
import java.util.Locale;

/** Cell text clean-up and header name matching. */
final class Cells {

  private Cells() {}

  /** The value without surrounding whitespace (including full-width and no-break spaces). */
  static String clean(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return start == 0 && end == value.length() ? value : value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
  }

  /**
   * A header reduced to what identifies it: full-width forms folded (NFKC), no spaces or line
   * breaks, no required marker ("*", "（必填）"), lower case.
   */
  static String headerKey(String header) {
    String folded = Normalizer.normalize(clean(header), Normalizer.Form.NFKC);
    var out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (!isSpace(c)) {
        out.append(c);
      }
    }
    String key = out.toString();
    for (String marker : new String[] {"(必填)", "(选填)", "(可选)", "(必填项)"}) {
      if (key.endsWith(marker)) {
        key = key.substring(0, key.length() - marker.length());
      }
    }
    int start = 0;
    int end = key.length();
    while (start < end && key.charAt(start) == '*') {
      start++;
    }
    while (end > start && key.charAt(end - 1) == '*') {
      end--;
    }
    return key.substring(start, end).toLowerCase(Locale.ROOT);
  }
}
