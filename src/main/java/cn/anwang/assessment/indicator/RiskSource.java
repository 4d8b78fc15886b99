package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.registry.ObjectCounts;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 高风险占比: the objects at the two highest risk levels (重大 RED, 较大 ORANGE, the override first) of the
 * objects on the register, judged now, from registry's {@link ObjectCounts}. NEUTRAL: it shows
 * where the risk lies and is never scored, as how an object is rated must not become a target.
 */
@Component
@Order(50)
class RiskSource implements IndicatorSource {

  static final String CODE = "risk.highShare";

  private static final Set<String> HIGH = Set.of("RED", "ORANGE");

  private static final Indicator HIGH_SHARE =
      new Indicator(
          CODE,
          Unit.PERCENT,
          Direction.NEUTRAL,
          Level.GRID,
          true,
          List.of(
              "supervised_object.risk_level",
              "supervised_object.risk_override_level",
              "supervised_object.status"));

  private final ObjectCounts objects;
  private final SupervisedObjects registry;

  RiskSource(ObjectCounts objects, SupervisedObjects registry) {
    this.objects = objects;
    this.registry = registry;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(HIGH_SHARE);
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    // department staff read their department's cases; the register's risk is the territory's
    if (slice.department() != null) {
      return result;
    }
    objects
        .byUnitAndRisk(slice.division(), slice.unitLength())
        .forEach(
            (unit, levels) -> {
              long high = 0;
              long all = 0;
              for (Map.Entry<String, Integer> e : levels.entrySet()) {
                all += e.getValue();
                high += HIGH.contains(e.getKey()) ? e.getValue() : 0;
              }
              result.put(unit, Map.of(CODE, HIGH_SHARE.figure(high, all)));
            });
    return result;
  }

  /** Each object lies in one unit of the rows. */
  @Override
  public boolean additive() {
    return true;
  }

  /** A grid's objects (a larger unit's are on registry's list page, filtered by risk). */
  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    if (slice.rows() != Level.GRID || slice.department() != null) {
      return List.of();
    }
    return registry.inGrids(List.of(unit), 10_000).stream()
        .filter(o -> o.divisionCode().startsWith(slice.division()))
        .filter(o -> !"numerator".equals(part) || HIGH.contains(o.riskLevel()))
        .limit(limit)
        .map(o -> evidence(part, o))
        .toList();
  }

  private static Evidence evidence(String part, ObjectRef o) {
    return new Evidence(
        part,
        "object",
        Long.toString(o.id()),
        o.name(),
        o.riskLevel(),
        o.divisionCode(),
        o.gridCode(),
        null,
        "/objects/" + o.id());
  }
}
