package cn.anwang.assessment.indicator;

import java.time.Instant;

/**
 * What a source computes over: the division subtree (already checked against the reader's scope),
 * the department (department staff: their own; null for all), how rows are grouped, the period.
 *
 * @param rows the level of the rows: a division level, or the grid
 */
public record Slice(
    String division, String department, Level rows, Instant from, Instant to, Instant now) {

  public int unitLength() {
    return rows.codeLength();
  }

  /** The same slice with rows of another level. */
  public Slice by(Level level) {
    return new Slice(division, department, level, from, to, now);
  }
}
