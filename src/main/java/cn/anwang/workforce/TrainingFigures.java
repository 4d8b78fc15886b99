package cn.anwang.workforce;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Train before post (先培训后上岗) in figures, for the assessment: the active officers per unit (the
 * prefix of their street's or village's code of {@code unitLength}, 6, 9 or 12), how many are
 * qualified on a day (every pre-post course that applies to them held with a valid certificate, as
 * the officer pages judge it), and how many hold a grid without being qualified. Unscoped: callers
 * put the reader's territory into {@code divisionPrefix}.
 */
public interface TrainingFigures {

  /**
   * @param active active officers
   * @param qualified of those, qualified on the day
   * @param onPost of the active officers, those assigned to a grid now
   * @param onPostUnqualified of those, not qualified on the day (a train-before-post breach)
   */
  record Counts(long active, long qualified, long onPost, long onPostUnqualified) {}

  Map<String, Counts> byUnit(String divisionPrefix, int unitLength, LocalDate day);

  /** An officer behind a figure. */
  record OfficerRecord(
      long id, String name, String divisionCode, boolean qualified, boolean onPost) {}

  /**
   * The active officers of one unit, by name.
   *
   * @param which {@code active}, {@code qualified}, {@code onPost} or {@code onPostUnqualified}
   */
  List<OfficerRecord> officers(
      String divisionPrefix, int unitLength, String unit, String which, LocalDate day, int limit);
}
