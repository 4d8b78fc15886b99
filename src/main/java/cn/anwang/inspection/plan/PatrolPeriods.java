package cn.anwang.inspection.plan;

import java.time.LocalDate;
import java.time.ZoneId;

/** Patrol periods: aligned to the calendar year, so a 2-month period is Jan–Feb, Mar–Apr, … */
public final class PatrolPeriods {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private PatrolPeriods() {}

  /** The first day of the period of {@code months} months containing {@code day}. */
  public static LocalDate start(LocalDate day, int months) {
    int m = ((day.getMonthValue() - 1) / months) * months + 1;
    return LocalDate.of(day.getYear(), m, 1);
  }

  /** The last day of that period. */
  public static LocalDate due(LocalDate day, int months) {
    return start(day, months).plusMonths(months).minusDays(1);
  }
}
