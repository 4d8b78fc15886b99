package cn.anwang.assessment.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.assessment.scheme.Curve.Step;
import cn.anwang.assessment.scheme.Rankings.Place;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The curves, the 0 / 0 rule and the ranking's shared places, by hand. */
class SchemeScoringTest {

  @Test
  void linearCurvesClampAndWorkBothWays() {
    Curve higher = Curve.linear(50, 100);
    assertThat(higher.fraction(75, Direction.HIGHER)).isEqualTo(0.5);
    assertThat(higher.fraction(40, Direction.HIGHER)).isZero();
    assertThat(higher.fraction(120, Direction.HIGHER)).isEqualTo(1.0);
    // lower is better: 30 % overdue earns nothing, 5 % all; 10 % is (10 − 30) / (5 − 30) = 0.8
    Curve lower = Curve.linear(30, 5);
    assertThat(lower.fraction(10, Direction.LOWER)).isEqualTo(0.8);
    assertThat(lower.fraction(2, Direction.LOWER)).isEqualTo(1.0);
    assertThat(lower.fraction(40, Direction.LOWER)).isZero();
  }

  @Test
  void stepsEarnTheBestStepReached() {
    Curve up = Curve.steps(List.of(new Step(60.0, 0.5), new Step(80.0, 1.0)));
    assertThat(up.fraction(59.9, Direction.HIGHER)).isZero();
    assertThat(up.fraction(60, Direction.HIGHER)).isEqualTo(0.5);
    assertThat(up.fraction(95, Direction.HIGHER)).isEqualTo(1.0);
    Curve down = Curve.steps(List.of(new Step(20.0, 0.4), new Step(10.0, 1.0)));
    assertThat(down.fraction(15, Direction.LOWER)).isEqualTo(0.4);
    assertThat(down.fraction(10, Direction.LOWER)).isEqualTo(1.0);
    assertThat(down.fraction(25, Direction.LOWER)).isZero();
  }

  @Test
  void anItemWithNothingToCountIsLeftOutAndItsWeightLeavesTheSum() {
    Indicator a = indicator("a", Direction.HIGHER);
    Indicator b = indicator("b", Direction.LOWER);
    List<SchemeItem> items =
        List.of(
            new SchemeItem("a", 60.0, Curve.linear(0, 100)),
            new SchemeItem("b", 40.0, Curve.linear(30, 5)));
    // a: 90 % → 54 of 60; b: 0 / 0 → left out; total 54 × 100 / 60 = 90
    SheetScore s =
        SheetScore.of(
            items,
            Map.of("a", new Figure(90.0, 9L, 10L), "b", new Figure(null, 0L, 0L)),
            c -> c.equals("a") ? a : b);
    assertThat(s.lines().get(0).points()).isEqualTo(54.0);
    assertThat(s.lines().get(1).counted()).isFalse();
    assertThat(s.weightSum()).isEqualTo(100.0);
    assertThat(s.weightCounted()).isEqualTo(60.0);
    assertThat(s.total()).isEqualTo(90.0);
    // b: 10 % → 0.8 × 40 = 32; total (54 + 32) × 100 / 100 = 86
    SheetScore both =
        SheetScore.of(
            items,
            Map.of("a", new Figure(90.0, 9L, 10L), "b", new Figure(10.0, 1L, 10L)),
            c -> c.equals("a") ? a : b);
    assertThat(both.total()).isEqualTo(86.0);
    // nothing at all to count: no total
    assertThat(SheetScore.of(items, Map.of(), c -> a).total()).isNull();
  }

  @Test
  void equalTotalsShareARankAndTheNextSkips() {
    List<Place> ranked =
        Rankings.rank(
            List.of(
                new Place("s4", "丁", null, null),
                new Place("s2", "乙", 80.0, null),
                new Place("s1", "甲", 90.0, null),
                new Place("s3", "丙", 90.0, null),
                new Place("s5", "戊", 70.5, null)));
    assertThat(ranked.stream().map(Place::unit)).containsExactly("s1", "s3", "s2", "s5", "s4");
    assertThat(ranked.stream().map(Place::rank)).containsExactly(1, 1, 3, 4, null);
  }

  private static Indicator indicator(String code, Direction better) {
    return new Indicator(code, Unit.PERCENT, better, Level.GRID, false, List.of("safety_case.x"));
  }
}
