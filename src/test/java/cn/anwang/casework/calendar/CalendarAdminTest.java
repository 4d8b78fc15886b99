package cn.anwang.casework.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The calendar and deadline administration over HTTP, on the embedded PostgreSQL. */
@IntegrationTest
class CalendarAdminTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired HolidayCalendar calendar;

  private static RequestPostProcessor cityAdmin() {
    return httpBasic("admin", "admin-test-password");
  }

  private static RequestPostProcessor demo(String user) {
    return httpBasic(user, "anwang-demo-2026");
  }

  private ResultActions putYear(int year, Object body, RequestPostProcessor who) throws Exception {
    return mvc.perform(
        put("/api/v1/calendar/" + year)
            .with(who)
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private static Map<String, String> day(String date, String kind, String name) {
    return Map.of("date", date, "kind", kind, "name", name);
  }

  @Test
  void theShippedYearIsScheduledAndAnUnshippedOneSaysSo() throws Exception {
    mvc.perform(get("/api/v1/calendar/2026").with(demo("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scheduled").value(true))
        .andExpect(jsonPath("$.days[?(@.date == '2026-10-01')].kind").value("HOLIDAY"));
    mvc.perform(get("/api/v1/calendar/2027").with(demo("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.scheduled").value(false))
        .andExpect(jsonPath("$.shipped").value(false));
  }

  @Test
  void onlyTheCityAdministratorReplacesAYearAndEveryRowIsValidated() throws Exception {
    putYear(2031, List.of(day("2031-01-01", "HOLIDAY", "元旦")), demo("heping.admin"))
        .andExpect(status().isForbidden());
    putYear(
            2031,
            List.of(day("2031-01-01", "HOLIDAY", "元旦"), day("2030-12-31", "HOLIDAY", "x")),
            cityAdmin())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("days[1].date"))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("Row 2")));
    // 2031-01-08 is a Wednesday
    putYear(2031, List.of(day("2031-01-08", "WORKDAY", "调休")), cityAdmin())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("days[0].kind"));
    putYear(
            2031,
            List.of(
                day("2031-01-01", "HOLIDAY", "元旦"),
                day("2031-01-02", "HOLIDAY", "元旦"),
                day("2031-01-01", "HOLIDAY", "元旦")),
            cityAdmin())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("days[2].date"));
    putYear(2031, List.of(day("2031-01-01", "FEAST", "x")), cityAdmin())
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("days[0].kind"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM calendar_day WHERE day >= '2031-01-01' AND day < '2032-01-01'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDeadlineMovesAfterTheCalendarIsEdited() throws Exception {
    // 2030-01-31 is a Thursday; 2030 has no schedule, so only weekends count
    Instant thursday = Instant.parse("2030-01-31T02:00:00Z");
    Instant before = calendar.current().deadline(thursday, 1);
    mvc.perform(
            get("/api/v1/calendar/2030/working-days?from=2030-01-31&n=2")
                .with(demo("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.days[0]").value("2030-02-01"))
        .andExpect(jsonPath("$.deadline").value("2030-02-04"));
    try {
      putYear(
              2030,
              List.of(day("2030-02-01", "HOLIDAY", "测试假日"), day("2030-02-02", "WORKDAY", "测试调休")),
              cityAdmin())
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.scheduled").value(true));
      mvc.perform(
              get("/api/v1/calendar/2030/working-days?from=2030-01-31&n=2")
                  .with(demo("heping.officer")))
          .andExpect(jsonPath("$.days[0]").value("2030-02-02"))
          .andExpect(jsonPath("$.deadline").value("2030-02-04"));
      Instant after = calendar.current().deadline(thursday, 1);
      assertThat(after).isAfter(before);
      assertThat(after.toString()).startsWith("2030-02-02");
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE action = 'calendar.replace'"
                          + " AND target_id = '2030' AND actor_username = 'admin'")
                  .query(Long.class)
                  .single())
          .isPositive();
    } finally {
      putYear(2030, List.of(), cityAdmin()).andExpect(status().isOk());
    }
    assertThat(calendar.current().deadline(thursday, 1)).isEqualTo(before);
  }

  @Test
  void deadlineRulesAreVersionedValidatedAndUsedAtOnce() throws Exception {
    JsonNode rules =
        json.readTree(
            mvc.perform(get("/api/v1/case-deadline-rules").with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(rules).hasSize(25);
    JsonNode rule = null;
    for (JsonNode r : rules) {
      if (r.get("caseType").asText().equals("OTHER")
          && r.get("stage").asText().equals("REGISTER")) {
        rule = r;
      }
    }
    int version = rule.get("version").asInt();
    int original = rule.get("workingDays").asInt();
    Map<String, Object> change =
        Map.of("caseType", "OTHER", "stage", "REGISTER", "workingDays", 7, "version", version);
    mvc.perform(
            put("/api/v1/case-deadline-rules")
                .with(demo("heping.admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(List.of(change))))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/case-deadline-rules")
                .with(cityAdmin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        List.of(
                            Map.of(
                                "caseType",
                                "OTHER",
                                "stage",
                                "REGISTER",
                                "workingDays",
                                0,
                                "version",
                                version)))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("rules[0].workingDays"));
    try {
      mvc.perform(
              put("/api/v1/case-deadline-rules")
                  .with(cityAdmin())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(List.of(change))))
          .andExpect(status().isOk());
      // the same version again is stale
      mvc.perform(
              put("/api/v1/case-deadline-rules")
                  .with(cityAdmin())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(List.of(change))))
          .andExpect(status().isConflict());
      // a case reported now gets the new allowance at once
      long object =
          jdbc.sql(
                  "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                      + " AND status = 'OPERATING' ORDER BY id LIMIT 1 OFFSET 11")
              .query(Long.class)
              .single();
      JsonNode c =
          json.readTree(
              mvc.perform(
                      post("/api/v1/cases")
                          .with(demo("heping.officer"))
                          .contentType(MediaType.APPLICATION_JSON)
                          .content(
                              json.writeValueAsString(
                                  Map.of(
                                      "type", "OTHER",
                                      "source", "OFFICER_INSPECTION",
                                      "objectId", object,
                                      "title", "其他问题",
                                      "description", "测试期限规则"))))
                  .andExpect(status().isCreated())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      Instant reported = Instant.parse(c.get("reportedAt").asText());
      assertThat(Instant.parse(c.get("stageDueAt").asText()))
          .isEqualTo(calendar.current().deadline(reported, 7));
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE action = 'case-deadline-rules.update'"
                          + " AND after ->> 'OTHER/REGISTER' = '7'")
                  .query(Long.class)
                  .single())
          .isEqualTo(1L);
    } finally {
      mvc.perform(
              put("/api/v1/case-deadline-rules")
                  .with(cityAdmin())
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      json.writeValueAsString(
                          List.of(
                              Map.of(
                                  "caseType", "OTHER",
                                  "stage", "REGISTER",
                                  "workingDays", original)))))
          .andExpect(status().isOk());
    }
  }

  @Test
  void theCalendarPageMarksTheYearAndWarnsWhenItHasNoSchedule() throws Exception {
    String y2026 =
        mvc.perform(get("/admin/calendar?year=2026").with(pageUser("heping.admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(y2026)
        .contains("data-date=\"2026-10-01\" data-kind=\"HOLIDAY\"")
        .doesNotContain("id=\"calendar-unscheduled\"")
        .doesNotContain("id=\"calendar-editor\"");
    String y2027 =
        mvc.perform(get("/admin/calendar?year=2027&lang=en").with(pageUser("admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(y2027)
        .contains("id=\"calendar-unscheduled\"")
        .contains("The holiday schedule of 2027 has not been published")
        .contains("id=\"calendar-editor\"");
  }

  @Autowired org.springframework.security.core.userdetails.UserDetailsService users;

  private RequestPostProcessor pageUser(String username) {
    return org.springframework.security.test.web.servlet.request
        .SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
  }
}
