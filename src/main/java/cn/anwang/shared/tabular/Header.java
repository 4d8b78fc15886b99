package cn.anwang.shared.tabular;

import java.util.List;
import java.util.Map;

/**
 * The header row found in a file.
 *
 * @param rowNumber the header's row number as the user sees it
 * @param columns the declared columns found, by key, with the header text as the file writes it
 *     (the lower row's text in a two-row header)
 * @param missingOptional keys of optional columns the file does not have
 * @param unknownColumns headers in the file that match no declared column (ignored)
 */
public record Header(
    int rowNumber,
    Map<String, String> columns,
    List<String> missingOptional,
    List<String> unknownColumns) {

  public Header {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
    missingOptional = List.copyOf(missingOptional);
    unknownColumns = List.copyOf(unknownColumns);
  }

  /** Whether the file has this column. */
  public boolean has(String key) {
    return columns.containsKey(key);
  }

  /**
   * A problem with one cell, naming the column as the file does ({@code key} itself for a column
   * the file does not have).
   */
  public RowProblem problem(int rowNumber, String key, String reason) {
    return new RowProblem(rowNumber, key, columns.getOrDefault(key, key), reason);
  }
}
