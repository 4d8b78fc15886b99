package cn.anwang.area.division;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The division tree as the current user may see it: their territory's subtree, plus the ancestors
 * of their territory (so a street administrator sees which district they belong to, not its other
 * streets).
 */
@Component
class DivisionScope {

  private static final int SEARCH_LIMIT = 50;

  private final Divisions divisions;
  private final CurrentActor currentActor;

  DivisionScope(Divisions divisions, CurrentActor currentActor) {
    this.divisions = divisions;
    this.currentActor = currentActor;
  }

  Actor actor() {
    return currentActor.require();
  }

  Optional<Division> find(String code) {
    return divisions.find(code).filter(this::visible);
  }

  /** The children of a visible division that lie in or above the territory. */
  List<Division> children(String code) {
    return find(code).map(d -> divisions.children(d.code())).orElse(List.of()).stream()
        .filter(this::visible)
        .toList();
  }

  List<Division> path(String code) {
    return find(code).map(d -> divisions.path(d.code())).orElse(List.of());
  }

  List<Division> search(String text) {
    return divisions.search(text, actor().scope().territoryCode(), SEARCH_LIMIT);
  }

  /** The root of the user's territory. */
  Division territory() {
    String code = actor().scope().territoryCode();
    return divisions
        .find(code)
        .orElseThrow(
            () -> new IllegalStateException("The user's territory does not exist: " + code));
  }

  private boolean visible(Division division) {
    String territory = actor().scope().territoryCode();
    return division.code().startsWith(territory) || territory.startsWith(division.code());
  }
}
