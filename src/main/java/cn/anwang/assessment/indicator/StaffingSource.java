package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.workforce.StaffingFigures;
import cn.anwang.workforce.StaffingFigures.StreetStaffing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 配备达标率: the streets whose active street-tier officers are within their district's norm, of all
 * streets, judged now, from workforce's {@link StaffingFigures}. The finest level is the street.
 */
@Component
@Order(11)
class StaffingSource implements IndicatorSource {

  static final String CODE = "staffing.compliance";

  private static final Indicator COMPLIANCE =
      new Indicator(
          CODE,
          Unit.PERCENT,
          Direction.HIGHER,
          Level.STREET,
          true,
          List.of("officer.status", "officer.tier", "staffing_norm.min_per_street"));

  private final StaffingFigures staffing;

  StaffingSource(StaffingFigures staffing) {
    this.staffing = staffing;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(COMPLIANCE);
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    if (slice.department() != null || slice.rows().atOrBelow(Level.VILLAGE)) {
      return result;
    }
    Map<String, long[]> counts = new TreeMap<>();
    for (StreetStaffing s : staffing.streets(slice.division())) {
      long[] c =
          counts.computeIfAbsent(s.code().substring(0, slice.unitLength()), u -> new long[2]);
      c[1]++;
      if (s.within()) {
        c[0]++;
      }
    }
    counts.forEach((u, c) -> result.put(u, Map.of(CODE, COMPLIANCE.figure(c[0], c[1]))));
    return result;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    return staffing.streets(slice.division()).stream()
        .filter(s -> s.code().startsWith(unit))
        .filter(s -> !"numerator".equals(part) || s.within())
        .limit(limit)
        .map(
            s ->
                new Evidence(
                    part,
                    "street",
                    s.code(),
                    s.name() + " · " + s.officers() + " (" + s.min() + "–" + s.max() + ")",
                    s.within() ? "WITHIN" : "OUTSIDE",
                    s.code(),
                    null,
                    null,
                    "/workforce/staffing?division=" + s.code()))
        .toList();
  }
}
