package cn.anwang.assessment.report;

import java.util.List;

/**
 * One section of a generated report as plain data: a sheet of the workbook and a titled table of
 * the PDF. Values are {@code String}, {@code Number} or null (blank).
 *
 * @param sheet the workbook sheet's name (at most 31 characters)
 * @param title the heading above the table in the PDF
 * @param note a line under the heading, may be null
 */
public record ReportBlock(
    String sheet, String title, String note, List<Column> columns, List<List<Object>> rows) {

  /**
   * @param pdfWeight the column's share of the PDF page's width; 0 leaves it out of the PDF
   */
  public record Column(String header, boolean number, float pdfWeight) {

    public static Column text(String header, float pdfWeight) {
      return new Column(header, false, pdfWeight);
    }

    public static Column number(String header, float pdfWeight) {
      return new Column(header, true, pdfWeight);
    }
  }
}
