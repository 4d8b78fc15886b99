package cn.anwang.shared.tabular;

import java.util.HashSet;
import java.util.List;

/**
 * The table a caller expects: its columns and the limits of what it accepts.
 *
 * @param columns the expected columns, in template order; keys are unique
 * @param sheetName the sheet to read in a workbook, or {@code null} for the first sheet
 * @param headerSearchRows how many non-empty rows at the top may precede and include the header
 *     (title rows, a two-row header)
 * @param maxBytes the largest file accepted, in bytes; a larger file is refused before it is parsed
 * @param maxRows the most data rows accepted (empty rows are not counted)
 */
public record TableSpec(
    List<ColumnSpec> columns, String sheetName, int headerSearchRows, long maxBytes, int maxRows) {

  /** 100 MB: a 300,000-row object file is about 60 MB as CSV and 25 MB as xlsx. */
  public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

  public static final int DEFAULT_MAX_ROWS = 1_000_000;

  public static final int DEFAULT_HEADER_SEARCH_ROWS = 10;

  public TableSpec {
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A table needs at least one column");
    }
    var keys = new HashSet<String>();
    for (ColumnSpec column : columns) {
      if (!keys.add(column.key())) {
        throw new IllegalArgumentException("Duplicate column key: " + column.key());
      }
    }
    if (headerSearchRows < 1 || maxBytes < 1 || maxRows < 1) {
      throw new IllegalArgumentException("Limits must be positive");
    }
  }

  /** A table of these columns with the default limits, reading the first sheet. */
  public static TableSpec of(List<ColumnSpec> columns) {
    return new TableSpec(
        columns, null, DEFAULT_HEADER_SEARCH_ROWS, DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
  }

  /** A table of these columns with the default limits, reading the first sheet. */
  public static TableSpec of(ColumnSpec... columns) {
    return of(List.of(columns));
  }

  /** This table read from the named sheet instead of the first one. */
  public TableSpec inSheet(String name) {
    return new TableSpec(columns, name, headerSearchRows, maxBytes, maxRows);
  }

  /** This table with other size limits. */
  public TableSpec withLimits(long newMaxBytes, int newMaxRows) {
    return new TableSpec(columns, sheetName, headerSearchRows, newMaxBytes, newMaxRows);
  }

  /** The column with this key. */
  public ColumnSpec column(String key) {
    return columns.stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No column " + key));
  }
}
