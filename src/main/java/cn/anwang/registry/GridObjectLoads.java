package cn.anwang.registry;

import java.util.List;

/**
 * What the registry tells other modules about the objects in grids and villages: counts by
 * effective risk level (the override when there is one), for the objects a grid officer covers —
 * not closed, and not under direct supervision (直管, handled by the departments themselves).
 */
public interface GridObjectLoads {

  /** Per grid whose objects lie in the division subtree {@code divisionPrefix} ("12" = city). */
  List<GridRisk> byGrid(String divisionPrefix);

  /** Per village (12-digit code) in the subtree; only villages with at least one object. */
  List<VillageRisk> byVillage(String divisionPrefix);

  /** Counts of covered objects in one grid by effective risk level. */
  record GridRisk(String gridCode, int red, int orange, int yellow, int blue) {

    public int total() {
      return red + orange + yellow + blue;
    }
  }

  /**
   * Covered objects of one village, and how many of them are high risk (red or orange).
   *
   * @param villageCode the 12-digit village/community code
   */
  record VillageRisk(String villageCode, int objects, int highRisk) {}
}
