package cn.anwang.assessment.scheme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders units by total, highest first; equal totals share a rank and the next rank skips (1, 1,
 * 3). A unit without a total (nothing of the scheme could be counted) has no rank and comes last.
 */
public final class Rankings {

  /** A unit's place. */
  public record Place(String unit, String name, Double total, Integer rank) {}

  private Rankings() {}

  static List<Place> rank(List<Place> units) {
    List<Place> sorted = new ArrayList<>(units);
    sorted.sort(
        Comparator.comparing(Place::total, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
            .thenComparing(Place::unit));
    List<Place> ranked = new ArrayList<>();
    Double previous = null;
    int rank = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Place p = sorted.get(i);
      if (p.total() == null) {
        ranked.add(new Place(p.unit(), p.name(), null, null));
        continue;
      }
      if (!p.total().equals(previous)) {
        rank = i + 1;
        previous = p.total();
      }
      ranked.add(new Place(p.unit(), p.name(), p.total(), rank));
    }
    return ranked;
  }
}
