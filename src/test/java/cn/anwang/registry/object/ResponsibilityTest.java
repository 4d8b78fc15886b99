package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.org.ObjectProfiles;
import cn.anwang.org.ResponsibilityRulesChanged;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The registry's side of the responsibility rules: the preview port and the recompute. */
@IntegrationTest
class ResponsibilityTest {

  @Autowired ObjectProfiles profiles;
  @Autowired ApplicationEventPublisher events;
  @Autowired JdbcClient jdbc;

  @Test
  void profilesStreamTheObjectsOfATerritoryWithTheirDepartments() {
    long id = demoObject();
    String street =
        jdbc.sql("SELECT street_code FROM supervised_object WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    try (Stream<ObjectProfiles.ProfiledObject> objects = profiles.within(street)) {
      List<ObjectProfiles.ProfiledObject> all = objects.toList();
      assertThat(all).allSatisfy(o -> assertThat(o.districtCode()).isEqualTo("120101"));
      assertThat(all)
          .filteredOn(o -> o.objectId().equals(String.valueOf(id)))
          .singleElement()
          .satisfies(o -> assertThat(o.currentDepartmentCodes()).isNotEmpty());
    }
  }

  @Test
  void aRuleChangeRecomputesTheRuleDepartmentsAndRecordsIt() {
    long id = demoObject();
    List<String> before = ruleDepartments(id);
    assertThat(before).isNotEmpty();
    jdbc.sql("DELETE FROM object_department WHERE object_id = ? AND source = 'RULE'")
        .param(id)
        .update();

    events.publishEvent(new ResponsibilityRulesChanged(Set.of("120101"), 1L, null, "updated"));

    assertThat(ruleDepartments(id)).isEqualTo(before);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM object_history WHERE object_id = ?"
                        + " AND action = 'departments.rules'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long demoObject() {
    return jdbc.sql(
            "SELECT id FROM supervised_object WHERE synthetic AND district_code = '120101'"
                + " AND hazards @> ARRAY['HAZARDOUS_CHEMICALS'] ORDER BY id LIMIT 1")
        .query(Long.class)
        .single();
  }

  private List<String> ruleDepartments(long id) {
    return jdbc.sql(
            "SELECT department_code FROM object_department WHERE object_id = ? AND source = 'RULE'"
                + " ORDER BY department_code")
        .param(id)
        .query(String.class)
        .list();
  }
}
