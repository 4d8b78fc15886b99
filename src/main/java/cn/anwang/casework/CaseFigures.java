package cn.anwang.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The case counts other modules build indicators on (the assessment), grouped by unit and derived
 * only from what the transitions wrote: the case's moments and its timeline. Unscoped: the caller
 * puts the reader's territory into {@link Slice#divisionPrefix} and department into {@link
 * Slice#department}.
 */
public interface CaseFigures {

  /** What is counted; each is a set of cases (or timeline lines) a figure can be drilled into. */
  enum Measure {
    /** registered (立案) in the period */
    REGISTERED,
    /** registered in the period, a general or major hazard */
    HAZARDS,
    /** 应结案: the rectification deadline falls in the period, voided cases excluded */
    DUE,
    /** 结案: due in the period and closed */
    CLOSED,
    /** 按期结案: due in the period and closed by the deadline */
    CLOSED_ON_TIME,
    /** 返工: re-inspections that sent the case back, in the period */
    REWORK,
    /** approved extensions (延期), in the period */
    EXTENSIONS,
    /** dispatches (派遣), in the period */
    DISPATCHES,
    /** dispatches returned as wrong (退回), in the period */
    WRONG_DISPATCHES,
    /** re-inspections (复查: passed or rework) in the period that recorded their deadline */
    REINSPECTIONS,
    /** of those, done by the re-inspection stage's deadline */
    REINSPECTIONS_ON_TIME,
    /** open now (not closed or voided) */
    OPEN_NOW,
    /** open now and past the current stage's deadline */
    OVERDUE_NOW
  }

  /**
   * @param divisionPrefix the division subtree (a city, district, street or village code)
   * @param department only cases handled by this department, or null for all
   * @param unitLength how rows are grouped: the length of the division code prefix (2, 6, 9 or 12),
   *     or 0 for the grid
   * @param from start of the period, inclusive
   * @param to end of the period, exclusive
   * @param now the moment "now" measures are judged at
   */
  record Slice(
      String divisionPrefix,
      String department,
      int unitLength,
      Instant from,
      Instant to,
      Instant now) {}

  /** A case behind a figure. */
  record CaseRecord(
      long id,
      String number,
      String title,
      String type,
      String status,
      String divisionCode,
      String gridCode,
      Instant registeredAt,
      Instant dueAt,
      Instant closedAt,
      Boolean closedOnTime) {}

  /**
   * Every measure per unit (the unit's code prefix, or grid code; cases without a grid are under
   * the key {@code ""} when grouping by grid). Units without any case are absent.
   */
  Map<String, Map<Measure, Long>> count(Slice slice);

  /**
   * The cases behind one measure in one unit of the slice, newest first.
   *
   * @param unit a code of {@code slice.unitLength()} (or a grid code when it is 0)
   * @param limit at most this many
   */
  List<CaseRecord> records(Slice slice, String unit, Measure measure, int limit);
}
