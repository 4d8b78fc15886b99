package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import cn.anwang.publicreport.PublicReportIndicators;
import cn.anwang.publicreport.PublicReportIndicators.Figures;
import cn.anwang.publicreport.PublicReportIndicators.Group;
import cn.anwang.publicreport.PublicReportIndicators.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Public-report handling time: the median hours from submission to verification and to closure,
 * over the reports submitted in the period, from publicreport's {@link PublicReportIndicators}. A
 * report belongs to a street, so the finest level is the street.
 */
@Component
@Order(30)
class PublicReportSource implements IndicatorSource {

  static final String TO_VERIFICATION = "publicReport.hoursToVerification";
  static final String TO_CLOSURE = "publicReport.hoursToClosure";

  private static final List<Indicator> INDICATORS =
      List.of(
          new Indicator(
              TO_VERIFICATION,
              Unit.HOURS,
              Direction.LOWER,
              Level.STREET,
              false,
              List.of("public_report.submitted_at", "public_report.verified_at")),
          new Indicator(
              TO_CLOSURE,
              Unit.HOURS,
              Direction.LOWER,
              Level.STREET,
              false,
              List.of("public_report.submitted_at", "public_report.closed_at")));

  private final PublicReportIndicators reports;

  PublicReportSource(PublicReportIndicators reports) {
    this.reports = reports;
  }

  @Override
  public List<Indicator> indicators() {
    return INDICATORS;
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    if (slice.department() != null || slice.rows().atOrBelow(Level.VILLAGE)) {
      return result;
    }
    Result r = reports.compute(slice.division(), slice.from(), slice.to());
    int length = slice.unitLength();
    if (length == slice.division().length()) {
      result.put(slice.division(), figures(r.totals()));
    } else {
      List<Group> groups = length == 6 ? r.byDistrict() : length == 9 ? r.byStreet() : List.of();
      groups.forEach(g -> result.put(g.code(), figures(g.figures())));
    }
    return result;
  }

  private static Map<String, Figure> figures(Figures f) {
    Map<String, Figure> m = new LinkedHashMap<>();
    m.put(TO_VERIFICATION, new Figure(f.medianHoursToVerification(), null, f.verified()));
    m.put(TO_CLOSURE, new Figure(f.medianHoursToClosure(), null, f.closed()));
    return m;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    if (!"denominator".equals(part) || Level.ofCode(unit) == null) {
      return List.of();
    }
    return reports.records(unit, slice.from(), slice.to(), TO_CLOSURE.equals(code), limit).stream()
        .map(
            r ->
                new Evidence(
                    part,
                    "publicReport",
                    Long.toString(r.id()),
                    r.category() + " · " + r.hours() + " h",
                    r.status(),
                    r.streetCode(),
                    null,
                    r.submittedAt(),
                    "/public-reports/" + r.id()))
        .toList();
  }
}
