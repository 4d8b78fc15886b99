package cn.anwang.org;

/**
 * One department responsible for an object, and why.
 *
 * @param departmentCode the responsible department's code
 * @param ruleId the highest-priority rule that named it, or null when no rule matched the object
 *     and the department is the district's fallback
 * @param explanation which conditions matched (or that no rule did), for people to read
 */
public record RuleMatch(String departmentCode, Long ruleId, String explanation) {

  /** Whether the department is the fallback because no rule matched: the district should look. */
  public boolean noRuleMatched() {
    return ruleId == null;
  }
}
