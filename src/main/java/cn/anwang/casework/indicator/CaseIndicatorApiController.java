package cn.anwang.casework.indicator;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/case-indicators?division=&from=&to=&department=}: the GB/T 30428 figures of
 * {@link CaseIndicators}. {@code from} and {@code to} are days in Beijing time, both included
 * (default: this year so far). Administrators and auditors read their territory; department staff
 * their own department's cases in their territory; others get 403.
 */
@RestController
@Tag(name = "Cases")
class CaseIndicatorApiController {

  private final CaseIndicators indicators;
  private final CurrentActor currentActor;

  CaseIndicatorApiController(CaseIndicators indicators, CurrentActor currentActor) {
    this.indicators = indicators;
    this.currentActor = currentActor;
  }

  @GetMapping("/api/v1/case-indicators")
  @Operation(summary = "结案率, 按期结案率, 返工率 and the counts behind them, over a period")
  CaseIndicators.Result get(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String department) {
    Actor actor = currentActor.require();
    String scope =
        division == null || division.isBlank() ? actor.scope().territoryCode() : division.strip();
    if (!scope.matches("\\d{2}|\\d{6}|\\d{9}|\\d{12}")) {
      throw ApiProblems.badRequest("division must be a division code of 2, 6, 9 or 12 digits");
    }
    switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> {}
      case DEPARTMENT_STAFF -> {
        if (department != null && !department.equals(actor.scope().departmentCode())) {
          throw ApiProblems.forbidden("Department staff read their own department's figures");
        }
        department = actor.scope().departmentCode();
      }
      default ->
          throw ApiProblems.forbidden(
              "Indicators are for administrators, auditors and departments");
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
        department,
        first.atStartOfDay(WorkingCalendar.CHINA).toInstant(),
        last.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant(),
        Instant.now());
  }
}
