package cn.anwang.shared.tabular;

import java.util.Map;

/**
 * One non-empty data row.
 *
 * @param rowNumber the row number as the user sees it: Excel's row number, or for CSV the record's
 *     position counting the header and any title or empty lines (what Excel shows when it opens the
 *     CSV)
 * @param values the trimmed non-blank values by column key; a blank cell, or a column the file does
 *     not have, has no entry
 */
public record Row(int rowNumber, Map<String, String> values) {

  public Row {
    values = Map.copyOf(values);
  }

  /** The trimmed value of the column, or {@code null} if the cell is blank or the column absent. */
  public String get(String key) {
    return values.get(key);
  }

  /** Whether the cell is blank or the column absent. */
  public boolean isBlank(String key) {
    return !values.containsKey(key);
  }
}
