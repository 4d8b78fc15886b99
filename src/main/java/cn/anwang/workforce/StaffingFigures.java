package cn.anwang.workforce;

import java.util.List;

/**
 * Staffing compliance (配备达标) per street, town and park, for the assessment: its active street-tier
 * officers against the norm of its district's category, as the staffing page judges it. Unscoped:
 * callers put the reader's territory into {@code divisionPrefix}.
 */
public interface StaffingFigures {

  /**
   * @param within whether the officers are within [min, max]
   */
  record StreetStaffing(String code, String name, int officers, int min, int max, boolean within) {}

  /** The streets of the division (the city, a district or a street), by code. */
  List<StreetStaffing> streets(String divisionPrefix);
}
