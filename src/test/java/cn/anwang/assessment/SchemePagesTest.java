package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The scheme pages: the district administrator makes a draft, adds and removes items (a NEUTRAL one
 * is refused on the page), publishes, opens the ranking and a street's sheet whose numbers link to
 * their records, comments and signs; in zh-CN and en; another street's sheet is 404 to a street.
 */
@IntegrationTest
class SchemePagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void makePublishAndSignASchemeOnThePages() throws Exception {
    RequestPostProcessor admin = login("heping.admin");
    Long id = null;
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      f.addCase(
          f.grids.get(0),
          "GENERAL_HAZARD",
          "CLOSED",
          "2024-01-10T02:00:00Z",
          "2024-03-01T09:00:00Z",
          "2024-02-20T03:00:00Z",
          true,
          null);
      mvc.perform(get("/assessment/indicators").with(admin))
          .andExpect(content().string(containsString("href=\"/assessment/schemes\"")));
      mvc.perform(get("/assessment/schemes").with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"scheme-create\"")))
          .andExpect(content().string(containsString("新建方案")));
      String location =
          mvc.perform(
                  post("/assessment/schemes")
                      .param("name", "页面测试方案")
                      .param("year", "2024")
                      .param("level", "STREET")
                      .with(csrf())
                      .with(admin))
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      String page = "/assessment/schemes/" + id;
      mvc.perform(
              post(page + "/items")
                  .param("code", "case.closeRate")
                  .param("weight", "40")
                  .param("kind", "LINEAR")
                  .param("floor", "50")
                  .param("target", "100")
                  .with(csrf())
                  .with(admin))
          .andExpect(redirectedUrl(page))
          .andExpect(flash().attributeCount(0));
      mvc.perform(
              post(page + "/items")
                  .param("code", "case.onTimeRate")
                  .param("weight", "30")
                  .param("kind", "STEPS")
                  .param("steps", "40:0.5, 90:1")
                  .with(csrf())
                  .with(admin))
          .andExpect(redirectedUrl(page));
      mvc.perform(
              post(page + "/items")
                  .param("code", "hazard.perHundredObjects")
                  .param("weight", "10")
                  .param("kind", "LINEAR")
                  .param("floor", "0")
                  .param("target", "10")
                  .with(csrf())
                  .with(admin))
          .andExpect(redirectedUrl(page))
          .andExpect(flash().attribute("refusal", containsString("只作参考")));
      mvc.perform(get(page).with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("data-item=\"case.onTimeRate\"")))
          .andExpect(content().string(containsString("分值合计 70")))
          .andExpect(content().string(containsString("达到 90 得 100")));
      mvc.perform(post(page + "/items/1/remove").with(csrf()).with(admin))
          .andExpect(redirectedUrl(page));
      mvc.perform(post(page + "/publish").with(csrf()).with(admin)).andExpect(redirectedUrl(page));
      // one closed case due in 2024, closed on time: 100 % → 40 of 40, total 100
      mvc.perform(get(page).param("lang", "en").with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(not(containsString("data-item=\"case.onTimeRate\""))))
          .andExpect(content().string(containsString("Published")))
          .andExpect(content().string(containsString("id=\"scheme-ranking\"")))
          .andExpect(content().string(containsString("sheets/" + f.street)))
          .andExpect(content().string(containsString("100.00")));
      String sheet = page + "/sheets/" + f.street;
      mvc.perform(get(sheet).with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("评分表")))
          .andExpect(
              content()
                  .string(
                      containsString(
                          "/assessment/indicators/case.closeRate/records?division=120101&amp;unit="
                              + f.street
                              + "&amp;part=numerator&amp;year=2024")))
          .andExpect(content().string(containsString("id=\"sheet-sign\"")))
          .andExpect(content().string(containsString("首次计算")));
      mvc.perform(post(sheet + "/comments").param("comment", "请保持").with(csrf()).with(admin))
          .andExpect(redirectedUrl(sheet));
      mvc.perform(post(sheet + "/sign").with(csrf()).with(admin)).andExpect(redirectedUrl(sheet));
      mvc.perform(post(sheet + "/sign").with(csrf()).with(admin))
          .andExpect(redirectedUrl(sheet))
          .andExpect(flash().attribute("refusal", containsString("已经签字")));
      mvc.perform(get(sheet).param("lang", "en").with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Signed and locked")))
          .andExpect(content().string(containsString("请保持")))
          .andExpect(content().string(not(containsString("id=\"sheet-sign\""))));
      String other = f.street.equals("120101001") ? "120101002" : f.street;
      mvc.perform(get(page + "/sheets/" + other).with(login("heping.street")))
          .andExpect(status().isNotFound());
      mvc.perform(get(page).with(login("heping.street")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"scheme-own-sheet\"")))
          .andExpect(content().string(not(containsString("id=\"scheme-ranking\""))));
      assertThat(
              jdbc.sql("SELECT status FROM assessment_sheet WHERE scheme_id = ? AND unit_code = ?")
                  .params(id, f.street)
                  .query(String.class)
                  .single())
          .isEqualTo("LOCKED");
    } finally {
      if (id != null) {
        jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
      }
    }
  }
}
