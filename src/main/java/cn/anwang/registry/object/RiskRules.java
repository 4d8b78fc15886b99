package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The transparent rules that give an object its risk level. Rules are tried in order and the first
 * that applies wins, so an object's level is always explained by exactly one rule; a person may
 * override the result with a reason. No Spring, no database: pure and unit-tested.
 */
final class RiskRules {

  /** Hazards that put an object at least at 橙 on their own. */
  static final Set<HazardFeature> MAJOR_HAZARDS =
      EnumSet.of(
          HazardFeature.HAZARDOUS_CHEMICALS,
          HazardFeature.DUST_EXPLOSION,
          HazardFeature.METAL_SMELTING,
          HazardFeature.AMMONIA_REFRIGERATION,
          HazardFeature.FIREWORKS);

  /** Employees from which a crowded place counts as large even without a scale. */
  static final int LARGE_WORKFORCE = 300;

  /** Kinds that are 蓝 when they carry no hazard. */
  static final Set<ObjectKind> SMALL_KINDS =
      EnumSet.of(
          ObjectKind.SMALL_SHOP,
          ObjectKind.HOUSEHOLD,
          ObjectKind.INDIVIDUAL_BUSINESS,
          ObjectKind.OTHER);

  /** A rule: its id (stored with the object), the level it gives and when it applies. */
  record Rule(String id, RiskLevel level, Predicate<Facts> applies) {

    String messageKey() {
      return "registry.risk.rule." + id;
    }
  }

  /**
   * What the rules look at.
   *
   * @param kind never null
   * @param hazards never null
   * @param scale may be null
   * @param employees may be null
   * @param lastAccidentOn the last accident's date, may be null
   * @param today the day the rules are evaluated on
   */
  record Facts(
      ObjectKind kind,
      Set<HazardFeature> hazards,
      Scale scale,
      Integer employees,
      LocalDate lastAccidentOn,
      LocalDate today) {

    boolean large() {
      return scale == Scale.LARGE || (employees != null && employees >= LARGE_WORKFORCE);
    }
  }

  /** The computed level with the rule that produced it. */
  record Assessment(RiskLevel level, String ruleId, String messageKey) {}

  static final List<Rule> RULES =
      List.of(
          new Rule(
              "ACCIDENT_LAST_12_MONTHS",
              RiskLevel.RED,
              f ->
                  f.lastAccidentOn() != null
                      && !f.lastAccidentOn().isAfter(f.today())
                      && f.lastAccidentOn().isAfter(f.today().minusMonths(12))),
          new Rule(
              "MAJOR_HAZARD",
              RiskLevel.ORANGE,
              f -> f.hazards().stream().anyMatch(MAJOR_HAZARDS::contains)),
          new Rule(
              "LARGE_CROWDED_PLACE",
              RiskLevel.ORANGE,
              f -> f.hazards().contains(HazardFeature.CROWDED_PLACE) && f.large()),
          new Rule("OTHER_HAZARD", RiskLevel.YELLOW, f -> !f.hazards().isEmpty()),
          new Rule(
              "SMALL_WITHOUT_HAZARD",
              RiskLevel.BLUE,
              f -> SMALL_KINDS.contains(f.kind()) && f.hazards().isEmpty()),
          new Rule("DEFAULT", RiskLevel.YELLOW, f -> true));

  private RiskRules() {}

  /** The level of the first rule that applies (the last rule always does). */
  static Assessment assess(Facts facts) {
    for (Rule rule : RULES) {
      if (rule.applies().test(facts)) {
        return new Assessment(rule.level(), rule.id(), rule.messageKey());
      }
    }
    throw new IllegalStateException("The DEFAULT rule always applies");
  }
}
