package cn.anwang.assessment.indicator;

import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;

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

  /** The period's first day in Beijing time. */
  public LocalDate firstDay() {
    return from.atZone(WorkingCalendar.CHINA).toLocalDate();
  }

  /** The period's last day in Beijing time ({@code to} is exclusive). */
  public LocalDate lastDay() {
    return to.atZone(WorkingCalendar.CHINA).toLocalDate().minusDays(1);
  }

  /** The same slice with rows of another level. */
  public Slice by(Level level) {
    return new Slice(division, department, level, from, to, now);
  }
}
