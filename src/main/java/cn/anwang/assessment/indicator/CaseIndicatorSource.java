package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.casework.CaseFigures;
import cn.anwang.casework.CaseFigures.CaseRecord;
import cn.anwang.casework.CaseFigures.Measure;
import cn.anwang.registry.ObjectCounts;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The case indicators of GB/T 30428 and the rest of the loop, from casework's {@link CaseFigures};
 * hazards per 100 objects with registry's {@link ObjectCounts} below.
 */
@Component
@Order(20)
class CaseIndicatorSource implements IndicatorSource {

  /** An indicator over two case measures (numerator, denominator). */
  private record Ratio(Indicator indicator, Measure numerator, Measure denominator) {}

  static final String HAZARDS_PER_HUNDRED = "hazard.perHundredObjects";

  private static final List<Ratio> RATIOS =
      List.of(
          ratio(
              "case.closeRate",
              Direction.HIGHER,
              false,
              Measure.CLOSED,
              Measure.DUE,
              "safety_case.due_at",
              "safety_case.status"),
          ratio(
              "case.onTimeRate",
              Direction.HIGHER,
              false,
              Measure.CLOSED_ON_TIME,
              Measure.DUE,
              "safety_case.due_at",
              "safety_case.closed_on_time"),
          ratio(
              "case.reworkRate",
              Direction.LOWER,
              false,
              Measure.REWORK,
              Measure.DUE,
              "case_event.REWORK",
              "safety_case.due_at"),
          ratio(
              "case.extensionRate",
              Direction.LOWER,
              false,
              Measure.EXTENSIONS,
              Measure.DUE,
              "case_event.APPROVE_EXTENSION",
              "safety_case.due_at"),
          ratio(
              "case.overdueRate",
              Direction.LOWER,
              true,
              Measure.OVERDUE_NOW,
              Measure.OPEN_NOW,
              "safety_case.stage_due_at",
              "safety_case.status"),
          ratio(
              "case.wrongDispatchRate",
              Direction.LOWER,
              false,
              Measure.WRONG_DISPATCHES,
              Measure.DISPATCHES,
              "case_event.RETURN",
              "case_event.DISPATCH"),
          ratio(
              "case.reinspectionTimeliness",
              Direction.HIGHER,
              false,
              Measure.REINSPECTIONS_ON_TIME,
              Measure.REINSPECTIONS,
              "case_event.REINSPECT_PASS",
              "case_event.REWORK"));

  private static final Indicator HAZARD_DENSITY =
      new Indicator(
          HAZARDS_PER_HUNDRED,
          Unit.PER_HUNDRED,
          Direction.NEUTRAL,
          Level.GRID,
          false,
          List.of("safety_case.registered_at", "safety_case.type", "supervised_object.status"));

  private final CaseFigures cases;
  private final ObjectCounts objects;

  CaseIndicatorSource(CaseFigures cases, ObjectCounts objects) {
    this.cases = cases;
    this.objects = objects;
  }

  private static Ratio ratio(
      String code,
      Direction better,
      boolean current,
      Measure numerator,
      Measure denominator,
      String... facts) {
    return new Ratio(
        new Indicator(code, Unit.PERCENT, better, Level.GRID, current, List.of(facts)),
        numerator,
        denominator);
  }

  @Override
  public List<Indicator> indicators() {
    List<Indicator> all = new java.util.ArrayList<>(RATIOS.stream().map(Ratio::indicator).toList());
    all.add(HAZARD_DENSITY);
    return all;
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<Measure, Long>> counts = cases.count(caseSlice(slice));
    // department staff see their department's cases, not its share of the objects: no density
    Map<String, Integer> objectCounts =
        slice.department() == null
            ? objects.byUnit(slice.division(), slice.unitLength())
            : Map.of();
    Map<String, Map<String, Figure>> result = new TreeMap<>();
    java.util.Set<String> units = new java.util.TreeSet<>(counts.keySet());
    units.addAll(objectCounts.keySet());
    for (String unit : units) {
      Map<Measure, Long> c = counts.getOrDefault(unit, new EnumMap<>(Measure.class));
      Map<String, Figure> figures = new LinkedHashMap<>();
      for (Ratio r : RATIOS) {
        figures.put(
            r.indicator().code(),
            r.indicator()
                .figure(c.getOrDefault(r.numerator(), 0L), c.getOrDefault(r.denominator(), 0L)));
      }
      figures.put(
          HAZARDS_PER_HUNDRED,
          HAZARD_DENSITY.figure(
              c.getOrDefault(Measure.HAZARDS, 0L), objectCounts.getOrDefault(unit, 0)));
      result.put(unit, figures);
    }
    return result;
  }

  /**
   * Cases, objects and grids each lie in one unit of the rows (the division itself counts as one).
   */
  @Override
  public boolean additive() {
    return true;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    Measure measure;
    if (HAZARDS_PER_HUNDRED.equals(code)) {
      if (!"numerator".equals(part)) {
        // the objects are registry's: its list page filtered by the unit
        return List.of();
      }
      measure = Measure.HAZARDS;
    } else {
      Ratio r =
          RATIOS.stream().filter(x -> x.indicator().code().equals(code)).findFirst().orElseThrow();
      measure = "numerator".equals(part) ? r.numerator() : r.denominator();
    }
    return cases.records(caseSlice(slice), unit, measure, limit).stream()
        .map(c -> evidence(part, c))
        .toList();
  }

  private static CaseFigures.Slice caseSlice(Slice s) {
    return new CaseFigures.Slice(
        s.division(), s.department(), s.unitLength(), s.from(), s.to(), s.now());
  }

  private static Evidence evidence(String part, CaseRecord c) {
    return new Evidence(
        part,
        "case",
        Long.toString(c.id()),
        c.number() + " " + c.title(),
        c.status(),
        c.divisionCode(),
        c.gridCode(),
        c.closedAt() != null ? c.closedAt() : c.dueAt() != null ? c.dueAt() : c.registeredAt(),
        "/cases/" + c.id());
  }
}
