package cn.anwang.shared.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One exception day of the calendar, e.g. {@code 2026-02-16 HOLIDAY 春节}. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

  public CalendarDay {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(kind, "kind");
  }
}
