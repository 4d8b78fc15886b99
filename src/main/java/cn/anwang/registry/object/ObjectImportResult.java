package cn.anwang.registry.object;

import cn.anwang.shared.tabular.RowProblem;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an object import found and did.
 *
 * @param dryRun whether this was only a check
 * @param written whether objects were written (false for a dry run and a refused import)
 * @param format XLSX or CSV
 * @param encoding the text encoding a CSV was read in, null for a workbook
 * @param sheet the sheet a workbook was read from, null for CSV
 * @param rowsRead non-empty data rows
 * @param emptyRowsSkipped empty rows between and after the data
 * @param validRows rows without any problem
 * @param rejectedRows rows with at least one problem
 * @param created objects written
 * @param duplicates rows that repeat an earlier row or an object already registered
 * @param withoutDepartment valid rows no responsibility rule gives a department to (the district
 *     must assign one by hand)
 * @param outsideGrids valid rows whose location lies outside every grid (listed for attention)
 * @param warnings about the file as a whole (encoding assumed, columns ignored …)
 * @param problems the first problems, row by row, in file order
 * @param totalProblems all problems, also those not listed
 * @param truncated whether some problems are not listed
 */
record ObjectImportResult(
    boolean dryRun,
    ObjectImport.Mode mode,
    boolean written,
    String format,
    String encoding,
    String sheet,
    long rowsRead,
    long emptyRowsSkipped,
    long validRows,
    long rejectedRows,
    long created,
    long duplicates,
    long withoutDepartment,
    long outsideGrids,
    List<String> warnings,
    List<Problem> problems,
    long totalProblems,
    boolean truncated) {

  /** Whether the file, as checked, would be (or was) imported in its mode. */
  @JsonProperty
  public boolean acceptable() {
    return rowsRead > 0
        && (rejectedRows == 0 || (mode == ObjectImport.Mode.VALID_ROWS && validRows > 0));
  }

  /**
   * @param row the row number as the spreadsheet shows it
   * @param column the column's header as the file has it, or null for the whole row
   * @param columnKey the column's key in the template, or null
   * @param reason what is wrong, in the request's language
   */
  record Problem(int row, String column, String columnKey, String reason) {

    static Problem of(RowProblem p) {
      return new Problem(p.rowNumber(), p.columnHeader(), p.columnKey(), p.reason());
    }
  }
}
