package cn.anwang.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The patrol task counts the assessment builds on, grouped by unit: the prefix of the task's
 * division code of {@code unitLength} (6, 9 or 12), or its grid code when it is 0. Unscoped:
 * callers put the reader's territory into {@code divisionPrefix}.
 */
public interface PatrolFigures {

  /** Tasks due in a period and those done, of one risk level. */
  record Tasks(long due, long done) {}

  /**
   * Per unit, per risk level (RED, ORANGE, YELLOW, BLUE), the tasks whose due date falls in [{@code
   * first}, {@code last}] and how many are done.
   */
  Map<String, Map<String, Tasks>> byUnitAndRisk(
      String divisionPrefix, int unitLength, LocalDate first, LocalDate last);

  /** A task behind a figure. */
  record TaskRecord(
      long id,
      long objectId,
      String riskLevel,
      String status,
      String divisionCode,
      String gridCode,
      LocalDate dueDate) {}

  /**
   * The tasks behind {@link #byUnitAndRisk} in one unit, latest due first.
   *
   * @param riskLevel one level, or null for all
   * @param doneOnly only the done ones (the numerator)
   */
  List<TaskRecord> tasks(
      String divisionPrefix,
      int unitLength,
      String unit,
      String riskLevel,
      boolean doneOnly,
      LocalDate first,
      LocalDate last,
      int limit);
}
