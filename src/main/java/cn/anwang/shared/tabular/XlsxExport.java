package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streams rows into an {@code .xlsx} workbook: only a small window of rows is in memory, the rest
 * goes to a compressed temporary file until the workbook is written. The header is bold, frozen and
 * filterable; {@link ColumnType#TEXT} columns are text cells in text format (so "0123" and
 * 18-character codes stay as they are), dates are date cells, numbers numeric cells.
 */
public final class XlsxExport {

  /** Rows kept in memory while writing. */
  static final int WINDOW = 100;

  /** Rows looked at to size the columns. */
  private static final int WIDTH_SAMPLE = 1000;

  private XlsxExport() {}

  /**
   * Writes one sheet: a header row with each column's header, then one row per list, values in
   * column order ({@code String}, {@code Number}, {@code LocalDate}, {@code LocalDateTime}, {@code
   * Boolean}, or {@code null} for a blank cell; anything else as its {@code toString()}). Does not
   * close the stream.
   *
   * @return the number of data rows written
   */
  public static long write(
      OutputStream out,
      String sheetName,
      List<ColumnSpec> columns,
      Iterator<? extends List<?>> rows) {
    return write(out, List.of(new Sheet(sheetName, columns, rows)));
  }

  /** One sheet of a workbook: its name, its columns, its rows as in {@link #write}. */
  public record Sheet(String name, List<ColumnSpec> columns, Iterator<? extends List<?>> rows) {}

  /**
   * Writes a workbook of several sheets, in order, each as {@link #write(OutputStream, String,
   * List, Iterator)} writes its one. Does not close the stream.
   *
   * @return the number of data rows written over all sheets
   */
  public static long write(OutputStream out, List<Sheet> sheets) {
    var workbook = new SXSSFWorkbook(WINDOW);
    workbook.setCompressTempFiles(true);
    try {
      Styles styles = Styles.of(workbook);
      long written = 0;
      for (Sheet s : sheets) {
        written += sheet(workbook, styles, s);
      }
      workbook.write(out);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // temporary files are already disposed of
      }
    }
  }

  private static long sheet(SXSSFWorkbook workbook, Styles styles, Sheet s) {
    List<ColumnSpec> columns = s.columns();
    Iterator<? extends List<?>> rows = s.rows();
    SXSSFSheet sheet = workbook.createSheet(s.name());
    int[] widths = new int[columns.size()];
    SXSSFRow header = sheet.createRow(0);
    for (int c = 0; c < columns.size(); c++) {
      SXSSFCell cell = header.createCell(c);
      cell.setCellValue(columns.get(c).header());
      cell.setCellStyle(styles.header);
      widths[c] = CellValues.width(columns.get(c).header());
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
    long written = 0;
    while (rows.hasNext()) {
      List<?> values = rows.next();
      SXSSFRow row = sheet.createRow((int) ++written);
      for (int c = 0; c < columns.size() && c < values.size(); c++) {
        Object value = values.get(c);
        if (value == null) {
          continue;
        }
        SXSSFCell cell = row.createCell(c);
        set(cell, columns.get(c).type(), value, styles);
        if (written <= WIDTH_SAMPLE) {
          widths[c] = Math.max(widths[c], CellValues.width(CellValues.text(value)));
        }
      }
    }
    for (int c = 0; c < columns.size(); c++) {
      sheet.setColumnWidth(c, CellValues.columnWidth(widths[c]));
    }
    return written;
  }

  private static void set(SXSSFCell cell, ColumnType type, Object value, Styles styles) {
    if (value instanceof LocalDateTime time) {
      cell.setCellValue(time);
      cell.setCellStyle(styles.dateTime);
    } else if (value instanceof LocalDate date) {
      cell.setCellValue(date);
      cell.setCellStyle(styles.date);
    } else if (value instanceof Number number && type != ColumnType.TEXT) {
      cell.setCellValue(
          number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue());
    } else if (value instanceof Boolean bool && type != ColumnType.TEXT) {
      cell.setCellValue(bool);
    } else {
      cell.setCellValue(CellValues.text(value));
      if (type == ColumnType.TEXT) {
        cell.setCellStyle(styles.text);
      }
    }
  }

  /** The few cell styles a table needs (a workbook may hold only about 64,000). */
  record Styles(CellStyle header, CellStyle text, CellStyle date, CellStyle dateTime) {

    static Styles of(Workbook workbook) {
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      var format = workbook.createDataFormat();
      CellStyle text = workbook.createCellStyle();
      text.setDataFormat(format.getFormat("@"));
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(format.getFormat("yyyy-mm-dd"));
      CellStyle dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
      return new Styles(header, text, date, dateTime);
    }
  }
}
