package cn.anwang.area.grid;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import cn.anwang.area.Divisions;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The divisions a page offers in its selector: the territory and two levels below it. */
@Component
class DivisionChoices {

  /** A selector entry; {@code depth} indents it. */
  record Choice(String code, String name, String level, int depth) {}

  private final Divisions divisions;

  DivisionChoices(Divisions divisions) {
    this.divisions = divisions;
  }

  List<Choice> under(String territoryCode, boolean includeVillages) {
    List<Choice> choices = new ArrayList<>();
    divisions.find(territoryCode).ifPresent(root -> collect(root, 0, includeVillages, choices));
    return choices;
  }

  private void collect(Division d, int depth, boolean includeVillages, List<Choice> out) {
    out.add(new Choice(d.code(), d.name(), d.level().key(), depth));
    if (depth >= 2 || d.level() == DivisionLevel.VILLAGE) {
      return;
    }
    for (Division child : divisions.children(d.code())) {
      if (child.level() == DivisionLevel.VILLAGE && !includeVillages) {
        continue;
      }
      collect(child, depth + 1, includeVillages, out);
    }
  }
}
