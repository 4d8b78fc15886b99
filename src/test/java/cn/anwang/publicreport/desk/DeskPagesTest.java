package cn.anwang.publicreport.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.ReportFixture;
import cn.anwang.shared.pii.PiiProtector;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The desk's pages: the inbox and a report's page in the caller's territory only, merge, verify and
 * reject from the page with the outcome in the reader's language, the reporter's identity shown
 * once on request and audited, the duplicate distance set per district, and the Open311 key page.
 */
@IntegrationTest
class DeskPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PiiProtector pii;
  @Autowired UserDetailsService users;

  private ReportFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new ReportFixture(jdbc, pii);
  }

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void theInboxAndAReportArePagesOfTheStreetOnly() throws Exception {
    ReportFixture.Made r = fixture.report("HAZARD", 0, null);
    mvc.perform(get("/public-reports").with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-id=\"" + r.id() + "\"")));
    mvc.perform(get("/public-reports").with(login("xiqing.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("data-id=\"" + r.id() + "\""))));
    mvc.perform(get("/public-reports/" + r.id()).with(login("xiqing.street")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/public-reports").with(login("heping.officer")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/public-reports/" + r.id()).with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"verify-form\"")))
        .andExpect(content().string(containsString("劝业场街道")));
  }

  @Test
  void mergeVerifyAndRejectFromThePage() throws Exception {
    ReportFixture.Made primary = fixture.report("ILLEGAL_OPERATION", 0, null);
    ReportFixture.Made dup = fixture.report("ILLEGAL_OPERATION", 60, null);
    ReportFixture.Made other = fixture.report("OTHER", 0, null);
    // the duplicate's page suggests the primary, 60 m away
    mvc.perform(get("/public-reports/" + dup.id()).with(login("heping.street")))
        .andExpect(content().string(containsString("data-id=\"" + primary.id() + "\"")));
    mvc.perform(
            post("/public-reports/" + dup.id() + "/merge")
                .param("into", Long.toString(primary.id()))
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(redirectedUrl("/public-reports/" + dup.id()))
        .andExpect(flash().attribute("message", containsString("已合并")));
    assertThat(fixture.statusOf(dup.id())).isEqualTo("MERGED");

    mvc.perform(
            post("/public-reports/" + primary.id() + "/verify")
                .param("type", "ILLEGAL_OPERATION")
                .param("publicNote", "已安排执法人员核查")
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(flash().attribute("message", containsString("已核实")));
    assertThat(fixture.statusOf(primary.id())).isEqualTo("VERIFIED");
    mvc.perform(get("/public-reports/" + primary.id()).with(login("heping.street")))
        .andExpect(content().string(containsString("id=\"case-link\"")));

    // a rejection without a reason is refused in the reader's language, nothing changes
    mvc.perform(
            post("/public-reports/" + other.id() + "/reject")
                .param("reason", " ")
                .cookie(new Cookie("anwang-lang", "en"))
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(
            flash().attribute("failure", containsString("a reason the reporter can understand")));
    assertThat(fixture.statusOf(other.id())).isEqualTo("RECEIVED");
    // verifying the merged duplicate is a conflict, shown as such
    mvc.perform(
            post("/public-reports/" + dup.id() + "/verify")
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(flash().attribute("failure", containsString("已被他人处理或已变化")));
    // another street's administrator cannot act on it
    mvc.perform(
            post("/public-reports/" + other.id() + "/reject")
                .param("reason", "不属实")
                .with(login("xiqing.street"))
                .with(csrf()))
        .andExpect(status().isNotFound());
    assertThat(fixture.statusOf(other.id())).isEqualTo("RECEIVED");
  }

  @Test
  void theReporterIsShownOnlyOnRequestAndEachViewIsAudited() throws Exception {
    ReportFixture.Made r = fixture.report("HAZARD", 0, "张三丰");
    mvc.perform(get("/public-reports/" + r.id()).with(login("heping.street")))
        .andExpect(content().string(not(containsString("张三丰"))))
        .andExpect(content().string(containsString("id=\"reveal-reporter\"")));
    mvc.perform(
            post("/public-reports/" + r.id() + "/reporter")
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("张三丰 · 13912345678")));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'public-report.reporter.view'"
                        + " AND target_id = ? AND actor_username = 'heping.street'")
                .param(Long.toString(r.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    mvc.perform(
            post("/public-reports/" + r.id() + "/reporter")
                .with(login("heping.officer"))
                .with(csrf()))
        .andExpect(status().isForbidden());
  }

  @Test
  void theDuplicateDistanceIsADistrictSetting() throws Exception {
    ReportFixture.Made a = fixture.report("ACCIDENT", 0, null);
    ReportFixture.Made b = fixture.report("ACCIDENT", 150, null);
    String page = "/public-reports/" + a.id();
    try {
      mvc.perform(get(page).with(login("heping.street")))
          .andExpect(content().string(containsString("data-id=\"" + b.id() + "\"")));
      settings("heping.street", "{\"duplicateMetres\": 100}", 403);
      settings("xiqing.admin", "{\"duplicateMetres\": 100}", 404);
      settings("heping.admin", "{\"duplicateMetres\": 5}", 422);
      settings("heping.admin", "{\"duplicateMetres\": 100}", 200);
      mvc.perform(get(page).with(login("heping.street")))
          .andExpect(content().string(containsString("100 米以内")))
          .andExpect(content().string(not(containsString("data-id=\"" + b.id() + "\""))));
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE action = 'public-report.settings'"
                          + " AND target_id = '120101'")
                  .query(Long.class)
                  .single())
          .isPositive();
    } finally {
      jdbc.sql("DELETE FROM public_report_district_setting WHERE district_code = '120101'")
          .update();
    }
  }

  private void settings(String user, String body, int expect) throws Exception {
    mvc.perform(
            put("/api/v1/public-report-settings/120101")
                .with(httpBasic(user, "anwang-demo-2026"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().is(expect));
  }

  @Test
  void open311KeysAreMadeOnThePageAndShownOnce() throws Exception {
    String made =
        mvc.perform(
                post("/admin/open311-keys")
                    .param("name", "城市服务 App " + System.nanoTime())
                    .with(login("heping.admin"))
                    .with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"new-key-value\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String key = made.replaceAll("(?s).*id=\"new-key-value\">([^<]+)<.*", "$1");
    assertThat(key).startsWith("o311_");
    mvc.perform(get("/admin/open311-keys").with(login("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(key))));
    long id =
        jdbc.sql("SELECT id FROM open311_api_key ORDER BY id DESC LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(
            post("/admin/open311-keys/" + id + "/revoke").with(login("heping.admin")).with(csrf()))
        .andExpect(redirectedUrl("/admin/open311-keys"));
    assertThat(
            jdbc.sql("SELECT revoked_at IS NOT NULL FROM open311_api_key WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
    mvc.perform(get("/admin/open311-keys").with(login("heping.street")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/admin/open311-keys").param("name", "").with(login("heping.admin")).with(csrf()))
        .andExpect(content().string(containsString("is-invalid")));
  }
}
