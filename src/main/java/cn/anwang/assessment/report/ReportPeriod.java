package cn.anwang.assessment.report;

import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The period of a report: a calendar month ({@code 2026-03}) or year ({@code 2026}) in Beijing
 * time, from its first day's midnight to the next period's.
 *
 * @param label {@code yyyy-MM} for a month, {@code yyyy} for a year
 */
public record ReportPeriod(ReportKind kind, String label, LocalDate first, LocalDate next) {

  /** The period of a label, empty when the label is not one of the kind's (or before 2000). */
  public static Optional<ReportPeriod> parse(ReportKind kind, String label) {
    if (label == null) {
      return Optional.empty();
    }
    String l = label.strip();
    try {
      if (kind == ReportKind.MONTHLY && l.matches("\\d{4}-\\d{2}")) {
        return Optional.of(month(YearMonth.parse(l))).filter(p -> p.first.getYear() >= 2000);
      }
      if (kind == ReportKind.ANNUAL && l.matches("\\d{4}")) {
        return Optional.of(year(Integer.parseInt(l))).filter(p -> p.first.getYear() >= 2000);
      }
    } catch (DateTimeParseException e) {
      // not a month
    }
    return Optional.empty();
  }

  public static ReportPeriod month(YearMonth m) {
    return new ReportPeriod(ReportKind.MONTHLY, m.toString(), m.atDay(1), m.plusMonths(1).atDay(1));
  }

  public static ReportPeriod year(int y) {
    return new ReportPeriod(
        ReportKind.ANNUAL, Year.of(y).toString(), LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1));
  }

  /** The period before: the previous month or year. */
  public ReportPeriod previous() {
    return kind == ReportKind.MONTHLY
        ? month(YearMonth.from(first).minusMonths(1))
        : year(first.getYear() - 1);
  }

  /** Whether the period has begun by {@code today}. */
  public boolean begunBy(LocalDate today) {
    return !first.isAfter(today);
  }

  public Instant from() {
    return first.atStartOfDay(WorkingCalendar.CHINA).toInstant();
  }

  /**
   * The end of what the report counts: the period's end, or for a period still running the end of
   * {@code today} (as the indicator table counts a year to date).
   */
  public Instant to(LocalDate today) {
    LocalDate end = next.isAfter(today.plusDays(1)) ? today.plusDays(1) : next;
    return end.atStartOfDay(WorkingCalendar.CHINA).toInstant();
  }

  /** The last day counted, as {@link #to} ends. */
  public LocalDate last(LocalDate today) {
    LocalDate end = next.isAfter(today.plusDays(1)) ? today.plusDays(1) : next;
    return end.minusDays(1);
  }
}
