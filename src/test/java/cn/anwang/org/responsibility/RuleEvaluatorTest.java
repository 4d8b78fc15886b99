package cn.anwang.org.responsibility;

import static cn.anwang.org.responsibility.Fixtures.HEPING;
import static cn.anwang.org.responsibility.Fixtures.XIQING;
import static cn.anwang.org.responsibility.Fixtures.department;
import static cn.anwang.org.responsibility.Fixtures.inactive;
import static cn.anwang.org.responsibility.Fixtures.object;
import static cn.anwang.org.responsibility.Fixtures.rule;
import static cn.anwang.shared.supervision.HazardFeature.CROWDED_PLACE;
import static cn.anwang.shared.supervision.HazardFeature.DUST_EXPLOSION;
import static cn.anwang.shared.supervision.HazardFeature.GAS_USE;
import static cn.anwang.shared.supervision.HazardFeature.HAZARDOUS_CHEMICALS;
import static cn.anwang.shared.supervision.ObjectKind.ENTERPRISE;
import static cn.anwang.shared.supervision.ObjectKind.SMALL_ENTERTAINMENT_VENUE;
import static cn.anwang.shared.supervision.ObjectKind.SMALL_SHOP;
import static cn.anwang.shared.supervision.ObjectKind.SMALL_WORKSHOP;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.org.Department;
import cn.anwang.org.RuleMatch;
import cn.anwang.org.responsibility.RuleEvaluator.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

  static final List<Department> DEPARTMENTS =
      List.of(
          department(null, "YJ", true),
          department(null, "ZJ", false),
          department(null, "SC", false),
          department(HEPING, "YJ", true),
          department(HEPING, "SC", false),
          department(HEPING, "XF", false),
          department(HEPING, "WL", false));

  static RuleEvaluator evaluator(ResponsibilityRule... rules) {
    return new RuleEvaluator(List.of(rules), DEPARTMENTS);
  }

  @Test
  void matchesIndustryByDigitPrefix() {
    RuleEvaluator evaluator = evaluator(rule(1, null, 10, List.of("26"), Set.of(), Set.of(), "YJ"));
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, "2614")).departmentCodes())
        .containsExactly("120101-YJ");
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, "2614")).noRuleMatched()).isFalse();
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, "C2614")).noRuleMatched()).isFalse();
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, "2710")).noRuleMatched()).isTrue();
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, null)).noRuleMatched()).isTrue();
  }

  @Test
  void matchesASectionLetterByItsDivisions() {
    RuleEvaluator evaluator = evaluator(rule(1, null, 10, List.of("E"), Set.of(), Set.of(), "ZJ"));
    for (String code : List.of("4710", "48", "4999", "5010", "E4720")) {
      assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, code)).departmentCodes())
          .as(code)
          .containsExactly("12-ZJ");
    }
    for (String code : List.of("4610", "5110", "C2614")) {
      assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, code)).noRuleMatched())
          .as(code)
          .isTrue();
    }
  }

  @Test
  void hazardsAndKindsMatchAnyOfTheirValuesAndAllConditionsMustHold() {
    RuleEvaluator evaluator =
        evaluator(
            rule(
                1,
                null,
                10,
                List.of(),
                Set.of(HAZARDOUS_CHEMICALS, DUST_EXPLOSION),
                Set.of(),
                "YJ"),
            rule(
                2,
                null,
                20,
                List.of("13", "14"),
                Set.of(),
                Set.of(SMALL_WORKSHOP, SMALL_SHOP),
                "SC"));
    assertThat(
            evaluator
                .evaluate(object(HEPING, ENTERPRISE, null, GAS_USE, DUST_EXPLOSION))
                .departmentCodes())
        .containsExactly("120101-YJ");
    assertThat(evaluator.evaluate(object(HEPING, SMALL_WORKSHOP, "1391")).departmentCodes())
        .containsExactly("120101-SC");
    // industry holds but kind does not
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, "1391")).noRuleMatched()).isTrue();
    // kind holds but industry does not
    assertThat(evaluator.evaluate(object(HEPING, SMALL_WORKSHOP, "2614")).noRuleMatched()).isTrue();
  }

  @Test
  void anEmptyRuleMatchesEverything() {
    RuleEvaluator evaluator = evaluator(rule(1, null, 10, List.of(), Set.of(), Set.of(), "ZJ"));
    assertThat(evaluator.evaluate(object(XIQING, SMALL_SHOP, null)).departmentCodes())
        .containsExactly("12-ZJ");
  }

  @Test
  void districtRulesApplyOnlyInTheirDistrictAndCityRulesEverywhere() {
    RuleEvaluator evaluator =
        evaluator(
            rule(1, HEPING, 10, List.of(), Set.of(GAS_USE), Set.of(), "XF"),
            rule(2, null, 20, List.of(), Set.of(GAS_USE), Set.of(), "SC"));
    assertThat(evaluator.evaluate(object(HEPING, ENTERPRISE, null, GAS_USE)).departmentCodes())
        .containsExactly("120101-XF", "120101-SC");
    assertThat(evaluator.evaluate(object(XIQING, ENTERPRISE, null, GAS_USE)).departmentCodes())
        .containsExactly("12-SC");
  }

  @Test
  void resolvesTheKeyInTheDistrictElseAtCityLevel() {
    RuleEvaluator evaluator =
        evaluator(rule(1, null, 10, List.of(), Set.of(HAZARDOUS_CHEMICALS), Set.of(), "YJ"));
    assertThat(
            evaluator
                .evaluate(object(HEPING, ENTERPRISE, null, HAZARDOUS_CHEMICALS))
                .departmentCodes())
        .containsExactly("120101-YJ");
    assertThat(
            evaluator
                .evaluate(object(XIQING, ENTERPRISE, null, HAZARDOUS_CHEMICALS))
                .departmentCodes())
        .containsExactly("12-YJ");
  }

  @Test
  void ordersDepartmentsByPriorityDistrictFirstOnTiesAndDeduplicates() {
    RuleEvaluator evaluator =
        evaluator(
            rule(5, null, 30, List.of(), Set.of(CROWDED_PLACE), Set.of(), "SC"),
            rule(4, null, 10, List.of(), Set.of(), Set.of(SMALL_ENTERTAINMENT_VENUE), "WL"),
            rule(3, HEPING, 10, List.of(), Set.of(CROWDED_PLACE), Set.of(), "XF"),
            rule(2, null, 20, List.of(), Set.of(CROWDED_PLACE), Set.of(), "WL"));
    Evaluation evaluation =
        evaluator.evaluate(object(HEPING, SMALL_ENTERTAINMENT_VENUE, "9011", CROWDED_PLACE));
    assertThat(evaluation.departmentCodes()).containsExactly("120101-XF", "120101-WL", "120101-SC");
    // the department named by two rules keeps the higher-priority one
    assertThat(evaluation.matches().get(1).ruleId()).isEqualTo(4L);
    assertThat(evaluation.matches().get(0).explanation())
        .contains("rule 3")
        .contains("district 120101")
        .contains("hazard CROWDED_PLACE");
  }

  @Test
  void fallsBackToTheDistrictsFallbackAndSaysNoRuleMatched() {
    RuleEvaluator evaluator = evaluator(rule(1, null, 10, List.of("47"), Set.of(), Set.of(), "ZJ"));
    Evaluation heping = evaluator.evaluate(object(HEPING, SMALL_SHOP, "5211"));
    assertThat(heping.noRuleMatched()).isTrue();
    assertThat(heping.matches())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.departmentCode()).isEqualTo("120101-YJ");
              assertThat(m.noRuleMatched()).isTrue();
              assertThat(m.explanation()).contains("no rule matched");
            });
    // a district without its own fallback falls to the city-level one
    assertThat(evaluator.evaluate(object(XIQING, SMALL_SHOP, "5211")).departmentCodes())
        .containsExactly("12-YJ");
  }

  @Test
  void aRuleNamingNoActiveDepartmentIsReportedAndTheFallbackTakesOver() {
    List<Department> departments = new ArrayList<>(DEPARTMENTS);
    departments.replaceAll(d -> d.key().equals("SC") ? inactive(d) : d);
    RuleEvaluator evaluator =
        new RuleEvaluator(
            List.of(rule(7, null, 10, List.of(), Set.of(), Set.of(SMALL_SHOP), "SC")), departments);
    Evaluation evaluation = evaluator.evaluate(object(HEPING, SMALL_SHOP, null));
    assertThat(evaluation.departmentCodes()).containsExactly("120101-YJ");
    assertThat(evaluation.noRuleMatched()).isTrue();
    assertThat(evaluation.unresolved()).containsExactly("rule 7: no active department with key SC");
    assertThat(evaluation.matches().get(0).explanation()).contains("no active department");
  }

  @Test
  void ignoresInactiveRules() {
    ResponsibilityRule off =
        rule(1, null, 10, List.of(), Set.of(), Set.of(SMALL_SHOP), "SC").deactivated();
    assertThat(evaluator(off).evaluate(object(HEPING, SMALL_SHOP, null)).noRuleMatched()).isTrue();
  }

  @Test
  void answersNothingWhenNotEvenAFallbackExists() {
    RuleEvaluator evaluator =
        new RuleEvaluator(List.of(), List.of(department(HEPING, "SC", false)));
    Evaluation evaluation = evaluator.evaluate(object(HEPING, SMALL_SHOP, null));
    assertThat(evaluation.matches()).isEmpty();
    assertThat(evaluation.noRuleMatched()).isTrue();
  }

  @Test
  void theShippedDefaultsRouteTheProductsExamples() {
    List<ResponsibilityRule> defaults = new ArrayList<>();
    long id = 1;
    for (ResponsibilityRule r : OrgDefaults.RULES) {
      defaults.add(r.withId(id++));
    }
    List<Department> departments = new ArrayList<>();
    for (OrgDefaults.Default d : OrgDefaults.DEPARTMENTS) {
      departments.add(department(null, d.key(), d.fallback()));
      departments.add(department(HEPING, d.key(), d.fallback()));
    }
    RuleEvaluator evaluator = new RuleEvaluator(defaults, departments);
    assertThat(codes(evaluator, object(HEPING, ENTERPRISE, "2614", HAZARDOUS_CHEMICALS)))
        .startsWith("120101-YJ");
    assertThat(codes(evaluator, object(HEPING, ENTERPRISE, "4710"))).containsExactly("120101-ZJ");
    assertThat(codes(evaluator, object(HEPING, SMALL_WORKSHOP, "1431")))
        .containsExactly("120101-SC", "120101-YJ");
    assertThat(codes(evaluator, object(HEPING, SMALL_SHOP, "5211"))).containsExactly("120101-SC");
    assertThat(codes(evaluator, object(HEPING, ENTERPRISE, "5411"))).containsExactly("120101-JT");
    assertThat(codes(evaluator, object(HEPING, SMALL_ENTERTAINMENT_VENUE, "9011", CROWDED_PLACE)))
        .containsExactly("120101-XF", "120101-WL");
    assertThat(codes(evaluator, object(HEPING, ENTERPRISE, "6210", GAS_USE)))
        .containsExactly("120101-CG", "120101-SW");
    assertThat(codes(evaluator, object(XIQING, ENTERPRISE, "4710"))).containsExactly("12-ZJ");
    Evaluation nothing =
        evaluator.evaluate(object(HEPING, cn.anwang.shared.supervision.ObjectKind.HOUSEHOLD, null));
    assertThat(nothing.noRuleMatched()).isTrue();
    assertThat(nothing.departmentCodes()).containsExactly("120101-YJ");
  }

  private static List<String> codes(RuleEvaluator evaluator, cn.anwang.org.ObjectProfile object) {
    return evaluator.evaluate(object).matches().stream().map(RuleMatch::departmentCode).toList();
  }
}
