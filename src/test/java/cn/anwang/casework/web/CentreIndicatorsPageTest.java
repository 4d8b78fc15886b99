package cn.anwang.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The dispatch centre shows the same indicator figures as {@code /api/v1/case-indicators}. */
@IntegrationTest
class CentreIndicatorsPageTest {

  static final String PASSWORD = "anwang-demo-2026";
  static final List<String> COUNTS =
      List.of(
          "registered",
          "due",
          "closed",
          "closedOnTime",
          "rework",
          "extensions",
          "overdueNow",
          "wrongDispatches");
  static final List<String> VALUES =
      List.of("averageHandlingWorkingDays", "closeRate", "onTimeRate", "reworkRate");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private void act(long id, String action, Map<String, Object> body) throws Exception {
    mvc.perform(
            post("/api/v1/cases/" + id + "/" + action)
                .with(httpBasic("heping.street", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isOk());
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(user(users.loadUserByUsername("heping.street"))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private JsonNode api(String query) throws Exception {
    return json.readTree(
            mvc.perform(
                    get("/api/v1/case-indicators" + query)
                        .with(httpBasic("heping.street", PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .get("totals");
  }

  private static String shown(String html, String key) {
    Matcher m = Pattern.compile("id=\"ind-" + key + "\"[^>]*>([^<]*)<").matcher(html);
    assertThat(m.find()).as(key + " shown").isTrue();
    return m.group(1).strip();
  }

  private static Double value(String html, String key) {
    Matcher m = Pattern.compile("<div [^>]*id=\"ind-" + key + "\"([^>]*)>").matcher(html);
    assertThat(m.find()).as(key + " shown").isTrue();
    Matcher v = Pattern.compile("data-value=\"([^\"]*)\"").matcher(m.group(1));
    return v.find() ? Double.valueOf(v.group(1)) : null;
  }

  private static void sameFigures(String html, JsonNode totals) {
    for (String key : COUNTS) {
      assertThat(shown(html, key)).as(key).isEqualTo(totals.get(key).asText());
    }
    for (String key : VALUES) {
      JsonNode expected = totals.get(key);
      Double shown = value(html, key);
      if (expected == null || expected.isNull()) {
        assertThat(shown).as(key).isNull();
        assertThat(shown(html, key)).isEqualTo("—");
      } else {
        assertThat(shown).as(key).isEqualTo(expected.asDouble());
      }
    }
  }

  @Test
  void theCentreShowsTheIndicatorsOfTheCallersDivisionLikeTheApi() throws Exception {
    // a registered case and a wrong dispatch this year, so the figures are not all zero
    String body =
        mvc.perform(
                post("/api/v1/cases")
                    .with(httpBasic("heping.officer", PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "type", "GENERAL_HAZARD",
                                "source", "OFFICER_INSPECTION",
                                "objectId", CasePagesTest.objectInHepingStreet(jdbc),
                                "title", "疏散指示灯损坏",
                                "description", "二楼疏散指示灯不亮"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = json.readTree(body).get("id").asLong();
    act(id, "register", Map.of());
    act(id, "dispatch", Map.of("handlerType", "DEPARTMENT", "handlerCode", "120101-YJ"));
    mvc.perform(
            post("/api/v1/cases/" + id + "/return")
                .with(httpBasic("heping.yingji", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"不属于本部门\"}"))
        .andExpect(status().isOk());

    // default: this year so far
    JsonNode year = api("");
    assertThat(year.get("registered").asLong()).isPositive();
    assertThat(year.get("wrongDispatches").asLong()).isPositive();
    String html = page("/cases/centre");
    assertThat(html).contains("考核指标").contains("结案率").contains("按期结案率").contains("返工率");
    sameFigures(html, year);
    LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
    assertThat(html).contains("value=\"" + today.withDayOfYear(1) + "\"");

    // a chosen period: today only
    String query = "?from=" + today + "&to=" + today;
    JsonNode day = api(query);
    sameFigures(page("/cases/centre" + query), day);
    assertThat(day.get("registered").asLong()).isPositive();

    // the period is checked
    mvc.perform(
            get("/cases/centre?from=" + today + "&to=" + today.minusDays(1))
                .with(user(users.loadUserByUsername("heping.street"))))
        .andExpect(status().isBadRequest());
  }
}
