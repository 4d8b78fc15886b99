package cn.anwang.casework.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The reminder rules over the API: who reads, who writes, what is refused, what is audited. */
@IntegrationTest
class ReminderRuleAdminTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired ReminderRules reminderRules;
  @Autowired UserDetailsService users;

  private static RequestPostProcessor demo(String username) {
    return httpBasic(username, "anwang-demo-2026");
  }

  private static RequestPostProcessor city() {
    return httpBasic("admin", "admin-test-password");
  }

  private JsonNode put(RequestPostProcessor who, Object body, String language, int expect)
      throws Exception {
    String response =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/api/v1/case-reminder-rules")
                    .with(who)
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  private static Map<String, Object> rule(String type, Object share, Object hours, Object days) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("caseType", type);
    m.put("earlyShare", share);
    m.put("earlyHours", hours);
    m.put("escalateAfterDays", days);
    return m;
  }

  @Test
  void theCityEditsTheRulesDistrictsReadThemBadRowsAreRefusedInTheCallersLanguage()
      throws Exception {
    JsonNode shipped =
        json.readTree(
            mvc.perform(get("/api/v1/case-reminder-rules").with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(shipped.get(0).get("caseType").asText()).isEqualTo("*");
    assertThat(shipped.get(0).get("escalateAfterDays").asInt()).isEqualTo(3);
    mvc.perform(get("/api/v1/case-reminder-rules").with(demo("heping.street")))
        .andExpect(status().isForbidden());

    List<Map<String, Object>> good =
        List.of(rule("*", 0.75, null, 4), rule("MAJOR_HAZARD", 0.8, 48, 1));
    // the rules are the whole city's: a district may not change them
    put(demo("heping.admin"), good, "zh-CN", 403);

    JsonNode bad =
        put(city(), List.of(rule("*", 0.8, null, 3), rule("ACCIDENT", 1.5, null, 3)), "zh-CN", 422);
    assertThat(bad.get("fields").get(0).get("field").asText()).isEqualTo("rules[1].earlyShare");
    assertThat(bad.get("detail").asText()).contains("第 2 行").contains("1.5");
    JsonNode badEn =
        put(city(), List.of(rule("*", 0.8, null, 3), rule("ACCIDENT", 0.5, 0, 3)), "en", 422);
    assertThat(badEn.get("detail").asText()).contains("Row 2").contains("hours");
    assertThat(
            put(city(), List.of(rule("ACCIDENT", 0.5, null, 3)), "en", 422).get("detail").asText())
        .contains("global rule");
    assertThat(
            put(city(), List.of(rule("*", 0.5, null, 3), rule("*", 0.5, null, 3)), "en", 422)
                .get("fields")
                .get(0)
                .get("rule")
                .asText())
        .isEqualTo("casework.reminderRule.duplicate");
    put(city(), List.of(rule("*", 0.5, null, 61)), "en", 422);
    put(city(), List.of(rule("BOGUS", 0.5, null, 3), rule("*", 0.5, null, 3)), "en", 422);

    long audits = audits();
    try {
      JsonNode saved = put(city(), good, "zh-CN", 200);
      assertThat(saved).hasSize(2);
      assertThat(saved.get(0).get("earlyShare").asDouble()).isEqualTo(0.75);
      assertThat(saved.get(1).get("earlyHours").asInt()).isEqualTo(48);
      assertThat(saved.get(1).get("updatedBy").asText()).isEqualTo("admin");
      assertThat(audits()).isEqualTo(audits + 1);
      // the scan uses them at once: a type without its own row falls back to *
      assertThat(reminderRules.forType("ACCIDENT")).isEqualTo(new ReminderRule(0.75, null, 4));
      assertThat(reminderRules.forType("MAJOR_HAZARD")).isEqualTo(new ReminderRule(0.8, 48, 1));

      // shown on the calendar page to a district administrator, not to a street one
      String page =
          mvc.perform(get("/admin/calendar").with(user(users.loadUserByUsername("heping.admin"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("id=\"reminder-rules\"").contains("提醒与升级规则").contains("75%");
      String street =
          mvc.perform(get("/admin/calendar").with(user(users.loadUserByUsername("heping.street"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(street).doesNotContain("id=\"reminder-rules\"");
    } finally {
      put(city(), List.of(rule("*", 0.8, null, 3), rule("MAJOR_HAZARD", 0.8, 24, 2)), "en", 200);
    }
  }

  private long audits() {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case-reminder-rules.update'")
        .query(Long.class)
        .single();
  }
}
