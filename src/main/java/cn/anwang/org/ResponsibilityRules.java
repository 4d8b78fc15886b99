package cn.anwang.org;

import java.util.List;

/** Evaluates the active responsibility rules for an object. */
public interface ResponsibilityRules {

  /**
   * The departments responsible for an object: every department named by a matching rule (district
   * rules in their district, city-wide rules everywhere), deduplicated, ordered by the priority of
   * the rule that named it. When no rule matches, the district's fallback department with {@link
   * RuleMatch#noRuleMatched()} set; empty only when not even a fallback department exists.
   */
  List<RuleMatch> responsibleFor(ObjectProfile profile);

  /**
   * The active rules and departments as they are now, read once, for evaluating many objects (an
   * import, a recompute after {@link ResponsibilityRulesChanged}) without a query per object.
   */
  Evaluator snapshot();

  /** Evaluates objects against one snapshot of the rules; same semantics as the facade. */
  @FunctionalInterface
  interface Evaluator {
    List<RuleMatch> responsibleFor(ObjectProfile profile);
  }
}
