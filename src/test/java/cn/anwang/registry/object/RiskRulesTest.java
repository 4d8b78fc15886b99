package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  static RiskRules.Assessment assess(
      ObjectKind kind,
      Set<HazardFeature> hazards,
      Scale scale,
      Integer employees,
      LocalDate accident) {
    return RiskRules.assess(new RiskRules.Facts(kind, hazards, scale, employees, accident, TODAY));
  }

  @Test
  void anAccidentInTheLastTwelveMonthsMakesItRed() {
    RiskRules.Assessment a =
        assess(ObjectKind.SMALL_SHOP, Set.of(), null, null, TODAY.minusMonths(11));
    assertThat(a.level()).isEqualTo(RiskLevel.RED);
    assertThat(a.ruleId()).isEqualTo("ACCIDENT_LAST_12_MONTHS");
    assertThat(a.messageKey()).isEqualTo("registry.risk.rule.ACCIDENT_LAST_12_MONTHS");
  }

  @Test
  void anAccidentMoreThanTwelveMonthsAgoNoLongerCounts() {
    assertThat(assess(ObjectKind.SMALL_SHOP, Set.of(), null, null, TODAY.minusMonths(12)).level())
        .isEqualTo(RiskLevel.BLUE);
  }

  @Test
  void majorHazardsAreAtLeastOrange() {
    for (HazardFeature h : RiskRules.MAJOR_HAZARDS) {
      RiskRules.Assessment a = assess(ObjectKind.SMALL_SHOP, Set.of(h), Scale.MICRO, 2, null);
      assertThat(a.level()).as("%s", h).isEqualTo(RiskLevel.ORANGE);
      assertThat(a.ruleId()).isEqualTo("MAJOR_HAZARD");
    }
  }

  @Test
  void aLargeCrowdedPlaceIsOrangeASmallOneYellow() {
    Set<HazardFeature> crowded = EnumSet.of(HazardFeature.CROWDED_PLACE);
    assertThat(assess(ObjectKind.ENTERPRISE, crowded, Scale.LARGE, null, null).ruleId())
        .isEqualTo("LARGE_CROWDED_PLACE");
    assertThat(assess(ObjectKind.ENTERPRISE, crowded, null, 300, null).level())
        .isEqualTo(RiskLevel.ORANGE);
    assertThat(assess(ObjectKind.SMALL_ENTERTAINMENT_VENUE, crowded, Scale.SMALL, 12, null))
        .isEqualTo(
            new RiskRules.Assessment(
                RiskLevel.YELLOW, "OTHER_HAZARD", "registry.risk.rule.OTHER_HAZARD"));
  }

  @Test
  void smallShopsWithoutHazardsAreBlueEnterprisesYellowByDefault() {
    assertThat(assess(ObjectKind.SMALL_SHOP, Set.of(), null, null, null).level())
        .isEqualTo(RiskLevel.BLUE);
    assertThat(assess(ObjectKind.HOUSEHOLD, Set.of(), null, null, null).ruleId())
        .isEqualTo("SMALL_WITHOUT_HAZARD");
    RiskRules.Assessment enterprise =
        assess(ObjectKind.ENTERPRISE, Set.of(), Scale.SMALL, 20, null);
    assertThat(enterprise.level()).isEqualTo(RiskLevel.YELLOW);
    assertThat(enterprise.ruleId()).isEqualTo("DEFAULT");
  }

  @Test
  void theFirstMatchingRuleWinsSoRedBeatsOrange() {
    assertThat(
            assess(
                    ObjectKind.ENTERPRISE,
                    Set.of(HazardFeature.HAZARDOUS_CHEMICALS),
                    Scale.LARGE,
                    500,
                    TODAY.minusDays(3))
                .level())
        .isEqualTo(RiskLevel.RED);
  }

  @Test
  void everyRuleHasAMessage() {
    java.util.Properties zh = new java.util.Properties();
    try (var in =
        new java.io.InputStreamReader(
            getClass().getResourceAsStream("/i18n/registry.properties"),
            java.nio.charset.StandardCharsets.UTF_8)) {
      zh.load(in);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    assertThat(RiskRules.RULES).allSatisfy(r -> assertThat(zh).containsKey(r.messageKey()));
  }
}
