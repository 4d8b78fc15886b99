package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The dashboards on a hand-counted example ({@link DashboardFixture}): a department's objects by
 * risk and kind, its cases by status and light, its overdue cases and months; the officer's own
 * grids, objects, patrol tasks, reported cases and training; the risk colouring's figure; scope.
 */
@IntegrationTest
class DashboardApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void aDepartmentSeesItsOwnObjectsAndCasesCountedByHand() throws Exception {
    try (DashboardFixture f = new DashboardFixture(jdbc)) {
      // A: a red shop, a shop overridden to orange, a yellow enterprise, a closed red one (left
      // out)
      f.addObject("SMALL_SHOP", "RED", null, "OPERATING", f.departmentA);
      f.addObject("SMALL_SHOP", "BLUE", "ORANGE", "SUSPENDED", f.departmentA);
      f.addObject("ENTERPRISE", "YELLOW", null, "OPERATING", f.departmentA, f.departmentB);
      f.addObject("SMALL_SHOP", "RED", null, "CLOSED", f.departmentA);
      f.addObject("ENTERPRISE", "BLUE", null, "OPERATING", f.departmentB);
      Instant now = Instant.now();
      Duration day = Duration.ofDays(1);
      long overdue =
          f.addCase(
              f.departmentA,
              "RECTIFYING",
              now.minus(day.multipliedBy(20)),
              now.minus(day.multipliedBy(10)),
              null,
              false);
      f.addCase(
          f.departmentA,
          "RECTIFYING",
          now.minus(day.multipliedBy(10)),
          now.plusSeconds(3600),
          null,
          false);
      f.addCase(
          f.departmentA,
          "DISPATCHED",
          now.minusSeconds(3600),
          now.plus(day.multipliedBy(30)),
          null,
          false);
      f.addCase(f.departmentA, "CLOSED", null, null, null, true);
      f.addCase(
          f.departmentB,
          "DISPATCHED",
          now.minusSeconds(3600),
          now.plus(day.multipliedBy(30)),
          null,
          false);

      JsonNode a = ok(f.staffA, get("/api/v1/dashboards/department"));
      assertThat(a.path("department").asText()).isEqualTo(f.departmentA);
      assertThat(a.path("territory").asText()).isEqualTo("120101");
      assertThat(a.path("objects").asLong()).isEqualTo(3);
      JsonNode risk = a.path("objectsByRisk");
      assertThat(risk.path("RED").asLong()).isEqualTo(1);
      assertThat(risk.path("ORANGE").asLong()).isEqualTo(1);
      assertThat(risk.path("YELLOW").asLong()).isEqualTo(1);
      assertThat(risk.path("BLUE").asLong()).isZero();
      assertThat(a.path("objectsByKind").path("SMALL_SHOP").asLong()).isEqualTo(2);
      assertThat(a.path("objectsByKind").path("ENTERPRISE").asLong()).isEqualTo(1);
      JsonNode cases = a.path("cases");
      assertThat(cases.path("byStatus").path("RECTIFYING").asLong()).isEqualTo(2);
      assertThat(cases.path("byStatus").path("DISPATCHED").asLong()).isEqualTo(1);
      assertThat(cases.path("byStatus").path("CLOSED").asLong()).isEqualTo(1);
      assertThat(cases.path("byStatus").size()).isEqualTo(3);
      assertThat(cases.path("overdue").asLong()).isEqualTo(1);
      assertThat(cases.path("dueSoon").asLong()).isEqualTo(1);
      assertThat(cases.path("onTime").asLong()).isEqualTo(1);
      assertThat(ids(cases.path("overdueCases"))).containsExactly(overdue);
      JsonNode january = a.path("months").get(0);
      assertThat(january.path("month").asText()).endsWith("-01");
      assertThat(january.path("registered").asLong()).isEqualTo(4);
      assertThat(january.path("closed").asLong()).isEqualTo(1);
      assertThat(a.path("months").size())
          .isEqualTo(LocalDate.now(DashboardFixture.CHINA).getMonthValue());

      // B sees its own only: one blue enterprise and a shared yellow one, one case on time
      JsonNode b = ok(f.staffB, get("/api/v1/dashboards/department"));
      assertThat(b.path("objects").asLong()).isEqualTo(2);
      assertThat(b.path("objectsByRisk").path("RED").asLong()).isZero();
      assertThat(b.path("cases").path("onTime").asLong()).isEqualTo(1);
      assertThat(b.path("cases").path("overdue").asLong()).isZero();
      assertThat(b.path("cases").path("overdueCases").size()).isZero();
      // asking for A's is as if it did not exist; the officer may not read a department's view
      assertThat(
              status(
                  f.staffB,
                  get("/api/v1/dashboards/department").param("department", f.departmentA)))
          .isEqualTo(404);
      assertThat(status(f.officerUser, get("/api/v1/dashboards/department"))).isEqualTo(403);
      assertThat(status("heping.officer", get("/api/v1/dashboards/department"))).isEqualTo(403);
      // an administrator names the department; without one it is refused naming the field
      MvcResult refused =
          call(
              "heping.admin",
              get("/api/v1/dashboards/department").header("Accept-Language", "zh-CN"));
      assertThat(refused.getResponse().getStatus()).isEqualTo(422);
      assertThat(refused.getResponse().getContentAsString()).contains("department").contains("部门");
      MvcResult english = call("heping.admin", get("/api/v1/dashboards/department"));
      assertThat(english.getResponse().getContentAsString()).contains("Name the department");
      assertThat(
              status(
                  "heping.admin",
                  get("/api/v1/dashboards/department").param("department", f.departmentA)))
          .isEqualTo(404); // not a department of the org register
      JsonNode yj =
          ok("heping.admin", get("/api/v1/dashboards/department").param("department", "120101-YJ"));
      assertThat(yj.path("departmentName").asText()).isNotBlank();
      assertThat(
              status(
                  "heping.admin",
                  get("/api/v1/dashboards/department").param("department", "120111-SC")))
          .isEqualTo(404); // another district's
      assertThat(status(f.staffA, get("/api/v1/dashboards/department").param("year", "1999")))
          .isEqualTo(422);
    }
  }

  @Test
  void theOfficerSeesOnlyTheirOwnSummary() throws Exception {
    try (DashboardFixture f = new DashboardFixture(jdbc)) {
      JsonNode before = ok(f.officerUser, get("/api/v1/dashboards/me"));
      assertThat(before.path("grids").size()).isEqualTo(1);
      assertThat(before.path("grids").get(0).asText()).isEqualTo(f.grid());
      assertThat(before.path("qualified").asBoolean()).isFalse();
      long red = f.addObject("SMALL_SHOP", "RED", null, "OPERATING");
      f.addObject("ENTERPRISE", "YELLOW", "ORANGE", "OPERATING");
      f.addObject("SMALL_SHOP", "BLUE", null, "CLOSED");
      LocalDate today = LocalDate.now(DashboardFixture.CHINA);
      f.addTask(red, today, true);
      f.addTask(
          red,
          today.plusDays(1).getMonth() == today.getMonth() ? today.plusDays(1) : today.minusDays(1),
          false);
      f.addTask(
          red,
          today.withDayOfYear(1).getMonth() == today.getMonth()
              ? today.minusYears(1)
              : today.withDayOfYear(1),
          true);
      Instant now = Instant.now();
      long overdue =
          f.addCase(
              null,
              "RECTIFYING",
              now.minus(Duration.ofDays(20)),
              now.minus(Duration.ofDays(10)),
              f.officerUserId,
              false);
      f.addCase(null, "CLOSED", null, null, f.officerUserId, true);
      f.addCase(
          null, "DISPATCHED", now.minusSeconds(3600), now.plus(Duration.ofDays(30)), null, false);
      f.village.certify(f.officer);

      JsonNode me = ok(f.officerUser, get("/api/v1/dashboards/me"));
      assertThat(me.path("officerId").asLong()).isEqualTo(f.officer);
      assertThat(me.path("objects").asLong()).isEqualTo(before.path("objects").asLong() + 2);
      assertThat(me.path("objectsByRisk").path("RED").asLong())
          .isEqualTo(before.path("objectsByRisk").path("RED").asLong() + 1);
      assertThat(me.path("objectsByRisk").path("ORANGE").asLong())
          .isEqualTo(before.path("objectsByRisk").path("ORANGE").asLong() + 1);
      assertThat(me.path("patrolMonth").path("due").asLong())
          .isEqualTo(before.path("patrolMonth").path("due").asLong() + 2);
      assertThat(me.path("patrolMonth").path("done").asLong())
          .isEqualTo(before.path("patrolMonth").path("done").asLong() + 1);
      long yearExtra = today.getMonthValue() == 1 ? 2 : 3;
      assertThat(me.path("patrolYear").path("due").asLong())
          .isEqualTo(before.path("patrolYear").path("due").asLong() + yearExtra);
      JsonNode reported = me.path("reported");
      assertThat(reported.path("byStatus").path("RECTIFYING").asLong()).isEqualTo(1);
      assertThat(reported.path("byStatus").path("CLOSED").asLong()).isEqualTo(1);
      assertThat(reported.path("byStatus").size()).isEqualTo(2);
      assertThat(reported.path("overdue").asLong()).isEqualTo(1);
      assertThat(reported.path("onTime").asLong()).isZero();
      assertThat(ids(reported.path("overdueCases"))).containsExactly(overdue);
      assertThat(me.path("qualified").asBoolean()).isTrue();
      // nothing of log-ins, online time or check-ins
      assertThat(me.toString().toLowerCase())
          .doesNotContain("login")
          .doesNotContain("online")
          .doesNotContain("checkin");
      // department staff and administrators have no officer's summary
      assertThat(status(f.staffA, get("/api/v1/dashboards/me"))).isEqualTo(403);
      assertThat(status("heping.admin", get("/api/v1/dashboards/me"))).isEqualTo(403);
      assertThat(
              call(f.staffA, get("/api/v1/dashboards/me").header("Accept-Language", "zh-CN"))
                  .getResponse()
                  .getContentAsString())
          .contains("网格员本人");
    }
  }

  @Test
  void theRiskColouringIsTheShareOfRedAndOrangeObjects() throws Exception {
    try (DashboardFixture f = new DashboardFixture(jdbc)) {
      JsonNode before = grid(f);
      f.addObject("SMALL_SHOP", "RED", null, "OPERATING");
      f.addObject("SMALL_SHOP", "BLUE", "ORANGE", "OPERATING");
      f.addObject("SMALL_SHOP", "YELLOW", null, "OPERATING");
      f.addObject("SMALL_SHOP", "RED", null, "CLOSED");
      JsonNode after = grid(f);
      assertThat(after.path("numerator").asLong()).isEqualTo(before.path("numerator").asLong() + 2);
      assertThat(after.path("denominator").asLong())
          .isEqualTo(before.path("denominator").asLong() + 3);
      double expected =
          Math.round(
                  after.path("numerator").asLong() * 10000.0 / after.path("denominator").asLong())
              / 100.0;
      assertThat(after.path("value").asDouble()).isEqualTo(expected);
      JsonNode catalogue = ok("heping.admin", get("/api/v1/indicators"));
      JsonNode risk = null;
      for (JsonNode i : catalogue) {
        if ("risk.highShare".equals(i.path("code").asText())) {
          risk = i;
        }
      }
      assertThat(risk).isNotNull();
      assertThat(risk.path("better").asText()).isEqualTo("NEUTRAL");
      assertThat(risk.path("name").asText()).isEqualTo("High-risk share");
    }
  }

  private JsonNode grid(DashboardFixture f) throws Exception {
    JsonNode table =
        ok(
            "heping.admin",
            get("/api/v1/indicator-table")
                .param("division", f.village.village)
                .param("by", "grid"));
    for (JsonNode row : table.path("units")) {
      if (f.grid().equals(row.path("unit").path("code").asText())) {
        return row.path("figures").path("risk.highShare");
      }
    }
    throw new AssertionError("no row " + f.grid());
  }

  private static List<Long> ids(JsonNode list) {
    List<Long> ids = new ArrayList<>();
    list.forEach(c -> ids.add(c.path("id").asLong()));
    return ids;
  }

  private JsonNode ok(String username, MockHttpServletRequestBuilder request) throws Exception {
    MvcResult r = call(username, request);
    assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
    return json.readTree(r.getResponse().getContentAsString());
  }

  private int status(String username, MockHttpServletRequestBuilder request) throws Exception {
    return call(username, request).getResponse().getStatus();
  }

  private MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
  }
}
