package cn.anwang.shared.tabular;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Accumulates the problems of a row-by-row import: keeps the first {@code limit} problems in full
 * and counts all of them, and counts the distinct rows with a problem. Whether a file with problems
 * is refused as a whole or only its valid rows are taken is the caller's policy. Not thread-safe.
 */
public final class ImportReport {

  /** Enough for a person to read and fix; the total is still counted. */
  public static final int DEFAULT_LIMIT = 1000;

  private final int limit;
  private final List<RowProblem> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final BitSet rowsWithProblems = new BitSet();
  private long totalProblems;
  private long rowsRead;

  public ImportReport() {
    this(DEFAULT_LIMIT);
  }

  public ImportReport(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    this.limit = limit;
  }

  /** Records a problem. */
  public void add(RowProblem problem) {
    totalProblems++;
    if (problem.rowNumber() > 0) {
      rowsWithProblems.set(problem.rowNumber());
    }
    if (problems.size() < limit) {
      problems.add(problem);
    }
  }

  /** Records a file-level warning (unknown columns, the encoding that was assumed …). */
  public void warn(String warning) {
    warnings.add(warning);
  }

  /** Records the warnings a source found while opening the file. */
  public void warnAll(List<String> sourceWarnings) {
    warnings.addAll(sourceWarnings);
  }

  /** Counts a row that was read (valid or not). */
  public void countRow() {
    rowsRead++;
  }

  /** Whether this row already has a problem. */
  public boolean hasProblem(int rowNumber) {
    return rowNumber > 0 && rowsWithProblems.get(rowNumber);
  }

  public boolean hasProblems() {
    return totalProblems > 0;
  }

  /** The first problems, at most the limit, in the order they were added. */
  public List<RowProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  public long totalProblems() {
    return totalProblems;
  }

  /** Whether some problems were counted but not kept. */
  public boolean truncated() {
    return totalProblems > problems.size();
  }

  /** How many distinct rows have at least one problem. */
  public int rowsWithProblems() {
    return rowsWithProblems.cardinality();
  }

  public long rowsRead() {
    return rowsRead;
  }

  /** Rows read without any problem. */
  public long validRows() {
    return rowsRead - rowsWithProblems();
  }

  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }
}
