package cn.anwang.casework.calendar;

import cn.anwang.shared.calendar.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/calendar/{year}} (the year's holidays and make-up working days; PUT replaces the
 * year, city administrator only), a working-day helper, and {@code /api/v1/case-deadline-rules}.
 */
@RestController
@Tag(name = "Calendar and deadlines", description = "Holiday calendar and case deadline rules")
class CalendarApiController {

  /** The working days after {@code from}: the n-th is the deadline day. */
  record WorkingDays(LocalDate from, int n, LocalDate deadline, List<LocalDate> days) {}

  private final CalendarAdmin admin;
  private final HolidayCalendar calendar;

  CalendarApiController(CalendarAdmin admin, HolidayCalendar calendar) {
    this.admin = admin;
    this.calendar = calendar;
  }

  @GetMapping("/api/v1/calendar/{year}")
  @Operation(summary = "A year's exception days; scheduled=false when none is loaded")
  CalendarAdmin.Year year(@PathVariable int year) {
    return admin.year(year);
  }

  @PutMapping("/api/v1/calendar/{year}")
  @Operation(
      summary = "Replace a year's exception days (city administrator)",
      description =
          "Dates within the year, WORKDAY only on a Saturday or Sunday, no date twice; 422 names"
              + " the row (days[i].field).")
  CalendarAdmin.Year replace(
      @PathVariable int year, @RequestBody List<CalendarAdmin.DayInput> days) {
    return admin.replace(year, days);
  }

  @GetMapping("/api/v1/calendar/{year}/working-days")
  @Operation(summary = "The n working days after a date (the date itself not counted)")
  WorkingDays workingDays(
      @PathVariable int year, @RequestParam LocalDate from, @RequestParam int n) {
    if (n < 1 || n > 365) {
      throw new CalendarRejected("n", "casework.calendar.rule.workingDays", 1, n);
    }
    if (from.getYear() != year) {
      throw new CalendarRejected("from", "casework.calendar.rule.outsideYear", 1, from, year);
    }
    WorkingCalendar cal = calendar.current();
    List<LocalDate> days = new ArrayList<>();
    LocalDate d = from;
    for (int i = 0; i < n; i++) {
      d = cal.addWorkingDays(d, 1);
      days.add(d);
    }
    return new WorkingDays(from, n, d, days);
  }

  @GetMapping("/api/v1/case-deadline-rules")
  @Operation(summary = "Working days per case type and stage")
  List<CalendarAdmin.Rule> rules() {
    return admin.rules();
  }

  @PutMapping("/api/v1/case-deadline-rules")
  @Operation(
      summary = "Change deadline rules (city administrator)",
      description =
          "Each row: caseType, stage, workingDays (1–365) and the version read; a stale version"
              + " answers 409, an invalid row 422 naming it.")
  List<CalendarAdmin.Rule> updateRules(@RequestBody List<CalendarAdmin.Rule> rules) {
    return admin.updateRules(rules);
  }
}
