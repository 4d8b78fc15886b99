package cn.anwang.assessment.report;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scheduler's run on a day: last month's MONTHLY report of every unit in scope (the scope
 * division, its districts and their streets) and, in the annual month, last year's ANNUAL. A report
 * the scheduler has stored already is skipped, so a second run of the same day (or a run after a
 * failure) only fills what is missing. A unit that fails is logged and left for the next run; the
 * others go on.
 */
@Component
class ScheduledReports {

  private static final Logger log = LoggerFactory.getLogger(ScheduledReports.class);

  private final ReportGenerator generator;
  private final Divisions divisions;
  private final ReportProperties properties;

  ScheduledReports(ReportGenerator generator, Divisions divisions, ReportProperties properties) {
    this.generator = generator;
    this.divisions = divisions;
    this.properties = properties;
  }

  /** Runs for {@code today} over the configured scope; answers the number of reports stored. */
  int run(LocalDate today) {
    return run(today, properties.scope());
  }

  int run(LocalDate today, String scope) {
    List<ReportPeriod> periods = new ArrayList<>();
    periods.add(ReportPeriod.month(YearMonth.from(today).minusMonths(1)));
    if (today.getMonthValue() == properties.annualMonth()) {
      periods.add(ReportPeriod.year(today.getYear() - 1));
    }
    int stored = 0;
    for (String unit : units(scope)) {
      for (ReportPeriod period : periods) {
        for (String lang : properties.languages()) {
          stored += once(period, unit, lang);
        }
      }
    }
    log.info("Scheduled assessment reports for {} under {}: {} stored", today, scope, stored);
    return stored;
  }

  private int once(ReportPeriod period, String unit, String lang) {
    if (generator.scheduledAlready(period.kind(), unit, period, lang)) {
      return 0;
    }
    try {
      return generator.generate(period.kind(), unit, period, lang, null).isPresent() ? 1 : 0;
    } catch (RuntimeException e) {
      log.warn("The {} report {} of {} ({}) failed", period.kind(), period.label(), unit, lang, e);
      return 0;
    }
  }

  /** The scope division, and below it its districts and streets (not villages). */
  private List<String> units(String scope) {
    List<String> units = new ArrayList<>();
    if (divisions.find(scope).isEmpty()) {
      return units;
    }
    units.add(scope);
    if (scope.length() < 9) {
      for (Division child : divisions.children(scope)) {
        units.addAll(units(child.code()));
      }
    }
    return units;
  }
}
