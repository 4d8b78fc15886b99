package cn.anwang.org.responsibility;

import cn.anwang.org.Department;
import cn.anwang.org.ObjectProfiles.ProfiledObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a rule change would do to registered objects: for each department, how many objects would
 * gain or lose it, with sample object ids. Compares the departments the rules derive now with those
 * the proposed rules would derive (manual assignments are the registry's business and not moved by
 * rules). Writes nothing.
 */
final class RulePreview {

  static final int SAMPLES = 10;

  private RulePreview() {}

  /**
   * The effect of a change on some objects.
   *
   * @param registryAvailable false when no registry is there to ask (nothing was checked)
   * @param objectsChecked objects looked at
   * @param objectsAffected objects whose departments would change
   * @param noRuleMatchedBefore objects no rule matches now (on the fallback department)
   * @param noRuleMatchedAfter objects no rule would match after the change
   * @param departments per department, those gaining or losing objects, by code
   */
  record Result(
      boolean registryAvailable,
      String territoryCode,
      long objectsChecked,
      long objectsAffected,
      long noRuleMatchedBefore,
      long noRuleMatchedAfter,
      List<DepartmentChange> departments) {

    static Result noRegistry(String territoryCode) {
      return new Result(false, territoryCode, 0, 0, 0, 0, List.of());
    }
  }

  /** How a department's objects would change. */
  record DepartmentChange(
      String departmentCode,
      String departmentName,
      long gained,
      long lost,
      List<String> sampleGained,
      List<String> sampleLost) {}

  private static final class Tally {
    long gained;
    long lost;
    final List<String> sampleGained = new ArrayList<>();
    final List<String> sampleLost = new ArrayList<>();
  }

  static Result compute(
      String territoryCode,
      Collection<ResponsibilityRule> before,
      Collection<ResponsibilityRule> after,
      Collection<Department> departments,
      Stream<ProfiledObject> objects) {
    RuleEvaluator now = new RuleEvaluator(before, departments);
    RuleEvaluator proposed = new RuleEvaluator(after, departments);
    Map<String, Tally> tallies = new TreeMap<>();
    long[] counts = new long[4]; // checked, affected, no rule before, no rule after
    objects.forEach(
        object -> {
          counts[0]++;
          RuleEvaluator.Evaluation was = now.evaluate(object.profile());
          RuleEvaluator.Evaluation will = proposed.evaluate(object.profile());
          if (was.noRuleMatched()) {
            counts[2]++;
          }
          if (will.noRuleMatched()) {
            counts[3]++;
          }
          Set<String> old = new HashSet<>(was.departmentCodes());
          Set<String> next = new HashSet<>(will.departmentCodes());
          if (old.equals(next)) {
            return;
          }
          counts[1]++;
          for (String code : next) {
            if (!old.contains(code)) {
              Tally t = tallies.computeIfAbsent(code, c -> new Tally());
              t.gained++;
              if (t.sampleGained.size() < SAMPLES) {
                t.sampleGained.add(object.objectId());
              }
            }
          }
          for (String code : old) {
            if (!next.contains(code)) {
              Tally t = tallies.computeIfAbsent(code, c -> new Tally());
              t.lost++;
              if (t.sampleLost.size() < SAMPLES) {
                t.sampleLost.add(object.objectId());
              }
            }
          }
        });
    Map<String, String> names = new TreeMap<>();
    departments.forEach(d -> names.put(d.code(), d.name()));
    List<DepartmentChange> changes =
        tallies.entrySet().stream()
            .map(
                e ->
                    new DepartmentChange(
                        e.getKey(),
                        names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().gained,
                        e.getValue().lost,
                        List.copyOf(e.getValue().sampleGained),
                        List.copyOf(e.getValue().sampleLost)))
            .sorted(Comparator.comparing(DepartmentChange::departmentCode))
            .toList();
    return new Result(true, territoryCode, counts[0], counts[1], counts[2], counts[3], changes);
  }
}
