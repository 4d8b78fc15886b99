package cn.anwang.registry.object;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A department responsible for an object.
 *
 * @param ruleId the responsibility rule that assigned it, null when set by hand
 */
record DepartmentLink(String departmentCode, Source source, String ruleId) {

  /** The links the rules give: one per department, in the order the rules name them. */
  static List<DepartmentLink> ofRules(List<ResponsibleDepartments.Assignment> assignments) {
    Set<String> seen = new HashSet<>();
    List<DepartmentLink> links = new ArrayList<>(assignments.size());
    for (ResponsibleDepartments.Assignment a : assignments) {
      if (seen.add(a.departmentCode())) {
        links.add(new DepartmentLink(a.departmentCode(), Source.RULE, a.ruleId()));
      }
    }
    return links;
  }

  enum Source {
    RULE,
    MANUAL
  }
}
