package cn.anwang.assessment.indicator;

import cn.anwang.area.GridCoverageGaps;
import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.Indicator.Unit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 网格覆盖率: the grids that have an active officer assigned now, of all grids, from area's {@link
 * Grids} and the {@link GridCoverageGaps} workforce publishes.
 */
@Component
@Order(10)
class GridCoverageSource implements IndicatorSource {

  static final String CODE = "grid.coverage";

  private static final Indicator COVERAGE =
      new Indicator(
          CODE,
          Unit.PERCENT,
          Direction.HIGHER,
          Level.GRID,
          true,
          List.of("grid.code", "officer_assignment.ends_on", "officer.status"));

  private final Grids grids;
  private final ObjectProvider<GridCoverageGaps> gaps;

  GridCoverageSource(Grids grids, ObjectProvider<GridCoverageGaps> gaps) {
    this.grids = grids;
    this.gaps = gaps;
  }

  @Override
  public List<Indicator> indicators() {
    return List.of(COVERAGE);
  }

  @Override
  public Map<String, Map<String, Figure>> compute(Slice slice) {
    Set<String> uncovered = uncovered(slice.division());
    Map<String, long[]> counts = new TreeMap<>();
    for (GridRef g : grids.in(slice.division())) {
      long[] c = counts.computeIfAbsent(unit(g, slice.unitLength()), u -> new long[2]);
      c[1]++;
      if (!uncovered.contains(g.code())) {
        c[0]++;
      }
    }
    Map<String, Map<String, Figure>> result = new LinkedHashMap<>();
    counts.forEach((u, c) -> result.put(u, Map.of(CODE, COVERAGE.figure(c[0], c[1]))));
    return result;
  }

  /**
   * Cases, objects and grids each lie in one unit of the rows (the division itself counts as one).
   */
  @Override
  public boolean additive() {
    return true;
  }

  @Override
  public List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit) {
    Set<String> uncovered = uncovered(slice.division());
    return grids.in(slice.division()).stream()
        .filter(g -> unit(g, slice.unitLength()).equals(unit))
        .filter(g -> !"numerator".equals(part) || !uncovered.contains(g.code()))
        .limit(limit)
        .map(
            g ->
                new Evidence(
                    part,
                    "grid",
                    g.code(),
                    g.code() + " " + g.name(),
                    uncovered.contains(g.code()) ? "UNCOVERED" : "COVERED",
                    g.divisionCode(),
                    g.code(),
                    null,
                    "/grids/" + g.code()))
        .toList();
  }

  private Set<String> uncovered(String division) {
    GridCoverageGaps port = gaps.getIfAvailable();
    // without workforce no grid is known to have an officer
    if (port == null) {
      Set<String> all = new HashSet<>();
      grids.in(division).forEach(g -> all.add(g.code()));
      return all;
    }
    return new HashSet<>(port.uncoveredGridCodes(division));
  }

  private static String unit(GridRef g, int length) {
    if (length == 0) {
      return g.code();
    }
    String d = g.divisionCode();
    return d.substring(0, Math.min(length, d.length()));
  }
}
