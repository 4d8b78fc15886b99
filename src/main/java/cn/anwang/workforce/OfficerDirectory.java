package cn.anwang.workforce;

import java.util.List;
import java.util.Optional;

/** Grid officers as other modules read them. */
public interface OfficerDirectory {

  /** The officer linked to this log-in account, if any. */
  Optional<OfficerSummary> byUser(long userId);

  /** The codes of the grids the officer is assigned to now (current assignments), by code. */
  List<String> currentGridCodes(long officerId);

  /**
   * @param divisionCode the street or village the officer belongs to
   * @param tier STREET or VILLAGE
   * @param status CANDIDATE, ACTIVE, SUSPENDED or LEFT
   */
  record OfficerSummary(
      long id,
      String name,
      String divisionCode,
      String tier,
      String status,
      boolean enforcementPower) {}
}
