package cn.anwang.org.responsibility;

import cn.anwang.org.Department;
import cn.anwang.org.ObjectProfile;
import cn.anwang.org.RuleMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates responsibility rules for objects, without Spring or a database, so it can be used for
 * one object (evaluate) and for hundreds of thousands (preview, recompute) alike.
 *
 * <p>Every matching rule contributes its department; a rule names a department by key, which
 * resolves to the department with that key in the object's district, else the city-level one.
 * Departments are deduplicated and ordered by the priority of the first rule naming them (district
 * rules before city-wide ones of the same priority, so a district can put its own first). When no
 * rule names an active department, the district's fallback department (else the city-level one)
 * takes the object and the result says that no rule matched.
 */
final class RuleEvaluator {

  static final Comparator<ResponsibilityRule> ORDER =
      Comparator.comparingInt(ResponsibilityRule::priority)
          .thenComparing(r -> r.cityWide() ? 1 : 0)
          .thenComparing(r -> r.id() == null ? Long.MAX_VALUE : r.id());

  private final List<ResponsibilityRule> rules;
  private final Map<String, Department> active = new HashMap<>();
  private final Map<String, Department> fallbacks = new HashMap<>();

  /**
   * @param rules rules in any order; inactive ones are ignored
   * @param departments departments; inactive ones are ignored
   */
  RuleEvaluator(Collection<ResponsibilityRule> rules, Collection<Department> departments) {
    this.rules = rules.stream().filter(ResponsibilityRule::active).sorted(ORDER).toList();
    for (Department d : departments) {
      if (d.active()) {
        active.put(d.code(), d);
        if (d.fallback()) {
          fallbacks.put(d.cityLevel() ? Department.CITY : d.districtCode(), d);
        }
      }
    }
  }

  /**
   * The departments responsible for an object and why.
   *
   * @param matches one per department, in order; empty only when no fallback department exists
   * @param noRuleMatched whether the departments are the fallback because no rule named one
   * @param unresolved rules that matched but name a key no active department has
   */
  record Evaluation(List<RuleMatch> matches, boolean noRuleMatched, List<String> unresolved) {

    List<String> departmentCodes() {
      return matches.stream().map(RuleMatch::departmentCode).toList();
    }
  }

  Evaluation evaluate(ObjectProfile object) {
    Map<String, RuleMatch> byDepartment = new LinkedHashMap<>();
    List<String> unresolved = new ArrayList<>();
    for (ResponsibilityRule rule : rules) {
      if (!rule.matches(object)) {
        continue;
      }
      Department department = resolve(object.districtCode(), rule.departmentKey());
      if (department == null) {
        unresolved.add(
            "rule " + rule.id() + ": no active department with key " + rule.departmentKey());
        continue;
      }
      byDepartment.putIfAbsent(
          department.code(), new RuleMatch(department.code(), rule.id(), rule.explain(object)));
    }
    if (!byDepartment.isEmpty()) {
      return new Evaluation(List.copyOf(byDepartment.values()), false, List.copyOf(unresolved));
    }
    Department fallback = fallbacks.get(object.districtCode());
    if (fallback == null) {
      fallback = fallbacks.get(Department.CITY);
    }
    if (fallback == null) {
      return new Evaluation(List.of(), true, List.copyOf(unresolved));
    }
    String why =
        unresolved.isEmpty()
            ? "no rule matched; fallback department"
            : "matching rules name no active department; fallback department";
    return new Evaluation(
        List.of(new RuleMatch(fallback.code(), null, why)), true, List.copyOf(unresolved));
  }

  /** The active department with this key in the district, else the active city-level one. */
  Department resolve(String districtCode, String key) {
    Department local = active.get(Department.codeOf(districtCode, key));
    return local != null ? local : active.get(Department.codeOf(null, key));
  }

  /** The active department with this code, or null. */
  Department department(String code) {
    return active.get(code);
  }
}
