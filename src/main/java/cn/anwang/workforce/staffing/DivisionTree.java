package cn.anwang.workforce.staffing;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.workforce.officer.WorkforcePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The division tree as the staffing figures walk it: the streets under a division and the names of
 * villages, from {@link Divisions}, with children lists kept for a few minutes (the tree changes
 * rarely; the city-wide figures would otherwise ask for ~270 lists each time).
 */
@Component
class DivisionTree {

  private static final long TTL_NANOS = 5L * 60 * 1_000_000_000L;

  private record Entry(List<Division> children, long at) {}

  private final Divisions divisions;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  DivisionTree(Divisions divisions) {
    this.divisions = divisions;
  }

  /**
   * The city, district or street the caller asked for (default: their territory), or 404 when it
   * does not exist or lies outside what they see.
   */
  Division resolve(Actor actor, String code, boolean streetOrAbove) {
    String wanted = code == null || code.isBlank() ? actor.scope().territoryCode() : code.strip();
    Division division =
        divisions
            .find(wanted)
            .filter(d -> WorkforcePolicy.sees(actor, d.code()))
            .orElseThrow(() -> StaffingProblem.notFound("division", wanted));
    if (streetOrAbove && division.level() == DivisionLevel.VILLAGE) {
      throw StaffingProblem.badRequest("workforce.staffing.divisionLevel", wanted);
    }
    return division;
  }

  Optional<Division> find(String code) {
    return divisions.find(code);
  }

  List<Division> children(String code) {
    long now = System.nanoTime();
    Entry e = cache.get(code);
    if (e == null || now - e.at() > TTL_NANOS) {
      e = new Entry(List.copyOf(divisions.children(code)), now);
      cache.put(code, e);
    }
    return e.children();
  }

  /** The streets (towns, parks) in a city, district or street, in code order. */
  List<Division> streetsIn(Division division) {
    return switch (division.level()) {
      case STREET -> List.of(division);
      case DISTRICT -> children(division.code());
      case CITY -> {
        List<Division> out = new ArrayList<>();
        for (Division district : children(division.code())) {
          out.addAll(children(district.code()));
        }
        yield out;
      }
      case VILLAGE -> List.of();
    };
  }

  /** The districts in a division (the district itself, or the city's). */
  List<Division> districtsIn(Division division) {
    return switch (division.level()) {
      case CITY -> children(division.code());
      case DISTRICT -> List.of(division);
      default -> divisions.find(division.districtCode()).map(List::of).orElse(List.of());
    };
  }

  /** A village's name, looked up among its street's children; the code when unknown. */
  String villageName(String villageCode) {
    if (villageCode.length() < 9) {
      return villageCode;
    }
    return children(villageCode.substring(0, 9)).stream()
        .filter(v -> v.code().equals(villageCode))
        .map(Division::name)
        .findFirst()
        .orElse(villageCode);
  }
}
