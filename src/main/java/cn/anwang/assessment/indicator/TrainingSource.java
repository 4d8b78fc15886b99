package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.workforce.TrainingFigures;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Training coverage (培训覆盖率) and train-before-post breaches (未培训上岗率), judged on the last day of the
 * period (today for a period not yet over), from workforce's {@link TrainingFigures}. Officers
 * belong to a street or a village, so the finest level is the village.
 */
@Component
@Order(12)
class TrainingSource implements IndicatorSource {

  static final String COVERAGE = "training.coverage";
  static final String BREACHES = "training.unqualifiedOnPost";

  private static final List<String> FACTS =
      List.of("officer.status", "training_certificate.expires_on", "officer_assignment.ends_on");

  private static final Indicator TRAINED =
      new Indicator(COVERAGE, Unit.PERCENT, Direction.HIGHER, Level.VILLAGE, false, FACTS);
  private static final Indicator UNTRAINED =
      new Indicator(BREACHES, Unit.PERCENT, Direction.LOWER, Level.VILLAGE, false, FACTS);

  private final TrainingFigures training;

  TrainingSource(TrainingFigures training) {
    this.training = training;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(TRAINED, UNTRAINED);
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    if (slice.department() != null || slice.rows() == Level.GRID) {
      return result;
    }
    training
        .byUnit(slice.division(), slice.unitLength(), day(slice))
        .forEach(
            (unit, c) -> {
              Map<String, Figure> figures = new LinkedHashMap<>();
              figures.put(COVERAGE, TRAINED.figure(c.qualified(), c.active()));
              figures.put(BREACHES, UNTRAINED.figure(c.onPostUnqualified(), c.onPost()));
              result.put(unit, figures);
            });
    return result;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    boolean numerator = "numerator".equals(part);
    String which =
        COVERAGE.equals(code)
            ? (numerator ? "qualified" : "active")
            : (numerator ? "onPostUnqualified" : "onPost");
    return training
        .officers(slice.division(), slice.unitLength(), unit, which, day(slice), limit)
        .stream()
        .map(
            o ->
                new Evidence(
                    part,
                    "officer",
                    Long.toString(o.id()),
                    o.name(),
                    o.qualified() ? "QUALIFIED" : "UNQUALIFIED",
                    o.divisionCode(),
                    null,
                    null,
                    "/workforce/officers/" + o.id() + "/training"))
        .toList();
  }

  /** The last day of the period, or today while it runs. */
  private static LocalDate day(Slice s) {
    LocalDate last = s.lastDay();
    LocalDate today = s.now().atZone(WorkingCalendar.CHINA).toLocalDate();
    return last.isAfter(today) ? today : last;
  }
}
