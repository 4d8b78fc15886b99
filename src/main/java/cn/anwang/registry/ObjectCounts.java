package cn.anwang.registry;

import java.util.List;
import java.util.Map;

/**
 * How many supervised objects there are, per grid and kind, for the modules that compute a share of
 * them (publicity coverage). Counts the objects that are not closed. Unscoped: callers put the
 * caller's territory into {@code divisionPrefix}.
 */
public interface ObjectCounts {

  /** Per grid and kind, the objects placed in a grid of the subtree {@code divisionPrefix}. */
  List<GridKindCount> byGridAndKind(String divisionPrefix);

  /**
   * The objects of the subtree per unit: the prefix of their division code of {@code unitLength}
   * (6, 9 or 12), or their grid code when it is 0 (objects outside any grid under {@code ""}).
   */
  Map<String, Integer> byUnit(String divisionPrefix, int unitLength);

  /**
   * The objects of the subtree per unit (as {@link #byUnit}) and per effective risk level (the
   * override first: RED, ORANGE, YELLOW, BLUE); levels without objects are absent.
   */
  Map<String, Map<String, Integer>> byUnitAndRisk(String divisionPrefix, int unitLength);

  /**
   * The objects of the subtree one department is responsible for (rule-derived or set by hand), per
   * effective risk level and kind.
   */
  List<RiskKindCount> byRiskAndKind(String divisionPrefix, String department);

  /** The number of objects of one risk level and kind. */
  record RiskKindCount(String riskLevel, String kind, int count) {}

  /** The number of objects of one kind in one grid. */
  record GridKindCount(String gridCode, String kind, int count) {}
}
