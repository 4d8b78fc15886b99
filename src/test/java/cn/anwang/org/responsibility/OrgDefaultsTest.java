package cn.anwang.org.responsibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped defaults are consistent: every rule reaches a department, every seed is unique. */
class OrgDefaultsTest {

  @Test
  void everyDefaultRuleNamesAShippedDepartmentAndIsMarkedAsDefault() {
    Set<String> keys =
        OrgDefaults.DEPARTMENTS.stream().map(OrgDefaults.Default::key).collect(Collectors.toSet());
    assertThat(OrgDefaults.RULES)
        .allSatisfy(
            r -> {
              assertThat(keys).contains(r.departmentKey());
              assertThat(r.cityWide()).isTrue();
              assertThat(r.seeded()).isTrue();
              assertThat(r.note()).startsWith("默认规则");
              assertThat(r.industryPrefixes()).allMatch(IndustryCodes::isPrefix);
            });
  }

  @Test
  void seedKeysAndDepartmentKeysAreUniqueAndThereIsExactlyOneFallback() {
    List<String> seeds = OrgDefaults.RULES.stream().map(ResponsibilityRule::seedKey).toList();
    assertThat(seeds).doesNotHaveDuplicates();
    assertThat(OrgDefaults.DEPARTMENTS.stream().map(OrgDefaults.Default::key))
        .doesNotHaveDuplicates()
        .allMatch(k -> k.matches(OrgCommands.KEY_PATTERN));
    assertThat(OrgDefaults.DEPARTMENTS.stream().filter(OrgDefaults.Default::fallback))
        .singleElement()
        .satisfies(d -> assertThat(d.key()).isEqualTo("YJ"));
  }
}
