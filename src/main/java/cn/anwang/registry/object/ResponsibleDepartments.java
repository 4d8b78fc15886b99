package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import java.util.Set;

/**
 * Which departments are responsible for an object, by the responsibility rules. Implemented over
 * the {@code org} module's {@code ResponsibilityRules} once it is available; until then no rule
 * matches and departments are set by hand.
 */
interface ResponsibleDepartments {

  List<Assignment> responsibleFor(
      String districtCode, ObjectKind kind, String industryCode, Set<HazardFeature> hazards);

  /**
   * The rules as they are now, read once, for evaluating many objects (an import) without a query
   * per object.
   */
  default Snapshot snapshot() {
    return this::responsibleFor;
  }

  /** Evaluates objects against one reading of the rules; same answers as the port. */
  @FunctionalInterface
  interface Snapshot {
    List<Assignment> responsibleFor(
        String districtCode, ObjectKind kind, String industryCode, Set<HazardFeature> hazards);
  }

  /**
   * @param departmentCode the department
   * @param ruleId the rule that matched
   * @param explanation why, for people
   */
  record Assignment(String departmentCode, String ruleId, String explanation) {}
}
