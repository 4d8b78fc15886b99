package cn.anwang.outreach.document;

import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.identity.Actor;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.registry.ObjectSelection;
import cn.anwang.registry.ObjectSelection.Criteria;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A document's targets, checked against the publisher's territory: divisions and grids must lie
 * inside it (none given means the whole territory), kinds and risk levels must be known, industry
 * codes must be GB/T 4754 digits. Every refusal names the value.
 */
@Component
class DocumentTargets {

  /** What the publisher asks for; any list may be empty. */
  record Targets(
      List<String> divisions,
      List<String> grids,
      List<String> industries,
      List<String> kinds,
      List<String> risks) {

    Targets {
      divisions = clean(divisions);
      grids = clean(grids);
      industries = clean(industries);
      kinds = clean(kinds);
      risks = clean(risks);
    }

    private static List<String> clean(List<String> values) {
      if (values == null) {
        return List.of();
      }
      Set<String> set = new LinkedHashSet<>();
      for (String v : values) {
        if (v != null && !v.isBlank()) {
          set.add(v.strip());
        }
      }
      return List.copyOf(set);
    }
  }

  static final Set<String> RISKS = Set.of("RED", "ORANGE", "YELLOW", "BLUE");
  private static final Pattern INDUSTRY = Pattern.compile("\\d{2,4}");
  private static final int MAX_VALUES = 200;

  private final Divisions divisions;
  private final Grids grids;
  private final ObjectSelection selection;

  DocumentTargets(Divisions divisions, Grids grids, ObjectSelection selection) {
    this.divisions = divisions;
    this.grids = grids;
    this.selection = selection;
  }

  /** The registry criteria for these targets inside the actor's territory. */
  Criteria criteria(Actor actor, Targets t) {
    if (t == null) {
      t = new Targets(null, null, null, null, null);
    }
    for (List<String> list : List.of(t.divisions(), t.grids(), t.industries())) {
      if (list.size() > MAX_VALUES) {
        throw new OutreachRejected(
            "targets", "outreach.rule.tooMany", Integer.toString(MAX_VALUES));
      }
    }
    for (String code : t.divisions()) {
      if (!actor.covers(code) || divisions.find(code).isEmpty()) {
        throw new OutreachRejected("targets.divisions", "outreach.rule.divisionOutside", code);
      }
    }
    for (String code : t.grids()) {
      boolean inside = grids.find(code).map(g -> actor.covers(g.divisionCode())).orElse(false);
      if (!inside) {
        throw new OutreachRejected("targets.grids", "outreach.rule.gridOutside", code);
      }
    }
    for (String code : t.industries()) {
      if (!INDUSTRY.matcher(code).matches()) {
        throw new OutreachRejected("targets.industries", "outreach.rule.industryCode", code);
      }
    }
    List<String> kindNames = Arrays.stream(ObjectKind.values()).map(Enum::name).toList();
    for (String kind : t.kinds()) {
      if (!kindNames.contains(kind)) {
        throw new OutreachRejected("targets.kinds", "outreach.rule.unknownValue", kind);
      }
    }
    for (String risk : t.risks()) {
      if (!RISKS.contains(risk)) {
        throw new OutreachRejected("targets.risks", "outreach.rule.unknownValue", risk);
      }
    }
    List<String> prefixes = new ArrayList<>(t.divisions());
    if (prefixes.isEmpty()) {
      prefixes.add(actor.scope().territoryCode());
    }
    return new Criteria(prefixes, t.grids(), t.industries(), t.kinds(), t.risks());
  }

  /** How many objects the targets reach. */
  int count(Actor actor, Targets t) {
    return selection.count(criteria(actor, t));
  }

  List<ObjectSelection.Placed> objects(Actor actor, Targets t) {
    return selection.matching(criteria(actor, t));
  }
}
