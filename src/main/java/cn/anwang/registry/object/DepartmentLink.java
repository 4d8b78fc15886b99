package cn.anwang.registry.object;

/**
 * A department responsible for an object.
 *
 * @param ruleId the responsibility rule that assigned it, null when set by hand
 */
record DepartmentLink(String departmentCode, Source source, String ruleId) {

  enum Source {
    RULE,
    MANUAL
  }
}
