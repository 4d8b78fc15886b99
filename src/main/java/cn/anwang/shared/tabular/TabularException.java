package cn.anwang.shared.tabular;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A file that cannot be read as the expected table. The message is for the user and never contains
 * a stack trace; {@link #reason()} lets a caller choose a status.
 *
 * <p>Localising: the exception is a {@link MessageSourceResolvable} over {@code
 * i18n/tabular.properties} (zh-CN) and {@code i18n/tabular_en.properties}, so a caller shows it in
 * its reader's language with {@code messageSource.getMessage(e, locale)}. {@link #getMessage()} and
 * {@link #getDefaultMessage()} are the zh-CN text. The code is {@code "tabular.error." + reason},
 * with a suffix where one reason has variants ({@code NOT_A_TABLE.pdf}, {@code
 * MALFORMED_CSV.unclosedQuote}, {@code UNREADABLE_CHARACTERS.inColumn}, {@code TOO_LARGE.bytes}
 * ...). The arguments are formatted text as {@link TabularMessage} describes: row numbers without
 * grouping, the size limit as "100 MB", lists of columns or sheets joined with "、".
 */
public final class TabularException extends RuntimeException implements MessageSourceResolvable {

  static final String PREFIX = "tabular.error.";

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
  private final TabularMessage text;

  private TabularException(
      Reason reason, TabularMessage text, int rowNumber, List<String> columns, Throwable cause) {
    super(text.defaultMessage(), cause, false, false);
    this.reason = reason;
    this.text = text;
    this.rowNumber = rowNumber;
    this.columns = List.copyOf(columns);
  }

  private static TabularException of(Reason reason, String variant, String zh, Object... args) {
    return new TabularException(reason, text(reason, variant, zh, args), 0, List.of(), null);
  }

  private static TabularMessage text(Reason reason, String variant, String zh, Object... args) {
    String code = PREFIX + reason.name() + (variant == null ? "" : "." + variant);
    return TabularMessage.of(code, zh, args);
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

  /** The message key, one of {@code i18n/tabular.properties}. */
  @Override
  public String[] getCodes() {
    return text.getCodes();
  }

  @Override
  public Object[] getArguments() {
    return text.getArguments();
  }

  /** The zh-CN text, the same as {@link #getMessage()}. */
  @Override
  public String getDefaultMessage() {
    return text.defaultMessage();
  }

  static TabularException emptyFile() {
    return of(Reason.EMPTY_FILE, null, "文件为空。");
  }

  static TabularException tooLarge(long maxBytes) {
    if (maxBytes < 1024) {
      return of(Reason.TOO_LARGE, "bytes", "文件超过 " + maxBytes + " 字节的上限，请拆分成多个文件后分别导入。", maxBytes);
    }
    String size = humanBytes(maxBytes);
    return of(Reason.TOO_LARGE, null, "文件超过 " + size + " 的上限，请拆分成多个文件后分别导入。", size);
  }

  static TabularException tooManyRows(int maxRows, int rowNumber) {
    return new TabularException(
        Reason.TOO_MANY_ROWS,
        text(
            Reason.TOO_MANY_ROWS,
            null,
            "数据超过 " + maxRows + " 行的上限（第 " + rowNumber + " 行），请拆分成多个文件后分别导入。",
            maxRows,
            rowNumber),
        rowNumber,
        List.of(),
        null);
  }

  static TabularException oldExcel() {
    return of(
        Reason.OLD_EXCEL,
        null,
        "这是旧版 Excel（.xls，97-2003 格式）或加密的文件，无法读取。"
            + "请在 Excel 中“另存为” .xlsx（Excel 工作簿）或 CSV 后再导入，并去掉打开密码。");
  }

  static TabularException html() {
    return of(
        Reason.HTML,
        null,
        "这是网页（HTML/XML）格式的文件，只是扩展名为 .xls，并不是真正的 Excel 文件。" + "请在 Excel 中打开后“另存为” .xlsx 或 CSV 再导入。");
  }

  /** What a file that is not a table turned out to be, for {@link #notATable}. */
  enum NotATable {
    PDF("pdf", "PDF"),
    IMAGE("image", "图片"),
    BINARY("binary", "不是文本文件"),
    NO_SHEET("noSheet", "工作簿中没有工作表");

    final String variant;
    final String zh;

    NotATable(String variant, String zh) {
      this.variant = variant;
      this.zh = zh;
    }
  }

  static TabularException notATable(NotATable what) {
    return of(Reason.NOT_A_TABLE, what.variant, "无法识别的文件格式（" + what.zh + "），请上传 .xlsx 或 CSV 文件。");
  }

  static TabularException corruptWorkbook(Throwable cause) {
    return new TabularException(
        Reason.CORRUPT_WORKBOOK,
        text(Reason.CORRUPT_WORKBOOK, null, "Excel 文件已损坏或不完整（可能上传中断），无法读取。请重新保存为 .xlsx 后再导入。"),
        0,
        List.of(),
        cause);
  }

  static TabularException sheetNotFound(String name, List<String> available) {
    String list = String.join("、", available);
    return new TabularException(
        Reason.SHEET_NOT_FOUND,
        text(
            Reason.SHEET_NOT_FOUND,
            null,
            "工作簿中没有名为“" + name + "”的工作表（现有：" + list + "）。",
            name,
            list),
        0,
        available,
        null);
  }

  static TabularException headerNotFound(int searchedRows, List<String> expected) {
    String list = String.join("、", expected);
    return new TabularException(
        Reason.HEADER_NOT_FOUND,
        text(
            Reason.HEADER_NOT_FOUND,
            null,
            "在前 " + searchedRows + " 行中没有找到表头，应包含这些列：" + list + "。请使用导入模板。",
            searchedRows,
            list),
        0,
        expected,
        null);
  }

  static TabularException missingColumns(int headerRow, List<String> missing) {
    String list = String.join("、", missing);
    return new TabularException(
        Reason.MISSING_COLUMNS,
        text(
            Reason.MISSING_COLUMNS,
            null,
            "表头（第 " + headerRow + " 行）缺少必填列：" + list + "。",
            headerRow,
            list),
        headerRow,
        missing,
        null);
  }

  static TabularException noData(int headerRow) {
    return new TabularException(
        Reason.NO_DATA,
        text(Reason.NO_DATA, null, "文件只有表头（第 " + headerRow + " 行），没有数据行。", headerRow),
        headerRow,
        List.of(),
        null);
  }

  static TabularException unclosedQuote(int rowNumber) {
    return new TabularException(
        Reason.MALFORMED_CSV,
        text(
            Reason.MALFORMED_CSV,
            "unclosedQuote",
            "第 " + rowNumber + " 行：引号没有闭合（从这一行开始的字段一直到文件末尾）。",
            rowNumber),
        rowNumber,
        List.of(),
        null);
  }

  static TabularException fieldTooLong(int rowNumber, int maxLength) {
    return new TabularException(
        Reason.MALFORMED_CSV,
        text(
            Reason.MALFORMED_CSV,
            "fieldTooLong",
            "第 " + rowNumber + " 行：单元格内容超过 " + maxLength + " 个字符，可能是引号没有闭合。",
            rowNumber,
            maxLength),
        rowNumber,
        List.of(),
        null);
  }

  static TabularException unreadableCharacters(int rowNumber, String column, String encoding) {
    String advice = "含有无法识别的字符（�），文件的编码可能已损坏（按 " + encoding + " 读取）。请用 Excel 或记事本以 UTF-8 重新保存后再导入。";
    TabularMessage text =
        column == null
            ? text(
                Reason.UNREADABLE_CHARACTERS,
                null,
                "第 " + rowNumber + " 行" + advice,
                rowNumber,
                encoding)
            : text(
                Reason.UNREADABLE_CHARACTERS,
                "inColumn",
                "第 " + rowNumber + " 行“" + column + "”列" + advice,
                rowNumber,
                column,
                encoding);
    return new TabularException(
        Reason.UNREADABLE_CHARACTERS,
        text,
        rowNumber,
        column == null ? List.of() : List.of(column),
        null);
  }

  static TabularException io(Throwable cause) {
    return new TabularException(
        Reason.IO,
        text(Reason.IO, null, "读取文件失败：" + cause.getMessage(), cause.getMessage()),
        0,
        List.of(),
        cause);
  }

  /** "100 MB", "512 KB": the same in every language. */
  private static String humanBytes(long bytes) {
    if (bytes >= 1024 * 1024) {
      return (bytes / (1024 * 1024)) + " MB";
    }
    return (bytes / 1024) + " KB";
  }
}
