package cn.anwang.casework;

import java.time.Instant;
import java.util.List;

/**
 * Demo mode only (the bean exists when {@code anwang.demo=true}): a case at a point played through
 * the real state machine at simulated times, from {@code reportedAt} until it closes (or is voided)
 * or {@code now} is reached, with the demo district's people as actors, written with its timeline
 * as a synthetic case. For other modules' demo data (public reports that became cases, say); never
 * for real work, which goes through {@link CaseIntake}.
 */
public interface DemoCaseHistory {

  /** The case as played: its id, number, final status and each status it reached, in order. */
  record Played(long id, String number, String status, List<Step> steps) {}

  /** A status reached at a moment (REPORTED, REGISTERED, DISPATCHED, …, CLOSED or VOIDED). */
  record Step(Instant at, String status) {}

  /**
   * @param type GENERAL_HAZARD, MAJOR_HAZARD, ILLEGAL_OPERATION, ACCIDENT or OTHER
   * @param source the case's source, e.g. PUBLIC_REPORT
   * @param seed the simulation's random seed (the same seed plays the same history)
   * @throws IllegalArgumentException when no demo district's grid covers the point
   */
  Played playAt(
      String type,
      String source,
      double lon,
      double lat,
      String address,
      String title,
      String description,
      Instant reportedAt,
      Instant now,
      long seed);
}
