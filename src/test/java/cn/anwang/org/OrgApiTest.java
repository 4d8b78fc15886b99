package cn.anwang.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Departments and responsibility rules over HTTP, on the embedded PostgreSQL with the demo users.
 */
@IntegrationTest
@RecordApplicationEvents
class OrgApiTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ApplicationEvents events;
  @Autowired ResponsibilityRules responsibility;
  @Autowired Departments departments;

  // ------------------------------------------------------------------ departments

  @Test
  void listsTheCityLevelDepartmentsAndThoseOfTheCallersDistrictOnly() throws Exception {
    mvc.perform(get("/api/v1/departments").with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("12-YJ")))
        .andExpect(jsonPath("$[*].code", hasItem("120101-YJ")))
        .andExpect(jsonPath("$[*].code", not(hasItem("120111-YJ"))))
        .andExpect(jsonPath("$[?(@.code == '120101-YJ')].name").value("和平区应急管理局"))
        .andExpect(jsonPath("$[?(@.code == '120101-YJ')].fallback").value(true))
        .andExpect(jsonPath("$[?(@.code == '120101-YJ')].seeded").value(true));
    mvc.perform(get("/api/v1/departments").with(demo("heping.street")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("120101-SC")))
        .andExpect(jsonPath("$[*].code", not(hasItem("120111-SC"))));
    mvc.perform(get("/api/v1/departments").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].code", hasItem("120111-YJ")))
        .andExpect(jsonPath("$[*].code", hasItem("12-ZJ")));
    mvc.perform(get("/api/v1/departments/120111-YJ").with(demo("heping.admin")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void aDistrictAdministratorCannotTouchAnotherDistrictNorTheCityLevel() throws Exception {
    String body = "{\"name\":\"改名\",\"dutyHazards\":[],\"fallback\":false}";
    mvc.perform(
            put("/api/v1/departments/120111-SC")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content(body))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/departments/12-SC")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content(body))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(
            post("/api/v1/departments")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content("{\"key\":\"QX\",\"name\":\"西青区某局\",\"districtCode\":\"120111\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/v1/departments")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content("{\"key\":\"QX\",\"name\":\"市某局\"}"))
        .andExpect(status().isForbidden());
    assertThat(name("12-SC")).isEqualTo("天津市市场监督管理委员会");
  }

  @Test
  void streetAdministratorsAndOfficersCannotChangeDepartmentsOrRules() throws Exception {
    mvc.perform(
            put("/api/v1/departments/120101-SC")
                .with(demo("heping.street"))
                .contentType(JSON)
                .content("{\"name\":\"改名\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/responsibility-rules")
                .with(demo("heping.officer"))
                .contentType(JSON)
                .content(
                    "{\"districtCode\":\"120101\",\"priority\":5,\"kinds\":[\"OTHER\"],"
                        + "\"departmentKey\":\"SC\"}"))
        .andExpect(status().isForbidden());
    assertThat(name("120101-SC")).isEqualTo("和平区市场监督管理局");
  }

  @Test
  void theCityAdministratorCreatesUpdatesAndDeactivatesDepartmentsWithAuditAndEvents()
      throws Exception {
    String key =
        "T" + SEQ.incrementAndGet() + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
    String code = "120111-" + key;
    mvc.perform(
            post("/api/v1/departments")
                .with(admin())
                .contentType(JSON)
                .content(
                    "{\"key\":\""
                        + key
                        + "\",\"name\":\"西青区测试局\",\"districtCode\":\"120111\","
                        + "\"dutyIndustries\":[\"C\",\"2614\"],\"dutyHazards\":[\"GAS_USE\"],"
                        + "\"dutyKinds\":[\"SMALL_SHOP\"]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.code").value(code))
        .andExpect(jsonPath("$.districtCode").value("120111"))
        .andExpect(jsonPath("$.dutyIndustries[1]").value("2614"))
        .andExpect(jsonPath("$.seeded").value(false))
        .andExpect(jsonPath("$.version").value(0));
    assertThat(events.stream(ResponsibilityRulesChanged.class))
        .anySatisfy(
            e -> {
              assertThat(e.departmentCode()).isEqualTo(code);
              assertThat(e.districtCodes()).containsExactly("120111");
            });
    mvc.perform(
            post("/api/v1/departments")
                .with(admin())
                .contentType(JSON)
                .content("{\"key\":\"" + key + "\",\"name\":\"重复\",\"districtCode\":\"120111\"}"))
        .andExpect(status().isConflict());
    mvc.perform(
            put("/api/v1/departments/" + code)
                .with(admin())
                .contentType(JSON)
                .content(
                    "{\"name\":\"西青区测试管理局\",\"dutyHazards\":[\"CROWDED_PLACE\"],\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("西青区测试管理局"))
        .andExpect(jsonPath("$.dutyHazards[0]").value("CROWDED_PLACE"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            put("/api/v1/departments/" + code)
                .with(admin())
                .contentType(JSON)
                .content("{\"name\":\"过期\",\"version\":0}"))
        .andExpect(status().isConflict());
    mvc.perform(post("/api/v1/departments/" + code + "/deactivate").with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    assertThat(audit("department.create", code)).isEqualTo(1);
    assertThat(audit("department.update", code)).isEqualTo(1);
    assertThat(audit("department.deactivate", code)).isEqualTo(1);
    String before =
        jdbc.sql(
                "SELECT before::text FROM audit_event WHERE action = 'department.update'"
                    + " AND target_id = ?")
            .param(code)
            .query(String.class)
            .single();
    assertThat(before).contains("西青区测试局").contains("GAS_USE");
  }

  @Test
  void rejectsUnknownDutiesWithAFieldList() throws Exception {
    mvc.perform(
            post("/api/v1/departments")
                .with(admin())
                .contentType(JSON)
                .content(
                    "{\"key\":\"BAD\",\"name\":\"坏\",\"districtCode\":\"120101\","
                        + "\"dutyIndustries\":[\"Z9\"],\"dutyHazards\":[\"RADIOACTIVE\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.fields[*].field", hasItem("dutyIndustries")))
        .andExpect(jsonPath("$.fields[*].field", hasItem("dutyHazards")));
    mvc.perform(
            post("/api/v1/departments")
                .with(admin())
                .contentType(JSON)
                .content("{\"key\":\"lower\",\"name\":\"坏\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[0].field").value("key"));
  }

  // ------------------------------------------------------------------ rules

  @Test
  void listsRulesInEvaluationOrderWithTheSeededCityDefaults() throws Exception {
    String list =
        mvc.perform(get("/api/v1/responsibility-rules").with(demo("heping.street")))
            .andExpect(status().isOk())
            .andExpect(
                jsonPath("$[?(@.seedKey == 'city.construction')].industryPrefixes[0]").value("E"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode rules = json.readTree(list);
    int previous = -1;
    for (JsonNode rule : rules) {
      assertThat(rule.get("priority").asInt()).isGreaterThanOrEqualTo(previous);
      previous = rule.get("priority").asInt();
      assertThat(
              rule.get("districtCode").isNull()
                  || "120101".equals(rule.get("districtCode").asString()))
          .isTrue();
    }
  }

  @Test
  void evaluatesHazardousChemicalsAndConstructionInHeping() throws Exception {
    mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "ENTERPRISE")
                .param("industry", "2614")
                .param("hazards", "HAZARDOUS_CHEMICALS")
                .with(demo("heping.street")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.noRuleMatched").value(false))
        .andExpect(jsonPath("$.departments[0].code").value("120101-YJ"))
        .andExpect(jsonPath("$.departments[0].name").value("和平区应急管理局"))
        .andExpect(
            jsonPath("$.departments[0].explanation")
                .value(org.hamcrest.Matchers.containsString("HAZARDOUS_CHEMICALS")));
    mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "ENTERPRISE")
                .param("industry", "4710")
                .with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.departments[0].code").value("120101-ZJ"))
        .andExpect(jsonPath("$.departments[0].name").value("和平区住房和建设委员会"));
    mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "HOUSEHOLD")
                .with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.noRuleMatched").value(true))
        .andExpect(jsonPath("$.departments[0].code").value("120101-YJ"))
        .andExpect(jsonPath("$.departments[0].ruleId").doesNotExist());
  }

  @Test
  void evaluatesOnlyInsideTheCallersDistrictAndOnlyKnownValues() throws Exception {
    mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", "120111")
                .param("kind", "ENTERPRISE")
                .with(demo("heping.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "FACTORY")
                .param("industry", "26x")
                .param("hazards", "GAS_USE,RADIOACTIVE")
                .with(demo("heping.admin")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[*].field", hasItem("kind")))
        .andExpect(jsonPath("$.fields[*].field", hasItem("industry")))
        .andExpect(jsonPath("$.fields[*].field", hasItem("hazards")));
  }

  @Test
  void aDistrictRuleChangesEvaluationInItsDistrictOnlyAndIsAudited() throws Exception {
    // industry 9790 is unused by the defaults, so this rule moves nothing other tests look at
    String created =
        mvc.perform(
                post("/api/v1/responsibility-rules")
                    .with(demo("heping.admin"))
                    .contentType(JSON)
                    .content(
                        "{\"districtCode\":\"120101\",\"priority\":5,\"industryPrefixes\":[\"9790\"],"
                            + "\"kinds\":[\"OTHER\"],\"departmentKey\":\"XF\",\"note\":\"测试\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.districtCode").value("120101"))
            .andExpect(jsonPath("$.kinds[0]").value("OTHER"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = json.readTree(created).get("id").asLong();
    assertThat(events.stream(ResponsibilityRulesChanged.class))
        .anySatisfy(e -> assertThat(e.ruleId()).isEqualTo(id));
    evaluate("heping.admin", "120101", "OTHER", "9790")
        .andExpect(jsonPath("$.departments[0].code").value("120101-XF"))
        .andExpect(jsonPath("$.departments[0].ruleId").value(id));
    evaluate("xiqing.admin", "120111", "OTHER", "9790")
        .andExpect(jsonPath("$.noRuleMatched").value(true));
    mvc.perform(get("/api/v1/responsibility-rules/" + id).with(demo("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(
            put("/api/v1/responsibility-rules/" + id)
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content(
                    "{\"districtCode\":\"120101\",\"priority\":6,\"industryPrefixes\":[\"9790\"],"
                        + "\"kinds\":[\"OTHER\"],\"departmentKey\":\"WL\",\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.departmentKey").value("WL"))
        .andExpect(jsonPath("$.version").value(1));
    mvc.perform(
            post("/api/v1/responsibility-rules/" + id + "/deactivate").with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.active").value(false));
    evaluate("heping.admin", "120101", "OTHER", "9790")
        .andExpect(jsonPath("$.noRuleMatched").value(true));
    assertThat(audit("rule.create", String.valueOf(id))).isEqualTo(1);
    assertThat(audit("rule.update", String.valueOf(id))).isEqualTo(1);
    assertThat(audit("rule.deactivate", String.valueOf(id))).isEqualTo(1);
  }

  @Test
  void cityWideRulesAreTheCityAdministratorsAndRulesNeedAKnownDepartment() throws Exception {
    mvc.perform(
            post("/api/v1/responsibility-rules")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content("{\"priority\":5,\"kinds\":[\"OTHER\"],\"departmentKey\":\"SC\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/responsibility-rules")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content(
                    "{\"districtCode\":\"120101\",\"priority\":5,\"kinds\":[\"OTHER\"],"
                        + "\"departmentKey\":\"NOPE\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[0].field").value("departmentKey"));
    mvc.perform(
            post("/api/v1/responsibility-rules")
                .with(admin())
                .contentType(JSON)
                .content(
                    "{\"priority\":5,\"kinds\":[\"SHOP\"],\"hazards\":[\"x\"],"
                        + "\"industryPrefixes\":[\"AB\"],\"departmentKey\":\"SC\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields.length()").value(3));
    mvc.perform(
            post("/api/v1/responsibility-rules")
                .with(admin())
                .contentType(JSON)
                .content("{\"kinds\":[\"OTHER\"],\"departmentKey\":\"SC\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.fields[0].field").value("priority"));
  }

  @Test
  void previewCountsTheRegisteredObjectsARuleWouldMoveAndWritesNothing() throws Exception {
    long rules =
        jdbc.sql("SELECT count(*) FROM org_responsibility_rule").query(Long.class).single();
    mvc.perform(
            post("/api/v1/responsibility-rules/preview")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content(
                    "{\"change\":\"CREATE\",\"rule\":{\"districtCode\":\"120101\",\"priority\":5,"
                        + "\"hazards\":[\"GAS_USE\"],\"departmentKey\":\"XF\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.registryAvailable").value(true))
        .andExpect(jsonPath("$.territoryCode").value("120101"))
        .andExpect(jsonPath("$.objectsChecked").value(org.hamcrest.Matchers.greaterThan(0)))
        .andExpect(jsonPath("$.objectsAffected").value(org.hamcrest.Matchers.greaterThan(0)));
    long seeded =
        jdbc.sql("SELECT id FROM org_responsibility_rule WHERE seed_key = 'city.gas-use'")
            .query(Long.class)
            .single();
    mvc.perform(
            post("/api/v1/responsibility-rules/preview")
                .with(demo("heping.admin"))
                .contentType(JSON)
                .content("{\"change\":\"DEACTIVATE\",\"ruleId\":" + seeded + "}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/responsibility-rules/preview")
                .with(admin())
                .contentType(JSON)
                .content("{\"change\":\"DEACTIVATE\",\"ruleId\":" + seeded + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.territoryCode").value("12"));
    assertThat(jdbc.sql("SELECT count(*) FROM org_responsibility_rule").query(Long.class).single())
        .isEqualTo(rules);
    assertThat(
            jdbc.sql("SELECT active FROM org_responsibility_rule WHERE id = ?")
                .param(seeded)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theFacadeAndItsSnapshotAnswerOtherModulesAlike() {
    ObjectProfile chemicals =
        new ObjectProfile(
            "120101",
            cn.anwang.shared.supervision.ObjectKind.ENTERPRISE,
            "2614",
            java.util.Set.of(cn.anwang.shared.supervision.HazardFeature.HAZARDOUS_CHEMICALS));
    assertThat(responsibility.responsibleFor(chemicals))
        .first()
        .satisfies(
            m -> {
              assertThat(m.departmentCode()).isEqualTo("120101-YJ");
              assertThat(m.noRuleMatched()).isFalse();
            });
    assertThat(responsibility.snapshot().responsibleFor(chemicals))
        .isEqualTo(responsibility.responsibleFor(chemicals));
    // a district without departments of its own is served by the city-level ones
    ObjectProfile construction =
        new ObjectProfile(
            "120102", cn.anwang.shared.supervision.ObjectKind.ENTERPRISE, "4710", null);
    assertThat(responsibility.responsibleFor(construction))
        .extracting(RuleMatch::departmentCode)
        .containsExactly("12-ZJ");
    assertThat(departments.activeFor("120101"))
        .extracting(Department::code)
        .contains("120101-YJ", "12-YJ")
        .doesNotContain("120111-YJ");
    assertThat(departments.find("12-YJ"))
        .hasValueSatisfying(d -> assertThat(d.fallback()).isTrue());
  }

  // ------------------------------------------------------------------ helpers

  static final MediaType JSON = MediaType.APPLICATION_JSON;

  private ResultActions evaluate(String user, String district, String kind, String industry)
      throws Exception {
    return mvc.perform(
            get("/api/v1/responsibility-rules/evaluate")
                .param("district", district)
                .param("kind", kind)
                .param("industry", industry)
                .with(demo(user)))
        .andExpect(status().isOk());
  }

  private String name(String code) {
    return jdbc.sql("SELECT name FROM org_department WHERE code = ?")
        .param(code)
        .query(String.class)
        .single();
  }

  private long audit(String action, String targetId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
        .params(action, targetId)
        .query(Long.class)
        .single();
  }

  private static RequestPostProcessor admin() {
    return httpBasic("admin", "admin-test-password");
  }

  private static RequestPostProcessor demo(String username) {
    return httpBasic(username, DEMO_PASSWORD);
  }
}
