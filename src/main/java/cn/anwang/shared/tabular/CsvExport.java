package cn.anwang.shared.tabular;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

/**
 * Writes rows as CSV the way Excel opens it correctly: UTF-8 with a byte order mark (without it
 * Chinese Excel assumes GBK), CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break. A text value that Excel would run as a formula ("=", "+", "@", or "-" not starting a
 * number) is written with a leading apostrophe.
 */
public final class CsvExport {

  private CsvExport() {}

  /**
   * Writes the header and the rows (values in column order, as for {@link XlsxExport}). Flushes but
   * does not close the stream.
   *
   * @return the number of data rows written
   */
  public static long write(
      OutputStream out, List<ColumnSpec> columns, Iterator<? extends List<?>> rows) {
    try {
      Writer writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
      writer.write('\uFEFF');
      for (int c = 0; c < columns.size(); c++) {
        if (c > 0) {
          writer.write(',');
        }
        field(writer, columns.get(c).header(), false);
      }
      writer.write("\r\n");
      long written = 0;
      while (rows.hasNext()) {
        List<?> values = rows.next();
        for (int c = 0; c < columns.size(); c++) {
          if (c > 0) {
            writer.write(',');
          }
          Object value = c < values.size() ? values.get(c) : null;
          field(writer, CellValues.text(value), value instanceof CharSequence);
        }
        writer.write("\r\n");
        written++;
      }
      writer.flush();
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void field(Writer writer, String text, boolean guardFormula) throws IOException {
    if (guardFormula && looksLikeFormula(text)) {
      text = "'" + text;
    }
    boolean quote = false;
    for (int i = 0; i < text.length() && !quote; i++) {
      char c = text.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      writer.write(text);
      return;
    }
    writer.write('"');
    writer.write(text.replace("\"", "\"\""));
    writer.write('"');
  }

  private static boolean looksLikeFormula(String text) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (first == '=' || first == '+' || first == '@') {
      return true;
    }
    if (first == '-' && text.length() > 1) {
      char second = text.charAt(1);
      return !(Character.isDigit(second) || second == '.');
    }
    return false;
  }
}
