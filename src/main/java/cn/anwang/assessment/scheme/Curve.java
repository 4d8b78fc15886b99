package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.Indicator.Direction;
import java.util.List;

/**
 * How an item's figure turns into a fraction of its points. {@code LINEAR}: the floor value earns
 * nothing, the target value all, linearly in between and clamped, {@code (v − floor) / (target −
 * floor)}; for a lower-is-better indicator the floor lies above the target. {@code STEPS}: the
 * fraction of the best step the value reaches ({@code v ≥ threshold}, or {@code v ≤ threshold} for
 * a lower-is-better indicator), 0 below the first.
 *
 * @param steps for STEPS, from the easiest to the hardest threshold
 */
public record Curve(Kind kind, Double floor, Double target, List<Step> steps) {

  /** The kinds of curve. */
  public enum Kind {
    LINEAR,
    STEPS
  }

  /** A threshold and the fraction of the points reaching it earns (0 < fraction ≤ 1). */
  public record Step(Double threshold, Double fraction) {}

  public static Curve linear(double floor, double target) {
    return new Curve(Kind.LINEAR, floor, target, null);
  }

  public static Curve steps(List<Step> steps) {
    return new Curve(Kind.STEPS, null, null, steps);
  }

  /** The fraction of the points a value earns (0 to 1) under an indicator's direction. */
  public double fraction(double value, Direction better) {
    if (kind == Kind.LINEAR) {
      double f = (value - floor) / (target - floor);
      return Math.max(0, Math.min(1, f));
    }
    double best = 0;
    for (Step s : steps) {
      boolean reached = better == Direction.LOWER ? value <= s.threshold() : value >= s.threshold();
      if (reached) {
        best = Math.max(best, s.fraction());
      }
    }
    return best;
  }
}
