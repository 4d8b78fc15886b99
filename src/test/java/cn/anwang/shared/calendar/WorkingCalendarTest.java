package cn.anwang.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  private static final WorkingCalendar CAL = WorkingCalendar.of(PublicHolidays.shipped());

  private static Instant beijing(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
  }

  @Test
  void shippedSchedulesAreThe2025And2026Notices() {
    List<CalendarDay> days = PublicHolidays.shipped();
    assertThat(CAL.scheduledYears()).containsExactly(2025, 2026);
    assertThat(days).filteredOn(d -> d.kind() == DayKind.WORKDAY).hasSize(5 + 6);
    // 2025: 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆中秋 8 = 28 days; 2026: 3+9+3+5+3+3+7 = 33
    assertThat(days)
        .filteredOn(d -> d.kind() == DayKind.HOLIDAY && d.date().getYear() == 2025)
        .hasSize(28);
    assertThat(days)
        .filteredOn(d -> d.kind() == DayKind.HOLIDAY && d.date().getYear() == 2026)
        .hasSize(33);
    // every make-up working day is a weekend day
    assertThat(days)
        .filteredOn(d -> d.kind() == DayKind.WORKDAY)
        .allSatisfy(
            d -> assertThat(d.date().getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
  }

  @Test
  void holidaysAndMakeUpDays() {
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 5))).as("Monday in 国庆").isFalse();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday make-up").isTrue();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday make-up").isTrue();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 11, 28))).as("plain Saturday").isFalse();
    assertThat(CAL.isWorkingDay(LocalDate.of(2026, 11, 30))).as("plain Monday").isTrue();
  }

  @Test
  void aDeadlineCrossingTheNationalDayHoliday() {
    // dispatched Wednesday 30 September 2026; 10/1–10/7 off; 10/10 (Saturday) is worked
    LocalDate due = CAL.addWorkingDays(LocalDate.of(2026, 9, 30), 5);
    assertThat(due).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(CAL.workingDaysBetween(LocalDate.of(2026, 9, 30), due)).isEqualTo(5);
    assertThat(CAL.deadline(beijing("2026-09-30T15:00"), 5)).isEqualTo(beijing("2026-10-14T00:00"));
    // without the holidays it would have been Wednesday 7 October
    assertThat(WorkingCalendar.weekendsOnly().addWorkingDays(LocalDate.of(2026, 9, 30), 5))
        .isEqualTo(LocalDate.of(2026, 10, 7));
  }

  @Test
  void aDeadlineCrossingTheSpringFestival() {
    // Friday 13 February 2026 + 2: Saturday 14th is worked, then 15th–23rd off
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 2, 13), 1))
        .isEqualTo(LocalDate.of(2026, 2, 14));
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 2, 13), 2))
        .isEqualTo(LocalDate.of(2026, 2, 24));
  }

  @Test
  void zeroDaysIsTheNextWorkingDayAndNegativeIsRefused() {
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 10, 3), 0))
        .isEqualTo(LocalDate.of(2026, 10, 8));
    assertThat(CAL.addWorkingDays(LocalDate.of(2026, 11, 30), 0))
        .isEqualTo(LocalDate.of(2026, 11, 30));
    assertThatThrownBy(() -> CAL.addWorkingDays(LocalDate.of(2026, 11, 30), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aYearWithoutScheduleCountsWeekendsOnly() {
    assertThat(CAL.hasSchedule(2027)).isFalse();
    assertThat(CAL.isWorkingDay(LocalDate.of(2027, 1, 1))).as("a Friday, no schedule").isTrue();
  }

  @Test
  void addingThenCountingGivesBackTheSameNumber() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(700));
      int n = 1 + random.nextInt(30);
      LocalDate due = CAL.addWorkingDays(start, n);
      assertThat(CAL.workingDaysBetween(start, due)).isEqualTo(n);
      assertThat(CAL.isWorkingDay(due)).isTrue();
      assertThat(CAL.workingDaysBetween(due, start)).isEqualTo(-n);
    }
  }

  @Test
  void trafficLightFromWorkingTimeUsed() {
    Instant start = beijing("2026-11-23T00:00"); // a Monday
    Instant due = CAL.deadline(start, 5); // end of Monday 30 November
    assertThat(due).isEqualTo(beijing("2026-12-01T00:00"));
    // six working days of 24 h are allowed (23rd–27th and 30th)
    assertThat(CAL.usedShare(start, due, beijing("2026-11-26T00:00"))).isEqualTo(0.5);
    assertThat(TrafficLight.of(CAL.usedShare(start, due, beijing("2026-11-26T00:00"))))
        .isEqualTo(TrafficLight.GREEN);
    // the weekend does not use time: Saturday noon is still 5/6
    double saturday = CAL.usedShare(start, due, beijing("2026-11-28T12:00"));
    assertThat(saturday).isEqualTo(5.0 / 6);
    assertThat(TrafficLight.of(saturday)).isEqualTo(TrafficLight.YELLOW);
    assertThat(TrafficLight.of(CAL.usedShare(start, due, due))).isEqualTo(TrafficLight.YELLOW);
    assertThat(TrafficLight.of(CAL.usedShare(start, due, beijing("2026-12-01T01:00"))))
        .isEqualTo(TrafficLight.RED);
    assertThat(TrafficLight.of(0.79)).isEqualTo(TrafficLight.GREEN);
    assertThat(TrafficLight.of(0.80)).isEqualTo(TrafficLight.YELLOW);
  }
}
