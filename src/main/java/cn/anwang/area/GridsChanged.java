package cn.anwang.area;

import java.util.Set;

/**
 * Grids were created, changed or deleted in these districts. Published in the same transaction as
 * the change, so listeners that run after commit (the locate index) see the new state.
 *
 * @param districtCodes six-digit codes of every district whose grids changed, never empty
 */
public record GridsChanged(Set<String> districtCodes) {

  public GridsChanged {
    districtCodes = Set.copyOf(districtCodes);
  }
}
