package cn.anwang.shared.tabular;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAccessor;

/** How exported values become text (CSV) and how wide they look (column widths). */
final class CellValues {

  private CellValues() {}

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      return IsoDataFormatter.general(((Number) value).doubleValue());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof LocalDateTime time) {
      return time.toLocalDate() + " " + time.toLocalTime().withNano(0);
    }
    if (value instanceof Boolean bool) {
      return bool ? "TRUE" : "FALSE";
    }
    if (value instanceof TemporalAccessor || value instanceof LocalDate) {
      return value.toString();
    }
    return value.toString();
  }

  /** Display width in Excel character units: CJK characters are two wide. */
  static int width(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); i++) {
      width += text.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return width;
  }

  /** Excel's column width unit (1/256 of a character), with a little padding, at most 60 wide. */
  static int columnWidth(int characters) {
    return Math.min(Math.max(characters, 6) + 2, 60) * 256;
  }
}
