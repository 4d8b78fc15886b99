package cn.anwang.shared.calendar;

/** An exception to the Monday–Friday week: a day off on a weekday, or a make-up working day. */
public enum DayKind {
  /** A statutory holiday (法定节假日), including the weekend days inside a holiday period. */
  HOLIDAY,
  /** A Saturday or Sunday that is a working day (调休上班). */
  WORKDAY
}
