package cn.anwang.shared.calendar;

/**
 * How far along a deadline is: green below 80 % of the allowed working time, yellow from 80 % up to
 * the deadline, red overdue.
 */
public enum TrafficLight {
  GREEN,
  YELLOW,
  RED;

  /** The light for a share of the allowed time used ({@link WorkingCalendar#usedShare}). */
  public static TrafficLight of(double usedShare) {
    if (usedShare > 1.0) {
      return RED;
    }
    return usedShare >= 0.8 ? YELLOW : GREEN;
  }
}
