package cn.anwang.shared.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days on the Chinese calendar: Monday to Friday, except statutory holidays, plus the
 * make-up working days (调休上班) on weekends. Immutable; built from the exception days of the years
 * whose schedule is known. A year without a schedule counts weekends only — {@link
 * #hasSchedule(int)} says which years those are, so that callers can warn.
 *
 * <p>Deadlines count whole working days after the day something started: {@link
 * #addWorkingDays(LocalDate, int)}. Time used is measured in working time: only the hours that lie
 * on working days count ({@link #workingTimeBetween}).
 */
public final class WorkingCalendar {

  /** Time in Tianjin, where every deadline is counted. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final Map<LocalDate, DayKind> exceptions;
  private final Set<Integer> years;

  private WorkingCalendar(Map<LocalDate, DayKind> exceptions, Set<Integer> years) {
    this.exceptions = Map.copyOf(exceptions);
    this.years = Set.copyOf(years);
  }

  /** A calendar with these exception days; the years they fall in count as scheduled. */
  public static WorkingCalendar of(Collection<CalendarDay> days) {
    Map<LocalDate, DayKind> map = new HashMap<>();
    Set<Integer> years = new TreeSet<>();
    for (CalendarDay d : days) {
      map.put(d.date(), d.kind());
      years.add(d.date().getYear());
    }
    return new WorkingCalendar(map, years);
  }

  /** Weekends only, no holidays. */
  public static WorkingCalendar weekendsOnly() {
    return new WorkingCalendar(Map.of(), Set.of());
  }

  /** Whether the holiday schedule of this year is known. */
  public boolean hasSchedule(int year) {
    return years.contains(year);
  }

  /** The years whose schedule is known, ascending. */
  public Set<Integer> scheduledYears() {
    return new TreeSet<>(years);
  }

  public boolean isWorkingDay(LocalDate day) {
    DayKind kind = exceptions.get(day);
    if (kind != null) {
      return kind == DayKind.WORKDAY;
    }
    DayOfWeek dow = day.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The {@code n}-th working day after {@code start} ({@code start} itself not counted); for {@code
   * n == 0}, {@code start} when it is a working day, else the next working day.
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    if (n == 0) {
      while (!isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      return day;
    }
    int counted = 0;
    while (counted < n) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** Working days after {@code from}, up to and including {@code to} (negative when reversed). */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return from.isAfter(to) ? -workingDaysBetween(to, from) : count;
  }

  /**
   * The deadline {@code n} working days after the moment {@code start}: the end (24:00, Beijing
   * time) of the {@code n}-th working day after the day of {@code start}.
   */
  public Instant deadline(Instant start, int n) {
    LocalDate day = addWorkingDays(start.atZone(CHINA).toLocalDate(), n);
    return day.plusDays(1).atStartOfDay(CHINA).toInstant();
  }

  // (no interval brackets in Javadoc: Spring Modulith's documentation parser trips on them)
  /**
   * How much of the time from {@code from} (inclusive) to {@code to} (exclusive) lies on working
   * days (zero when {@code to} is not later).
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    ZonedDateTime cursor = from.atZone(CHINA);
    ZonedDateTime end = to.atZone(CHINA);
    while (cursor.isBefore(end)) {
      ZonedDateTime nextDay = cursor.toLocalDate().plusDays(1).atStartOfDay(CHINA);
      ZonedDateTime sliceEnd = nextDay.isBefore(end) ? nextDay : end;
      if (isWorkingDay(cursor.toLocalDate())) {
        total = total.plus(Duration.between(cursor, sliceEnd));
      }
      cursor = sliceEnd;
    }
    return total;
  }

  /**
   * The share of the allowed working time used at {@code now}, for a period that started at {@code
   * start} and is due at {@code due}: 0 at the start, 1 at the deadline, above 1 when overdue.
   */
  public double usedShare(Instant start, Instant due, Instant now) {
    Duration allowed = workingTimeBetween(start, due);
    if (allowed.isZero()) {
      return now.isBefore(due) ? 0 : Double.POSITIVE_INFINITY;
    }
    Duration used = workingTimeBetween(start, now);
    if (now.isAfter(due)) {
      // past the deadline every hour counts, working day or not: overdue is overdue
      used = allowed.plus(Duration.between(due, now));
    }
    return (double) used.toMillis() / allowed.toMillis();
  }
}
