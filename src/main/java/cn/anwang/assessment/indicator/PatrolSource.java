package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.inspection.PatrolFigures;
import cn.anwang.inspection.PatrolFigures.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Patrol completion (巡查完成率), overall and per risk level: of the patrol tasks due in the period, the
 * share done, from inspection's {@link PatrolFigures}.
 */
@Component
@Order(15)
class PatrolSource implements IndicatorSource {

  static final String ALL = "patrol.completion";
  static final List<String> LEVELS = List.of("RED", "ORANGE", "YELLOW", "BLUE");

  private final PatrolFigures patrols;
  private final List<Indicator> indicators = new ArrayList<>();

  PatrolSource(PatrolFigures patrols) {
    this.patrols = patrols;
    indicators.add(indicator(ALL));
    LEVELS.forEach(l -> indicators.add(indicator(ALL + "." + l)));
  }

  private static Indicator indicator(String code) {
    return new Indicator(
        code,
        Unit.PERCENT,
        Direction.HIGHER,
        Level.GRID,
        false,
        List.of("patrol_task.due_date", "patrol_task.status", "patrol_task.risk_level"));
  }

  @Override
  public List<Indicator> indicators() {
    return indicators;
  }

  /** Every task lies in one unit, so the division's counts are its units' summed. */
  @Override
  public boolean additive() {
    return true;
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    if (slice.department() != null) {
      return result;
    }
    patrols
        .byUnitAndRisk(slice.division(), slice.unitLength(), slice.firstDay(), slice.lastDay())
        .forEach(
            (unit, byRisk) -> {
              Map<String, Figure> figures = new LinkedHashMap<>();
              long due = 0;
              long done = 0;
              for (Tasks t : byRisk.values()) {
                due += t.due();
                done += t.done();
              }
              figures.put(ALL, indicators.get(0).figure(done, due));
              for (int i = 0; i < LEVELS.size(); i++) {
                Tasks t = byRisk.getOrDefault(LEVELS.get(i), new Tasks(0, 0));
                figures.put(
                    ALL + "." + LEVELS.get(i), indicators.get(i + 1).figure(t.done(), t.due()));
              }
              result.put(unit, figures);
            });
    return result;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    String risk = code.equals(ALL) ? null : code.substring(ALL.length() + 1);
    return patrols
        .tasks(
            slice.division(),
            slice.unitLength(),
            unit,
            risk,
            "numerator".equals(part),
            slice.firstDay(),
            slice.lastDay(),
            limit)
        .stream()
        .map(
            t ->
                new Evidence(
                    part,
                    "patrolTask",
                    Long.toString(t.id()),
                    "#" + t.objectId() + " · " + t.riskLevel() + " · " + t.dueDate(),
                    t.status(),
                    t.divisionCode(),
                    t.gridCode(),
                    null,
                    "/objects/" + t.objectId()))
        .toList();
  }
}
