package cn.anwang.assessment.report;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.scheme.Curve;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A scheme item's curve in one short line: the floor and target, or the steps. */
final class CurveTexts {

  private CurveTexts() {}

  static String summary(Curve curve, Direction better, Locale l, ReportTexts texts) {
    if (curve == null) {
      return null;
    }
    String p = "assessment.report.score.curve.";
    if (curve.kind() == Curve.Kind.LINEAR) {
      return texts.text(
          l,
          p + "linear",
          ScoreSheetSection.fmt(curve.floor()),
          ScoreSheetSection.fmt(curve.target()));
    }
    // in words, not ≥ / ≤: the PDF's CJK font has no glyph for them
    String step = p + (better == Direction.LOWER ? "stepAtMost" : "stepAtLeast");
    List<String> steps = new ArrayList<>();
    for (Curve.Step s : curve.steps()) {
      steps.add(
          texts.text(
              l,
              step,
              ScoreSheetSection.fmt(s.threshold()),
              ScoreSheetSection.fmt(s.fraction() * 100)));
    }
    return texts.text(l, p + "steps", String.join(texts.text(l, p + "separator"), steps));
  }
}
