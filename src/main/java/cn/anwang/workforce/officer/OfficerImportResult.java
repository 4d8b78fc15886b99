package cn.anwang.workforce.officer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an officer import found and did.
 *
 * @param written whether officers were written (false for a dry run and a refused import)
 * @param created officers written
 * @param assigned grid assignments written
 * @param problems the problems row by row, in file order, in the request's language
 */
public record OfficerImportResult(
    boolean dryRun,
    boolean written,
    String format,
    String encoding,
    String sheet,
    long rowsRead,
    long validRows,
    long rejectedRows,
    long created,
    long assigned,
    List<String> warnings,
    List<Problem> problems,
    long totalProblems,
    boolean truncated) {

  /** Whether the file, as checked, would be (or was) imported: rows and no problem. */
  @JsonProperty
  public boolean acceptable() {
    return rowsRead > 0 && rejectedRows == 0;
  }

  /**
   * @param row the row number as the spreadsheet shows it
   * @param column the column's header as the file has it, or null for the whole row
   * @param columnKey the column's key in the template, or null
   * @param reason what is wrong
   */
  public record Problem(int row, String column, String columnKey, String reason) {}
}
