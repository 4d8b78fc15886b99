package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A unit's score under a scheme: per item its figure and the points the curve gives it, and the
 * total out of 100. An item whose figure is 0 / 0 (nothing to count) is left out: it earns no
 * points and its weight leaves the sum, so the other items' weights count for more; when every item
 * is left out there is no total.
 *
 * @param weightSum the points of all items
 * @param weightCounted the points of the items that were scored
 * @param total the points earned × 100 / weightCounted, rounded to 0.01; null when nothing scored
 */
public record SheetScore(
    List<Line> lines, double weightSum, double weightCounted, double earned, Double total) {

  /**
   * One item.
   *
   * @param figure the unit's figure (null when the indicator is not computed for it)
   * @param fraction the curve's fraction, null when left out
   * @param points weight × fraction rounded to 0.01, null when left out
   */
  public record Line(
      String code, double weight, Curve curve, Figure figure, Double fraction, Double points) {

    public boolean counted() {
      return points != null;
    }
  }

  /** Scores a unit's figures (indicator code → figure) on a scheme's items. */
  static SheetScore of(
      List<SchemeItem> items, Map<String, Figure> figures, Function<String, Indicator> find) {
    List<Line> lines = new ArrayList<>();
    double sum = 0;
    double counted = 0;
    double earned = 0;
    for (SchemeItem item : items) {
      Figure f = figures.get(item.code());
      sum += item.weight();
      Indicator indicator = find.apply(item.code());
      if (f == null || f.value() == null || indicator == null) {
        lines.add(new Line(item.code(), item.weight(), item.curve(), f, null, null));
        continue;
      }
      double fraction = item.curve().fraction(f.value(), indicator.better());
      double points = round(item.weight() * fraction);
      counted += item.weight();
      earned += points;
      lines.add(new Line(item.code(), item.weight(), item.curve(), f, round4(fraction), points));
    }
    Double total = counted == 0 ? null : round(earned * 100 / counted);
    return new SheetScore(lines, round(sum), round(counted), round(earned), total);
  }

  static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
