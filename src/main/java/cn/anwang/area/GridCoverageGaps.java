package cn.anwang.area;

import java.util.List;

/**
 * Port through which the grid quality report learns which grids have no active officer, without
 * area depending on the module that assigns officers ({@code workforce} implements it). When no
 * implementation is present the report says that officer data is not available.
 */
public interface GridCoverageGaps {

  /** The codes of the grids in the division subtree without an active officer, in code order. */
  List<String> uncoveredGridCodes(String divisionPrefix);
}
