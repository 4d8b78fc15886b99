package cn.anwang.casework.calendar;

import cn.anwang.shared.StartupOrder;
import cn.anwang.shared.calendar.CalendarDay;
import cn.anwang.shared.calendar.PublicHolidays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start-up, writes the shipped holiday schedule of every year that has no day in the calendar
 * yet. A year an administrator has edited (or loaded) is never overwritten.
 */
@Component
@Order(StartupOrder.DIVISIONS + 1)
class HolidayCalendarLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(HolidayCalendarLoader.class);
  private static final long LOCK = 0x4341_4C45_4E44_4152L; // "CALENDAR"

  private final JdbcClient jdbc;
  private final HolidayCalendar calendar;

  HolidayCalendarLoader(JdbcClient jdbc, HolidayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
    Map<Integer, List<CalendarDay>> byYear =
        PublicHolidays.shipped().stream()
            .collect(
                Collectors.groupingBy(d -> d.date().getYear(), TreeMap::new, Collectors.toList()));
    for (Map.Entry<Integer, List<CalendarDay>> year : byYear.entrySet()) {
      if (!calendar.days(year.getKey()).isEmpty()) {
        continue;
      }
      for (CalendarDay d : year.getValue()) {
        jdbc.sql(
                "INSERT INTO calendar_day (day, kind, name, updated_by) VALUES (?, ?, ?, 'shipped')"
                    + " ON CONFLICT (day) DO NOTHING")
            .params(d.date(), d.kind().name(), d.name())
            .update();
      }
      log.info("Holiday schedule {} loaded: {} days", year.getKey(), year.getValue().size());
    }
    calendar.invalidate();
  }
}
