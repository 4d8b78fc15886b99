package cn.anwang.casework.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.casework.reminder.ReminderRule.Level;
import cn.anwang.shared.calendar.PublicHolidays;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reminder thresholds on the shipped 2026 holiday calendar (National Day, 10–1 to 10–7). */
class ReminderRuleTest {

  static final WorkingCalendar CAL = WorkingCalendar.of(PublicHolidays.shipped());
  static final WorkingCalendar WEEKENDS = WorkingCalendar.weekendsOnly();
  static final ReminderRule GENERAL = new ReminderRule(0.8, null, 3);

  static Instant at(String beijing) {
    return LocalDateTime.parse(beijing).atZone(WorkingCalendar.CHINA).toInstant();
  }

  @Test
  void theEarlyReminderComesAt80PercentOfTheWorkingTimeWhichTheHolidayPushesBack() {
    // rectification, 10 working days from Monday 28 September: the holiday and the make-up
    // Saturday 10 October put the deadline at the end of Friday 16 October (not Monday 12)
    Instant start = at("2026-09-28T09:00");
    Instant due = CAL.deadline(start, 10);
    assertThat(due).isEqualTo(at("2026-10-17T00:00"));
    assertThat(WEEKENDS.deadline(start, 10)).isEqualTo(at("2026-10-13T00:00"));

    // allowed: 15 h on the first day + 10 working days = 255 h; 80 % = 204 h, reached on
    // Wednesday 14 October at 21:00 (the holiday week counts nothing)
    assertThat(GENERAL.due(start, due, at("2026-10-05T12:00"), CAL, Level.STREET)).isEmpty();
    assertThat(GENERAL.due(start, due, at("2026-10-13T09:00"), CAL, Level.STREET))
        .as("overdue on a calendar without the holiday, 66 %% used on the real one")
        .isEmpty();
    assertThat(GENERAL.due(start, due, at("2026-10-14T20:59"), CAL, Level.STREET)).isEmpty();
    assertThat(GENERAL.due(start, due, at("2026-10-14T21:00"), CAL, Level.STREET))
        .containsExactly(ReminderKind.EARLY);
    assertThat(GENERAL.due(start, due, at("2026-10-16T23:59"), CAL, Level.STREET))
        .containsExactly(ReminderKind.EARLY);
    assertThat(GENERAL.due(start, due, at("2026-10-17T00:00"), CAL, Level.STREET))
        .containsExactly(ReminderKind.OVERDUE);
  }

  @Test
  void escalationComesAfterNWorkingDaysOverdueCountedOverTheHoliday() {
    // due at the end of Wednesday 30 September: three working days overdue are 8, 9 and the
    // make-up Saturday 10 October, so the district hears of it at the end of 10 October
    Instant start = at("2026-09-24T10:00");
    Instant due = at("2026-10-01T00:00");
    assertThat(ReminderRule.escalationAt(due, 3, CAL)).isEqualTo(at("2026-10-11T00:00"));
    assertThat(GENERAL.due(start, due, at("2026-10-07T23:00"), CAL, Level.STREET))
        .containsExactly(ReminderKind.OVERDUE);
    assertThat(ReminderRule.overdueWorkingDays(due, at("2026-10-07T23:00"), CAL)).isZero();
    assertThat(GENERAL.due(start, due, at("2026-10-10T23:59"), CAL, Level.STREET))
        .containsExactly(ReminderKind.OVERDUE);
    assertThat(GENERAL.due(start, due, at("2026-10-11T00:00"), CAL, Level.STREET))
        .containsExactly(ReminderKind.OVERDUE, ReminderKind.ESCALATE_DISTRICT);
    // twice as many (6): 12, 13, 14 October → the city at the end of Wednesday 14 October
    assertThat(GENERAL.due(start, due, at("2026-10-14T23:59"), CAL, Level.STREET))
        .containsExactly(ReminderKind.OVERDUE, ReminderKind.ESCALATE_DISTRICT);
    assertThat(GENERAL.due(start, due, at("2026-10-15T00:00"), CAL, Level.STREET))
        .containsExactly(
            ReminderKind.OVERDUE, ReminderKind.ESCALATE_DISTRICT, ReminderKind.ESCALATE_CITY);
    // a district department escalates to the city after N; a city department to nobody
    assertThat(GENERAL.due(start, due, at("2026-10-11T00:00"), CAL, Level.DISTRICT))
        .containsExactly(ReminderKind.OVERDUE, ReminderKind.ESCALATE_CITY);
    assertThat(GENERAL.due(start, due, at("2026-12-01T00:00"), CAL, Level.CITY))
        .containsExactly(ReminderKind.OVERDUE);
  }

  @Test
  void theEarlyReminderByWorkingHoursLeftSkipsTheHoliday() {
    ReminderRule hours = new ReminderRule(null, 24, 2);
    Instant start = at("2026-09-29T08:00");
    Instant due = at("2026-10-10T00:00"); // end of Friday 9 October
    // on 6 October (holiday) 48 working hours are left: 8 and 9 October
    assertThat(hours.due(start, due, at("2026-10-06T12:00"), CAL, Level.STREET)).isEmpty();
    assertThat(hours.due(start, due, at("2026-10-08T23:59"), CAL, Level.STREET)).isEmpty();
    assertThat(hours.due(start, due, at("2026-10-09T00:00"), CAL, Level.STREET))
        .isEqualTo(List.of(ReminderKind.EARLY));
  }
}
