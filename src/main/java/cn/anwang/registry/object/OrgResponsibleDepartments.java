package cn.anwang.registry.object;

import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ResponsibilityRules;
import cn.anwang.org.RuleMatch;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The responsibility rules of the {@code org} module, as the registry asks for them. */
@Component
class OrgResponsibleDepartments implements ResponsibleDepartments {

  private final ResponsibilityRules rules;

  OrgResponsibleDepartments(ResponsibilityRules rules) {
    this.rules = rules;
  }

  @Override
  public List<Assignment> responsibleFor(
      String districtCode, ObjectKind kind, String industryCode, Set<HazardFeature> hazards) {
    return assignments(
        rules.responsibleFor(new ObjectProfile(districtCode, kind, industryCode, hazards)));
  }

  @Override
  public Snapshot snapshot() {
    ResponsibilityRules.Evaluator evaluator = rules.snapshot();
    return (districtCode, kind, industryCode, hazards) ->
        assignments(
            evaluator.responsibleFor(new ObjectProfile(districtCode, kind, industryCode, hazards)));
  }

  private static List<Assignment> assignments(List<RuleMatch> matches) {
    return matches.stream()
        .map(
            m ->
                new Assignment(
                    m.departmentCode(),
                    m.ruleId() == null ? null : String.valueOf(m.ruleId()),
                    m.explanation()))
        .toList();
  }
}
