package cn.anwang.workforce.officer;

import cn.anwang.area.GridCoverageGaps;
import cn.anwang.area.Grids.GridRef;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the grid quality report which grids have no active officer ({@link Coverage#gaps}). */
@Component
class OfficerCoverageGaps implements GridCoverageGaps {

  private final Coverage coverage;

  OfficerCoverageGaps(Coverage coverage) {
    this.coverage = coverage;
  }

  @Override
  public List<String> uncoveredGridCodes(String divisionPrefix) {
    return coverage.gaps(divisionPrefix).stream().map(GridRef::code).toList();
  }
}
