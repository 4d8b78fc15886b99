package cn.anwang.casework.calendar;

import cn.anwang.shared.calendar.CalendarDay;
import cn.anwang.shared.calendar.DayKind;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar from {@code calendar_day}, as one immutable {@link WorkingCalendar} kept
 * in memory. It is reloaded when this server changes it and at most a minute after another server
 * did (the table's newest {@code updated_at} is checked then), so deadlines counted on two servers
 * agree within that minute of an edit.
 */
@Component
public class HolidayCalendar {

  private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

  private final JdbcClient jdbc;
  private volatile Snapshot snapshot;

  private record Snapshot(WorkingCalendar calendar, String stamp, long checkedAt) {}

  HolidayCalendar(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The current calendar. */
  public WorkingCalendar current() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.checkedAt() > CHECK_EVERY.toNanos()) {
      String stamp = stamp();
      if (s == null || !stamp.equals(s.stamp())) {
        s = new Snapshot(WorkingCalendar.of(days(null)), stamp, now);
      } else {
        s = new Snapshot(s.calendar(), s.stamp(), now);
      }
      snapshot = s;
    }
    return s.calendar();
  }

  /** Forgets the cached calendar (after a change on this server). */
  void invalidate() {
    snapshot = null;
  }

  /** The exception days of a year (all years when {@code year} is null), by date. */
  List<CalendarDay> days(Integer year) {
    return jdbc.sql(
            "SELECT day, kind, name FROM calendar_day"
                + (year == null ? "" : " WHERE day >= :from AND day < :to")
                + " ORDER BY day")
        .paramSource(
            year == null
                ? java.util.Map.of()
                : java.util.Map.of(
                    "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)))
        .query(
            (rs, n) ->
                new CalendarDay(
                    rs.getObject(1, LocalDate.class),
                    DayKind.valueOf(rs.getString(2)),
                    rs.getString(3)))
        .list();
  }

  private String stamp() {
    return jdbc.sql(
            "SELECT count(*) || '/' || coalesce(max(updated_at)::text, '') FROM calendar_day")
        .query(String.class)
        .single();
  }
}
