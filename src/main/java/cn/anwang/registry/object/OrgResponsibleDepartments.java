package cn.anwang.registry.object;

import cn.anwang.org.ObjectProfile;
import cn.anwang.org.ResponsibilityRules;
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
    return rules
        .responsibleFor(new ObjectProfile(districtCode, kind, industryCode, hazards))
        .stream()
        .map(
            m ->
                new Assignment(
                    m.departmentCode(),
                    m.ruleId() == null ? null : String.valueOf(m.ruleId()),
                    m.explanation()))
        .toList();
  }
}
