package cn.anwang.shared.tabular;

import java.util.List;

/**
 * A file that cannot be read as the expected table. The message is for the user (zh-CN) and never
 * contains a stack trace; {@link #reason()} lets a caller choose a status or a message key.
 */
public final class TabularException extends RuntimeException {

  /** Why a file was refused. */
  public enum Reason {
    EMPTY_FILE,
    TOO_LARGE,
    TOO_MANY_ROWS,
    OLD_EXCEL,
    HTML,
    NOT_A_TABLE,
    CORRUPT_WORKBOOK,
    SHEET_NOT_FOUND,
    HEADER_NOT_FOUND,
    MISSING_COLUMNS,
    NO_DATA,
    MALFORMED_CSV,
    UNREADABLE_CHARACTERS,
    IO
  }

  private final Reason reason;
  private final int rowNumber;
  private final List<String> columns;

  private TabularException(
      Reason reason, String message, int rowNumber, List<String> columns, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
    this.rowNumber = rowNumber;
    this.columns = List.copyOf(columns);
  }

  private static TabularException of(Reason reason, String message) {
    return new TabularException(reason, message, 0, List.of(), null);
  }

  public Reason reason() {
    return reason;
  }

  /** The row the problem is in, or 0 if it concerns the whole file. */
  public int rowNumber() {
    return rowNumber;
  }

  /** The columns concerned (the missing required columns), or empty. */
  public List<String> columns() {
    return columns;
  }

  static TabularException emptyFile() {
    return of(Reason.EMPTY_FILE, "文件为空。");
  }

  static TabularException tooLarge(long maxBytes) {
    return of(Reason.TOO_LARGE, "文件超过 " + humanBytes(maxBytes) + " 的上限，请拆分成多个文件后分别导入。");
  }

  static TabularException tooManyRows(int maxRows, int rowNumber) {
    return new TabularException(
        Reason.TOO_MANY_ROWS,
        "数据超过 " + maxRows + " 行的上限（第 " + rowNumber + " 行），请拆分成多个文件后分别导入。",
        rowNumber,
        List.of(),
        null);
  }

  static TabularException oldExcel() {
    return of(
        Reason.OLD_EXCEL,
        "这是旧版 Excel（.xls，97-2003 格式）或加密的文件，无法读取。"
            + "请在 Excel 中“另存为” .xlsx（Excel 工作簿）或 CSV 后再导入，并去掉打开密码。");
  }

  static TabularException html() {
    return of(
        Reason.HTML,
        "这是网页（HTML/XML）格式的文件，只是扩展名为 .xls，并不是真正的 Excel 文件。" + "请在 Excel 中打开后“另存为” .xlsx 或 CSV 再导入。");
  }

  static TabularException notATable(String what) {
    return of(
        Reason.NOT_A_TABLE,
        "无法识别的文件格式" + (what.isEmpty() ? "" : "（" + what + "）") + "，请上传 .xlsx 或 CSV 文件。");
  }

  static TabularException corruptWorkbook(Throwable cause) {
    return new TabularException(
        Reason.CORRUPT_WORKBOOK,
        "Excel 文件已损坏或不完整（可能上传中断），无法读取。请重新保存为 .xlsx 后再导入。",
        0,
        List.of(),
        cause);
  }

  static TabularException sheetNotFound(String name, List<String> available) {
    return new TabularException(
        Reason.SHEET_NOT_FOUND,
        "工作簿中没有名为“" + name + "”的工作表（现有：" + String.join("、", available) + "）。",
        0,
        available,
        null);
  }

  static TabularException headerNotFound(int searchedRows, List<String> expected) {
    return new TabularException(
        Reason.HEADER_NOT_FOUND,
        "在前 " + searchedRows + " 行中没有找到表头，应包含这些列：" + String.join("、", expected) + "。请使用导入模板。",
        0,
        expected,
        null);
  }

  static TabularException missingColumns(int headerRow, List<String> missing) {
    return new TabularException(
        Reason.MISSING_COLUMNS,
        "表头（第 " + headerRow + " 行）缺少必填列：" + String.join("、", missing) + "。",
        headerRow,
        missing,
        null);
  }

  static TabularException noData(int headerRow) {
    return new TabularException(
        Reason.NO_DATA, "文件只有表头（第 " + headerRow + " 行），没有数据行。", headerRow, List.of(), null);
  }

  static TabularException malformedCsv(int rowNumber, String what) {
    return new TabularException(
        Reason.MALFORMED_CSV, "第 " + rowNumber + " 行：" + what, rowNumber, List.of(), null);
  }

  static TabularException unreadableCharacters(int rowNumber, String column, String encoding) {
    return new TabularException(
        Reason.UNREADABLE_CHARACTERS,
        "第 "
            + rowNumber
            + " 行"
            + (column == null ? "" : "“" + column + "”列")
            + "含有无法识别的字符（�），文件的编码可能已损坏（按 "
            + encoding
            + " 读取）。请用 Excel 或记事本以 UTF-8 重新保存后再导入。",
        rowNumber,
        column == null ? List.of() : List.of(column),
        null);
  }

  static TabularException io(Throwable cause) {
    return new TabularException(Reason.IO, "读取文件失败：" + cause.getMessage(), 0, List.of(), cause);
  }

  private static String humanBytes(long bytes) {
    if (bytes >= 1024 * 1024) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    if (bytes >= 1024) {
      return (bytes / 1024) + " KB";
    }
    return bytes + " 字节";
  }
}
