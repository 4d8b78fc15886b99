package cn.anwang.publicreport.indicator;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.publicreport.PublicReportIndicators;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Who reads the public-report figures and over what: administrators and auditors, for a division in
 * their territory (outside it: 404), over days in Beijing time, both included (default: this year
 * so far, at most five years).
 */
@Component
class IndicatorAccess {

  private final PublicReportIndicators indicators;
  private final CurrentActor actors;

  IndicatorAccess(PublicReportIndicators indicators, CurrentActor actors) {
    this.indicators = indicators;
    this.actors = actors;
  }

  PublicReportIndicators.Result read(String division, LocalDate from, LocalDate to) {
    Actor actor = actors.require();
    switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> {}
      default ->
          throw ApiProblems.forbidden("Public-report figures are for administrators and auditors");
    }
    String scope =
        division == null || division.isBlank() ? actor.scope().territoryCode() : division.strip();
    if (!scope.matches("\\d{2}|\\d{6}|\\d{9}|\\d{12}")) {
      throw ApiProblems.badRequest("division must be a division code of 2, 6, 9 or 12 digits");
    }
    if (!actor.covers(scope)) {
      throw ApiProblems.notFound("Division", scope);
    }
    LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
    LocalDate first = from == null ? today.withDayOfYear(1) : from;
    LocalDate last = to == null ? today : to;
    if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
      throw ApiProblems.badRequest("from must not be after to, and the period at most five years");
    }
    return indicators.compute(
        scope,
        first.atStartOfDay(WorkingCalendar.CHINA).toInstant(),
        last.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }
}
