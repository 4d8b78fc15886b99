package cn.anwang.shared.tabular;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Cell text as a caller can parse it: dates in ISO-8601 whatever the cell's display format
 * ("2024-03-05", "2024-03-05 08:30:00"), numbers in "General" format as plain decimals with up to
 * 15 significant digits, as Excel keeps them (never "1.0E7" or "123.0"); other formats (text "@",
 * "000123", percentages) as Excel displays them.
 */
final class IsoDataFormatter extends DataFormatter {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final MathContext EXCEL_PRECISION = new MathContext(15);

  IsoDataFormatter() {
    super(Locale.ROOT);
  }

  @Override
  public String formatRawCellContents(
      double value, int formatIndex, String formatString, boolean use1904Windowing) {
    if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
      LocalDateTime time = DateUtil.getLocalDateTime(value, use1904Windowing, true);
      if (time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
        return time.toLocalDate().toString();
      }
      if (value < 1) {
        return time.toLocalTime().toString();
      }
      return time.format(DATE_TIME);
    }
    if (formatIndex == 0 || "General".equalsIgnoreCase(formatString)) {
      return general(value);
    }
    return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
  }

  static String general(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return new BigDecimal(value, EXCEL_PRECISION).stripTrailingZeros().toPlainString();
  }
}
