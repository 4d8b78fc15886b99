package cn.anwang.outreach.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.outreach.document.DocumentFixture;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The publicity pages: the form records once per form and shows a refusal naming the field; the
 * list, detail, calendar and coverage show the activity; in zh-CN and en.
 */
@IntegrationTest
class PublicityPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void recordFromTheFormThenSeeItOnEveryPage() throws Exception {
    DocumentFixture.Officer o = new DocumentFixture(mvc, json, jdbc).officerWithShops();
    String start = PublicityApiTest.START.toLocalDateTime().toString();
    String end = PublicityApiTest.START.plusHours(1).toLocalDateTime().toString();
    String month = PublicityApiTest.START.toLocalDate().toString().substring(0, 7);

    mvc.perform(get("/publicity/new").with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"clientId\"")))
        .andExpect(content().string(containsString("受众人数")));
    mvc.perform(get("/publicity/new").param("lang", "en").with(login("heping.street")))
        .andExpect(content().string(containsString("Audience size")));

    // a refusal comes back on the form, the field named, nothing written
    mvc.perform(
            multipart("/publicity/new")
                .param("clientId", UUID.randomUUID().toString())
                .param("type", "DRILL")
                .param("startsAt", start)
                .param("endsAt", end)
                .param("place", "和平区消防站")
                .param("audienceSize", "-3")
                .with(csrf())
                .with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-field=\"audienceSize\"")))
        .andExpect(content().string(containsString("受众人数须在 0 到 100000 之间")));

    String clientId = UUID.randomUUID().toString();
    String place = "消防演练场-" + System.nanoTime();
    for (int i = 0; i < 2; i++) {
      mvc.perform(
              multipart("/publicity/new")
                  .param("clientId", clientId)
                  .param("type", "DRILL")
                  .param("startsAt", start)
                  .param("endsAt", end)
                  .param("place", place)
                  .param("audience", "商户员工")
                  .param("audienceSize", "20")
                  .param("gridCode", o.grid())
                  .param("objectIds", o.shopA() + ", " + o.shopB())
                  .with(csrf())
                  .param("lang", i == 0 ? "zh-CN" : "en")
                  .with(login("heping.street")))
          .andExpect(status().is3xxRedirection())
          .andExpect(redirectedUrlPattern("/publicity/*"));
    }
    Long id =
        jdbc.sql("SELECT id FROM publicity_activity WHERE place = ?")
            .param(place)
            .query(Long.class)
            .single();

    mvc.perform(get("/publicity").param("grid", o.grid()).with(login("heping.street")))
        .andExpect(content().string(containsString(place)))
        .andExpect(content().string(containsString("演练")));
    mvc.perform(
            get("/publicity")
                .param("grid", o.grid())
                .param("lang", "en")
                .with(login("heping.street")))
        .andExpect(content().string(containsString("Drill")));
    mvc.perform(get("/publicity/" + id).with(login("heping.street")))
        .andExpect(content().string(containsString("覆盖对象 (2)")))
        .andExpect(content().string(containsString("小商铺")));
    mvc.perform(get("/publicity/" + id).param("lang", "en").with(login("heping.street")))
        .andExpect(content().string(containsString("Objects reached (2)")));
    mvc.perform(get("/publicity/" + id).with(login("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/publicity/calendar").param("month", month).with(login("heping.street")))
        .andExpect(content().string(containsString(place)))
        .andExpect(content().string(containsString("活动日历")));
    mvc.perform(
            get("/publicity/calendar")
                .param("month", month)
                .param("lang", "en")
                .with(login("heping.street")))
        .andExpect(content().string(containsString("Activity calendar")));
    String coverage =
        mvc.perform(
                get("/publicity/coverage")
                    .param("street", "120101001")
                    .with(login("heping.street")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(coverage).contains("data-grid=\"" + o.grid() + "\"").contains("合计");
    mvc.perform(get("/publicity/coverage").param("lang", "en").with(login("heping.street")))
        .andExpect(content().string(containsString("Publicity coverage")));
  }
}
