package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.assessment.scheme.Curve.Kind;
import cn.anwang.assessment.scheme.Curve.Step;
import cn.anwang.shared.web.ApiProblems;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a scheme's items must be: a known indicator that is scored (not NEUTRAL), counts nothing
 * formalist ({@link IndicatorCatalogue#formalism}), is computed at the assessed level, appears
 * once, weighs more than 0 points, and has a curve that rewards the indicator's better direction.
 * Refusals are 422 naming the item.
 */
final class SchemeRules {

  static final int MAX_ITEMS = 40;
  static final int MAX_STEPS = 10;

  private SchemeRules() {}

  /** Refuses the first bad item; {@code find} looks a code up in the catalogue. */
  static void check(
      List<SchemeItem> items, Level assessed, Function<String, Indicator> find, SchemeTexts texts) {
    if (items.size() > MAX_ITEMS) {
      throw ApiProblems.unprocessable(
          "items", texts.text("scheme.refused.items.tooMany", MAX_ITEMS));
    }
    Set<String> seen = new HashSet<>();
    for (int n = 0; n < items.size(); n++) {
      SchemeItem item = items.get(n);
      String field = "items[" + n + "]";
      String code = item == null || item.code() == null ? "" : item.code().strip();
      Object[] name = {n + 1, code};
      Indicator indicator = code.isEmpty() ? null : find.apply(code);
      if (indicator == null) {
        throw refuse(field + ".code", texts, "scheme.refused.item.unknown", name);
      }
      if (IndicatorCatalogue.formalism(indicator) != null) {
        throw refuse(field + ".code", texts, "scheme.refused.item.formalism", name);
      }
      if (indicator.better() == Direction.NEUTRAL) {
        throw refuse(field + ".code", texts, "scheme.refused.item.neutral", name);
      }
      if (!indicator.finest().atOrBelow(assessed)) {
        throw refuse(field + ".code", texts, "scheme.refused.item.level", name);
      }
      if (!seen.add(code)) {
        throw refuse(field + ".code", texts, "scheme.refused.item.duplicate", name);
      }
      Double w = item.weight();
      if (w == null || !Double.isFinite(w) || w <= 0 || w > 1000) {
        throw refuse(field + ".weight", texts, "scheme.refused.item.weight", name);
      }
      checkCurve(item.curve(), indicator.better(), field + ".curve", name, texts);
    }
  }

  private static void checkCurve(
      Curve c, Direction better, String field, Object[] name, SchemeTexts texts) {
    if (c == null || c.kind() == null) {
      throw refuse(field, texts, "scheme.refused.curve.kind", name);
    }
    if (c.kind() == Kind.LINEAR) {
      if (!finite(c.floor()) || !finite(c.target())) {
        throw refuse(field, texts, "scheme.refused.curve.linear", name);
      }
      boolean rewardsBetter =
          better == Direction.LOWER ? c.target() < c.floor() : c.target() > c.floor();
      if (!rewardsBetter) {
        throw refuse(field, texts, "scheme.refused.curve.direction", name);
      }
      return;
    }
    List<Step> steps = c.steps();
    if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw refuse(field, texts, "scheme.refused.curve.steps", name);
    }
    Step previous = null;
    for (Step s : steps) {
      if (s == null
          || !finite(s.threshold())
          || !finite(s.fraction())
          || s.fraction() <= 0
          || s.fraction() > 1) {
        throw refuse(field, texts, "scheme.refused.curve.step", name);
      }
      if (previous != null) {
        boolean harder =
            better == Direction.LOWER
                ? s.threshold() < previous.threshold()
                : s.threshold() > previous.threshold();
        if (!harder || s.fraction() <= previous.fraction()) {
          throw refuse(field, texts, "scheme.refused.curve.order", name);
        }
      }
      previous = s;
    }
  }

  private static boolean finite(Double d) {
    return d != null && Double.isFinite(d);
  }

  private static RuntimeException refuse(
      String field, SchemeTexts texts, String key, Object[] args) {
    return ApiProblems.unprocessable(field, texts.text(key, args));
  }
}
