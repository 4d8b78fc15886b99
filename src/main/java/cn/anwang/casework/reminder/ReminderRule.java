package cn.anwang.casework.reminder;

import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a stage instance gets which reminder, for one case type: the early reminder when {@code
 * earlyShare} of the stage's working time is used or at most {@code earlyHours} working hours are
 * left (either may be null: off), the overdue reminder at the deadline, and an escalation to each
 * level above the responsible one after {@code escalateAfterDays} working days overdue, the next
 * after twice as many (street → district → city).
 */
record ReminderRule(Double earlyShare, Integer earlyHours, int escalateAfterDays) {

  /** The level responsible for a case now, whose next levels escalations go to. */
  enum Level {
    STREET,
    DISTRICT,
    CITY;

    /** The escalations above this level, in order. */
    List<ReminderKind> escalations() {
      return switch (this) {
        case STREET -> List.of(ReminderKind.ESCALATE_DISTRICT, ReminderKind.ESCALATE_CITY);
        case DISTRICT -> List.of(ReminderKind.ESCALATE_CITY);
        case CITY -> List.of();
      };
    }
  }

  /**
   * The reminders due at {@code now} for a stage that started at {@code start} and is due at {@code
   * due} (before the deadline at most the early one; after it the overdue one and the escalations
   * reached).
   */
  List<ReminderKind> due(
      Instant start, Instant due, Instant now, WorkingCalendar calendar, Level level) {
    List<ReminderKind> kinds = new ArrayList<>();
    if (now.isBefore(due)) {
      boolean byShare = earlyShare != null && calendar.usedShare(start, due, now) >= earlyShare;
      boolean byHours =
          earlyHours != null
              && calendar.workingTimeBetween(now, due).compareTo(Duration.ofHours(earlyHours)) <= 0;
      if (byShare || byHours) {
        kinds.add(ReminderKind.EARLY);
      }
      return kinds;
    }
    kinds.add(ReminderKind.OVERDUE);
    List<ReminderKind> escalations = level.escalations();
    for (int i = 0; i < escalations.size(); i++) {
      if (!now.isBefore(escalationAt(due, (i + 1) * escalateAfterDays, calendar))) {
        kinds.add(escalations.get(i));
      }
    }
    return kinds;
  }

  /**
   * When a stage due at {@code due} has been overdue for {@code days} working days: the end of the
   * {@code days}-th working day after the deadline's day.
   */
  static Instant escalationAt(Instant due, int days, WorkingCalendar calendar) {
    return calendar.deadline(due.minusSeconds(1), days);
  }

  /** Working days overdue at {@code now} (0 before the deadline, 1 during its first day after…). */
  static int overdueWorkingDays(Instant due, Instant now, WorkingCalendar calendar) {
    if (now.isBefore(due)) {
      return 0;
    }
    return calendar.workingDaysBetween(
        due.minusSeconds(1).atZone(WorkingCalendar.CHINA).toLocalDate(),
        now.atZone(WorkingCalendar.CHINA).toLocalDate());
  }
}
