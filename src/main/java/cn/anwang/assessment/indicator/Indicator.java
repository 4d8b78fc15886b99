package cn.anwang.assessment.indicator;

import java.util.List;

/**
 * One indicator of the catalogue. Its name, definition, numerator and denominator are message keys
 * {@code assessment.indicator.<code>.name|definition|numerator|denominator}.
 *
 * @param code a stable code, e.g. {@code case.closeRate}
 * @param unit how the value reads
 * @param better which way is better; NEUTRAL figures inform and are never scored
 * @param finest the finest level it can be computed at
 * @param current whether it is judged now (open cases, grids with an officer) rather than over the
 *     period
 * @param facts the recorded facts it counts (table.column), for the reader and the anti-formalism
 *     check
 */
public record Indicator(
    String code, Unit unit, Direction better, Level finest, boolean current, List<String> facts) {

  /** How the value reads. */
  public enum Unit {
    /** numerator / denominator, shown in per cent */
    PERCENT,
    /** numerator × 100 / denominator */
    PER_HUNDRED,
    /** a median duration in hours over the denominator's records */
    HOURS
  }

  /** Which way is better. */
  public enum Direction {
    HIGHER,
    LOWER,
    NEUTRAL
  }

  /** The figure of a numerator and a denominator in this indicator's unit (null when 0 / 0). */
  public Figure figure(long numerator, long denominator) {
    if (denominator == 0) {
      return new Figure(null, numerator, denominator);
    }
    double v =
        unit == Unit.PERCENT
            ? numerator * 100.0 / denominator
            : unit == Unit.PER_HUNDRED ? numerator * 100.0 / denominator : numerator;
    return new Figure(Math.round(v * 100) / 100.0, numerator, denominator);
  }
}
