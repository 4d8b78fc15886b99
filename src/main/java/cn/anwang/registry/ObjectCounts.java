package cn.anwang.registry;

import java.util.List;

/**
 * How many supervised objects there are, per grid and kind, for the modules that compute a share of
 * them (publicity coverage). Counts the objects that are not closed. Unscoped: callers put the
 * caller's territory into {@code divisionPrefix}.
 */
public interface ObjectCounts {

  /** Per grid and kind, the objects placed in a grid of the subtree {@code divisionPrefix}. */
  List<GridKindCount> byGridAndKind(String divisionPrefix);

  /** The number of objects of one kind in one grid. */
  record GridKindCount(String gridCode, String kind, int count) {}
}
