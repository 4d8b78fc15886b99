package cn.anwang.org;

import java.util.Set;

/**
 * Published when a responsibility rule or a department changes, in the changing transaction, so
 * that the registry can recompute the responsible departments of the affected objects.
 *
 * @param districtCodes the districts whose objects may be affected; empty when every district may
 *     be (a city-wide rule or a city-level department changed)
 * @param ruleId the changed rule, or null when a department changed
 * @param departmentCode the changed department, or null when a rule changed
 * @param change what happened: {@code created}, {@code updated} or {@code deactivated}
 */
public record ResponsibilityRulesChanged(
    Set<String> districtCodes, Long ruleId, String departmentCode, String change) {

  public ResponsibilityRulesChanged {
    districtCodes = Set.copyOf(districtCodes);
  }

  /** Whether every district may be affected. */
  public boolean cityWide() {
    return districtCodes.isEmpty();
  }
}
