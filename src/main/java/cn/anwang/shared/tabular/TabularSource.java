package cn.anwang.shared.tabular;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An opened table whose header has been found: read its rows once with {@link #forEach}, then close
 * it (it may hold a temporary copy of the upload). Rows are streamed; nothing but the current row
 * is kept.
 */
public final class TabularSource implements AutoCloseable {

  /** The prefix of the warnings' message keys. */
  static final String WARNING = "tabular.warning.";

  /** The file's format, detected from its content rather than its name. */
  public enum Format {
    XLSX,
    CSV
  }

  private final Format format;
  private final String encoding;
  private final String sheetName;
  private final RawRows rows;
  private final TableSpec spec;
  private final HeaderMatcher.Match match;
  private final List<TabularMessage> warnings;
  private final Runnable cleanUp;
  private int rowsRead;
  private int emptyRowsSkipped;
  private boolean consumed;

  TabularSource(
      Format format,
      String encoding,
      String sheetName,
      RawRows rows,
      TableSpec spec,
      HeaderMatcher.Match match,
      List<TabularMessage> warnings,
      Runnable cleanUp) {
    this.format = format;
    this.encoding = encoding;
    this.sheetName = sheetName;
    this.rows = rows;
    this.spec = spec;
    this.match = match;
    this.warnings = List.copyOf(warnings);
    this.cleanUp = cleanUp;
  }

  public Format format() {
    return format;
  }

  /** The encoding a CSV file was read with ("UTF-8", "GBK/GB18030", "UTF-16LE" …), else null. */
  public String encoding() {
    return encoding;
  }

  /** The sheet read from a workbook, else null. */
  public String sheetName() {
    return sheetName;
  }

  public Header header() {
    return match.header();
  }

  /**
   * Warnings for the user, in zh-CN: unknown or repeated columns, the encoding that differed from
   * the declared one, an Excel name on a CSV file. The texts of {@link #warningMessages()}.
   */
  public List<String> warnings() {
    return warnings.stream().map(TabularMessage::defaultMessage).toList();
  }

  /**
   * The {@link #warnings()} as messages to show in the reader's language: {@code
   * messageSource.getMessage(warning, locale)} with {@code i18n/tabular} among the basenames. Their
   * codes start with {@code tabular.warning.}.
   */
  public List<TabularMessage> warningMessages() {
    return warnings;
  }

  /** Data rows handed to the handler so far. */
  public int rowsRead() {
    return rowsRead;
  }

  /** Empty rows between the header and the last data row, which were skipped. */
  public int emptyRowsSkipped() {
    return emptyRowsSkipped;
  }

  /**
   * Hands each non-empty data row to the handler, in file order.
   *
   * @throws TabularException if the file has no data row, more rows than allowed, unreadable
   *     characters or a malformed record
   * @throws IllegalStateException if the rows were already read
   */
  public void forEach(RowHandler handler) {
    if (consumed) {
      throw new IllegalStateException("The rows of a table can be read once");
    }
    consumed = true;
    int headerRow = match.header().rowNumber();
    int[] columnIndex = match.columnIndex();
    List<ColumnSpec> columns = spec.columns();
    int[] last = {headerRow};
    int[] pendingEmpty = {0};
    rows.read(
        (rowNumber, cells, count) -> {
          if (rowNumber <= headerRow) {
            return true;
          }
          pendingEmpty[0] += rowNumber - last[0] - 1;
          last[0] = rowNumber;
          if (RawRows.isBlank(cells, count)) {
            pendingEmpty[0]++;
            return true;
          }
          emptyRowsSkipped += pendingEmpty[0];
          pendingEmpty[0] = 0;
          if (++rowsRead > spec.maxRows()) {
            throw TabularException.tooManyRows(spec.maxRows(), rowNumber);
          }
          Map<String, String> values = new HashMap<>();
          for (int i = 0; i < columnIndex.length; i++) {
            int c = columnIndex[i];
            if (c >= 0 && c < count) {
              String value = Cells.clean(cells[c]);
              if (!value.isEmpty()) {
                String key = columns.get(i).key();
                if (value.indexOf('\uFFFD') >= 0) {
                  throw TabularException.unreadableCharacters(
                      rowNumber,
                      match.header().columns().get(key),
                      encoding == null ? "xlsx" : encoding);
                }
                values.put(key, value);
              }
            }
          }
          handler.handle(new Row(rowNumber, values));
          return true;
        });
    if (rowsRead == 0) {
      throw TabularException.noData(headerRow);
    }
  }

  @Override
  public void close() {
    try {
      rows.close();
    } finally {
      cleanUp.run();
    }
  }
}
