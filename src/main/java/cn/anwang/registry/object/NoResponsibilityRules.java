package cn.anwang.registry.object;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Stand-in until the {@code org} module's responsibility rules are wired: nothing matches. */
@Component
class NoResponsibilityRules implements ResponsibleDepartments {

  @Override
  public List<Assignment> responsibleFor(
      String districtCode, ObjectKind kind, String industryCode, Set<HazardFeature> hazards) {
    return List.of();
  }
}
