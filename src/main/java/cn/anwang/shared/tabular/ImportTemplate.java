package cn.anwang.shared.tabular;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The fill-in template of an import: a data sheet with the zh-CN headers (required ones marked "*"
 * and red), text-formatted code columns and drop-down lists where the values are fixed; a sheet
 * "填写说明" describing every column; and a hidden sheet holding the lists' values. The data sheet
 * comes first, so the file reads back with the same {@link TableSpec}.
 */
public final class ImportTemplate {

  /** The instructions sheet's name. */
  public static final String INSTRUCTIONS_SHEET = "填写说明";

  static final String LISTS_SHEET = "下拉选项";

  /** Rows the drop-down lists and formats cover (Excel's limit). */
  private static final int LAST_ROW = 1_048_575;

  private ImportTemplate() {}

  /** Writes the template of this table; does not close the stream. */
  public static void write(OutputStream out, String sheetName, TableSpec spec) {
    try (Workbook workbook = new XSSFWorkbook()) {
      XlsxExport.Styles styles = XlsxExport.Styles.of(workbook);
      CellStyle required = requiredHeader(workbook);
      Sheet data = workbook.createSheet(sheetName);
      Sheet instructions = workbook.createSheet(INSTRUCTIONS_SHEET);
      Sheet lists = null;
      List<ColumnSpec> columns = spec.columns();
      Row header = data.createRow(0);
      for (int c = 0; c < columns.size(); c++) {
        ColumnSpec column = columns.get(c);
        Cell cell = header.createCell(c);
        cell.setCellValue(column.required() ? "*" + column.header() : column.header());
        cell.setCellStyle(column.required() ? required : styles.header());
        int width =
            Math.max(CellValues.width(column.header()) + 1, CellValues.width(column.example()));
        data.setColumnWidth(c, CellValues.columnWidth(width));
        switch (column.type()) {
          case TEXT -> data.setDefaultColumnStyle(c, styles.text());
          case DATE -> data.setDefaultColumnStyle(c, styles.date());
          case DATE_TIME -> data.setDefaultColumnStyle(c, styles.dateTime());
          default -> {}
        }
        if (!column.allowedValues().isEmpty()) {
          if (lists == null) {
            lists = workbook.createSheet(LISTS_SHEET);
          }
          addList(data, lists, c, column);
        }
      }
      data.createFreezePane(0, 1);
      if (lists != null) {
        workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
      }
      writeInstructions(instructions, styles, columns);
      workbook.setActiveSheet(0);
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The values go to a hidden sheet: an inline list is limited to 255 characters. */
  private static void addList(Sheet data, Sheet lists, int c, ColumnSpec column) {
    List<String> values = column.allowedValues();
    for (int i = 0; i < values.size(); i++) {
      Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
      row.createCell(c).setCellValue(values.get(i));
    }
    String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(c);
    var helper = data.getDataValidationHelper();
    DataValidationConstraint constraint =
        helper.createFormulaListConstraint(
            "'" + LISTS_SHEET + "'!$" + letter + "$1:$" + letter + "$" + values.size());
    DataValidation validation =
        helper.createValidation(constraint, new CellRangeAddressList(1, LAST_ROW, c, c));
    validation.setShowErrorBox(true);
    validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
    validation.createErrorBox("输入有误", "“" + column.header() + "”请从下拉列表中选择。");
    validation.setEmptyCellAllowed(true);
    data.addValidationData(validation);
  }

  private static void writeInstructions(
      Sheet sheet, XlsxExport.Styles styles, List<ColumnSpec> columns) {
    String[] notes = {
      "第一行是表头，请勿修改或删除列名；列的顺序可以调整，多余的列会被忽略。",
      "从第二行开始填写，每行一条记录；空行会被跳过。",
      "带 * 的列为必填。有下拉列表的列请从列表中选择。",
      "可保存为 .xlsx，或 CSV（UTF-8 或 GBK 编码均可）后导入。",
      "导入前会先检查，并逐行列出问题（行号、列名、原因）。"
    };
    int r = 0;
    for (String note : notes) {
      sheet.createRow(r++).createCell(0).setCellValue(note);
    }
    r++;
    String[] headings = {"列名", "是否必填", "格式要求", "示例", "可选值"};
    Row heading = sheet.createRow(r++);
    for (int i = 0; i < headings.length; i++) {
      Cell cell = heading.createCell(i);
      cell.setCellValue(headings[i]);
      cell.setCellStyle(styles.header());
    }
    for (ColumnSpec column : columns) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(column.header());
      row.createCell(1).setCellValue(column.required() ? "必填" : "选填");
      row.createCell(2)
          .setCellValue(column.format().isEmpty() ? describe(column.type()) : column.format());
      Cell example = row.createCell(3);
      example.setCellValue(column.example());
      example.setCellStyle(styles.text());
      row.createCell(4).setCellValue(String.join("、", column.allowedValues()));
    }
    int[] widths = {24, 10, 40, 30, 50};
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
  }

  private static String describe(ColumnType type) {
    return switch (type) {
      case TEXT -> "文本";
      case NUMBER -> "数字";
      case DATE -> "日期，如 2024-03-05";
      case DATE_TIME -> "日期时间，如 2024-03-05 08:30:00";
      case BOOLEAN -> "是 / 否";
    };
  }

  private static CellStyle requiredHeader(Workbook workbook) {
    Font font = workbook.createFont();
    font.setBold(true);
    font.setColor(IndexedColors.RED.getIndex());
    CellStyle style = workbook.createCellStyle();
    style.setFont(font);
    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    return style;
  }
}
