package cn.anwang.workforce.staffing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The rebalancing search for one street, on numbers only: officers with loads, and slots (one
 * officer's current hold of a grid, with its share of the grid's load). A move hands one slot to
 * another officer who may hold that grid and does not already. Local search: each step takes the
 * move that leaves the smallest spread (max − min load over the street's officers), ties broken by
 * the larger drop of the sum of squared loads, among the moves that lower the sum of squares and do
 * not widen the spread; it stops when no move does. Every grid keeps as many holders as it had, so
 * nothing becomes uncovered; the sum of squares falls at every step, so the search ends.
 */
final class Rebalancer {

  private static final double EPS = 1e-9;
  private static final int MAX_STEPS = 10_000;

  /** One officer's hold of a grid. */
  record Slot(String gridCode, long holder, double share) {}

  record Move(String gridCode, long fromOfficerId, long toOfficerId, double load) {}

  record Result(
      List<Move> moves,
      Map<Long, Double> before,
      Map<Long, Double> after,
      double spreadBefore,
      double spreadAfter,
      double stddevBefore,
      double stddevAfter,
      int steps) {}

  private Rebalancer() {}

  /**
   * @param officers the street's officers (ids), each of whom may receive grids they are allowed
   * @param slots the current holds (of those officers)
   * @param allowed whether an officer may hold a grid
   */
  static Result propose(List<Long> officers, List<Slot> slots, BiPredicate<Long, String> allowed) {
    int n = officers.size();
    Map<Long, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(officers.get(i), i);
    }
    double[] load = new double[n];
    int[] holder = new int[slots.size()];
    Set<String> holds = new HashSet<>();
    for (int s = 0; s < slots.size(); s++) {
      Slot slot = slots.get(s);
      holder[s] = index.get(slot.holder());
      load[holder[s]] += slot.share();
      holds.add(holder[s] + "|" + slot.gridCode());
    }
    // allowed(officer, grid) once per pair
    boolean[][] may = new boolean[slots.size()][n];
    for (int s = 0; s < slots.size(); s++) {
      for (int t = 0; t < n; t++) {
        may[s][t] = allowed.test(officers.get(t), slots.get(s).gridCode());
      }
    }
    Map<Long, Double> before = loads(officers, load);
    double spreadBefore = spread(load);
    double stddevBefore = stddev(load);

    int steps = 0;
    while (steps < MAX_STEPS) {
      double spread = spread(load);
      int bestSlot = -1;
      int bestTarget = -1;
      double bestSpread = Double.MAX_VALUE;
      double bestDelta = 0;
      for (int s = 0; s < slots.size(); s++) {
        double share = slots.get(s).share();
        if (share <= EPS) {
          continue;
        }
        int from = holder[s];
        for (int t = 0; t < n; t++) {
          if (t == from || load[t] >= load[from] || !may[s][t]) {
            continue;
          }
          double delta = 2 * share * (load[t] - load[from]) + 2 * share * share;
          if (delta >= -EPS || holds.contains(t + "|" + slots.get(s).gridCode())) {
            continue;
          }
          load[from] -= share;
          load[t] += share;
          double after = spread(load);
          load[from] += share;
          load[t] -= share;
          if (after > spread + EPS) {
            continue;
          }
          if (after < bestSpread - EPS
              || (Math.abs(after - bestSpread) <= EPS && delta < bestDelta)) {
            bestSpread = after;
            bestDelta = delta;
            bestSlot = s;
            bestTarget = t;
          }
        }
      }
      if (bestSlot < 0) {
        break;
      }
      Slot slot = slots.get(bestSlot);
      int from = holder[bestSlot];
      load[from] -= slot.share();
      load[bestTarget] += slot.share();
      holds.remove(from + "|" + slot.gridCode());
      holds.add(bestTarget + "|" + slot.gridCode());
      holder[bestSlot] = bestTarget;
      steps++;
    }
    List<Move> moves = new ArrayList<>();
    for (int s = 0; s < slots.size(); s++) {
      Slot slot = slots.get(s);
      long to = officers.get(holder[s]);
      if (to != slot.holder()) {
        moves.add(new Move(slot.gridCode(), slot.holder(), to, slot.share()));
      }
    }
    return new Result(
        moves,
        before,
        loads(officers, load),
        spreadBefore,
        spread(load),
        stddevBefore,
        stddev(load),
        steps);
  }

  private static Map<Long, Double> loads(List<Long> officers, double[] load) {
    Map<Long, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < load.length; i++) {
      out.put(officers.get(i), load[i]);
    }
    return out;
  }

  /** Max − min load; 0 for fewer than two officers. */
  static double spread(double[] load) {
    if (load.length < 2) {
      return 0;
    }
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (double l : load) {
      min = Math.min(min, l);
      max = Math.max(max, l);
    }
    return max - min;
  }

  static double stddev(double[] load) {
    if (load.length == 0) {
      return 0;
    }
    double mean = 0;
    for (double l : load) {
      mean += l;
    }
    mean /= load.length;
    double sq = 0;
    for (double l : load) {
      sq += (l - mean) * (l - mean);
    }
    return Math.sqrt(sq / load.length);
  }
}
