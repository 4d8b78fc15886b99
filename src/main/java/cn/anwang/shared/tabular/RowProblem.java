package cn.anwang.shared.tabular;

/**
 * Why a row, or one of its cells, was not accepted.
 *
 * @param rowNumber the row number as the user sees it (see {@link Row#rowNumber()})
 * @param columnKey the column's key, or {@code null} for a problem with the whole row
 * @param columnHeader the column's header as the file names it, or {@code null} for the whole row
 * @param reason what is wrong, for the user (zh-CN)
 */
public record RowProblem(int rowNumber, String columnKey, String columnHeader, String reason) {

  /** A problem with the whole row, e.g. a duplicate. */
  public static RowProblem ofRow(int rowNumber, String reason) {
    return new RowProblem(rowNumber, null, null, reason);
  }
}
