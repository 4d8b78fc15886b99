package cn.anwang.shared.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped schedules of statutory holidays and make-up working days ({@code
 * calendar/cn-public-holidays.csv}, sources in {@code calendar/SOURCES.md}). They seed the calendar
 * an administrator then maintains.
 */
public final class PublicHolidays {

  static final String RESOURCE = "/calendar/cn-public-holidays.csv";

  private PublicHolidays() {}

  /** Every shipped exception day, in file order. */
  public static List<CalendarDay> shipped() {
    try (InputStream in = PublicHolidays.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<CalendarDay> days = new ArrayList<>();
      String line = reader.readLine(); // header
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", 3);
        if (cells.length != 3) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": expected 3 cells");
        }
        days.add(
            new CalendarDay(
                LocalDate.parse(cells[0].strip()),
                DayKind.valueOf(cells[1].strip()),
                cells[2].strip()));
      }
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
