package cn.anwang.casework;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dashboard's view of a set of cases: how many are in each status, how the open ones stand
 * against their current stage's deadline (the traffic light of the case pages, on the working
 * calendar), the overdue ones, and the cases registered and closed month by month. Unscoped: the
 * caller puts the reader's territory, department or own user id into the {@link Scope}.
 */
public interface CaseBoard {

  /**
   * Whose cases.
   *
   * @param divisionPrefix the division subtree (a city, district, street or village code)
   * @param department only the cases this department handles now, or null
   * @param reporterUserId only the cases this user reported, or null
   */
  record Scope(String divisionPrefix, String department, Long reporterUserId) {}

  /**
   * @param byStatus cases per status (REPORTED … CLOSED, VOIDED); statuses without a case absent
   * @param overdue open cases past their stage's deadline (red)
   * @param dueSoon open cases at 80 % or more of their stage's working time (yellow)
   * @param onTime open cases below that (green)
   * @param overdueCases the overdue ones, the longest overdue first, at most the limit asked for
   */
  record Board(
      Map<String, Long> byStatus,
      long overdue,
      long dueSoon,
      long onTime,
      List<OpenCase> overdueCases) {}

  /** An open case and its stage's deadline. */
  record OpenCase(
      long id,
      String number,
      String title,
      String type,
      String status,
      String stage,
      String divisionCode,
      String gridCode,
      Instant stageDueAt) {}

  /** One month's cases: registered (立案) in it, and closed (结案) in it. */
  record Month(String month, long registered, long closed) {}

  Board board(Scope scope, Instant now, int limit);

  /** The year's months up to the current one (Beijing time). */
  List<Month> months(Scope scope, int year, Instant now);
}
