package cn.anwang.org.responsibility;

import static cn.anwang.org.responsibility.Fixtures.HEPING;
import static cn.anwang.org.responsibility.Fixtures.department;
import static cn.anwang.org.responsibility.Fixtures.object;
import static cn.anwang.org.responsibility.Fixtures.rule;
import static cn.anwang.shared.supervision.HazardFeature.GAS_USE;
import static cn.anwang.shared.supervision.ObjectKind.ENTERPRISE;
import static cn.anwang.shared.supervision.ObjectKind.SMALL_SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.org.Department;
import cn.anwang.org.ObjectProfiles;
import cn.anwang.org.ObjectProfiles.ProfiledObject;
import cn.anwang.org.responsibility.RulePreview.DepartmentChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The preview over an in-memory {@link ObjectProfiles} port, as the registry will feed it. */
class RulePreviewTest {

  static final List<Department> DEPARTMENTS =
      List.of(
          department(HEPING, "YJ", true),
          department(HEPING, "SC", false),
          department(HEPING, "CG", false));

  static final ResponsibilityRule SHOPS =
      rule(1, null, 10, List.of(), Set.of(), Set.of(SMALL_SHOP), "SC");

  /** 25 shops, 5 of them using gas, and 3 enterprises using gas. */
  static final ObjectProfiles REGISTRY =
      territory ->
          Stream.concat(
                  IntStream.range(0, 25)
                      .mapToObj(
                          i ->
                              new ProfiledObject(
                                  "shop-" + i,
                                  i < 5
                                      ? object(HEPING, SMALL_SHOP, "5211", GAS_USE)
                                      : object(HEPING, SMALL_SHOP, "5211"),
                                  Set.of("120101-SC"))),
                  IntStream.range(0, 3)
                      .mapToObj(
                          i ->
                              new ProfiledObject(
                                  "ent-" + i,
                                  object(HEPING, ENTERPRISE, "6210", GAS_USE),
                                  Set.of("120101-YJ"))))
              .filter(o -> o.districtCode().startsWith(territory));

  static RulePreview.Result preview(
      List<ResponsibilityRule> before, List<ResponsibilityRule> after) {
    try (Stream<ProfiledObject> objects = REGISTRY.within(HEPING)) {
      return RulePreview.compute(HEPING, before, after, DEPARTMENTS, objects);
    }
  }

  @Test
  void countsTheObjectsANewRuleGivesToADepartment() {
    ResponsibilityRule gas = rule(0, null, 20, List.of(), Set.of(GAS_USE), Set.of(), "CG");
    RulePreview.Result result = preview(List.of(SHOPS), List.of(SHOPS, gas));
    assertThat(result.registryAvailable()).isTrue();
    assertThat(result.objectsChecked()).isEqualTo(28);
    assertThat(result.objectsAffected()).isEqualTo(8);
    assertThat(result.noRuleMatchedBefore()).isEqualTo(3);
    assertThat(result.noRuleMatchedAfter()).isZero();
    assertThat(result.departments())
        .extracting(
            DepartmentChange::departmentCode, DepartmentChange::gained, DepartmentChange::lost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("120101-CG", 8L, 0L),
            org.assertj.core.groups.Tuple.tuple("120101-YJ", 0L, 3L));
    assertThat(result.departments().get(0).sampleGained())
        .containsExactly(
            "shop-0", "shop-1", "shop-2", "shop-3", "shop-4", "ent-0", "ent-1", "ent-2");
  }

  @Test
  void deactivatingARuleMovesItsObjectsToTheFallbackAndKeepsTenSamples() {
    RulePreview.Result result = preview(List.of(SHOPS), List.of(SHOPS.deactivated()));
    assertThat(result.objectsAffected()).isEqualTo(25);
    assertThat(result.noRuleMatchedAfter()).isEqualTo(28);
    DepartmentChange shops =
        result.departments().stream()
            .filter(d -> d.departmentCode().equals("120101-SC"))
            .findFirst()
            .orElseThrow();
    assertThat(shops.lost()).isEqualTo(25);
    assertThat(shops.sampleLost()).hasSize(RulePreview.SAMPLES);
    assertThat(shops.departmentName()).isEqualTo("SC@120101");
  }

  @Test
  void reportsNoChangeWhenTheRuleChangesNothing() {
    List<ResponsibilityRule> after = new ArrayList<>(List.of(SHOPS));
    after.add(rule(9, "120111", 5, List.of(), Set.of(), Set.of(), "SC"));
    RulePreview.Result result = preview(List.of(SHOPS), after);
    assertThat(result.objectsChecked()).isEqualTo(28);
    assertThat(result.objectsAffected()).isZero();
    assertThat(result.departments()).isEmpty();
  }

  @Test
  void saysSoWhenNoRegistryIsThere() {
    RulePreview.Result result = RulePreview.Result.noRegistry(HEPING);
    assertThat(result.registryAvailable()).isFalse();
    assertThat(result.objectsChecked()).isZero();
  }
}
