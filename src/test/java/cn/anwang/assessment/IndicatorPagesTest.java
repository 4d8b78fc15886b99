package cn.anwang.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The indicator pages: the city administrator drills from the city to a district, a street, a
 * village and its grids, and from a figure to its cases; in zh-CN and en; out of scope is 404.
 */
@IntegrationTest
class IndicatorPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void drillFromTheCityToAGridAndToTheCasesBehindAFigure() throws Exception {
    RequestPostProcessor admin = login("admin");
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      long c1 =
          f.addCase(
              f.grids.get(0),
              "GENERAL_HAZARD",
              "CLOSED",
              "2026-02-01T02:00:00Z",
              "2026-03-01T09:00:00Z",
              "2026-02-20T03:00:00Z",
              true,
              null);
      mvc.perform(get("/assessment/indicators").with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"assessment-table\"")))
          .andExpect(content().string(containsString("结案率")))
          .andExpect(content().string(containsString("division=120101")))
          .andExpect(content().string(containsString("不使用在线时长")));
      mvc.perform(get("/assessment/indicators").param("division", "120101").with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("division=" + f.street)));
      mvc.perform(get("/assessment/indicators").param("division", f.street).with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("division=" + f.village)));
      mvc.perform(
              get("/assessment/indicators")
                  .param("division", f.village)
                  .param("year", "2026")
                  .with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("data-unit=\"" + f.grids.get(0) + "\"")))
          .andExpect(
              content()
                  .string(
                      containsString(
                          "/assessment/indicators/case.closeRate/records?division="
                              + f.village
                              + "&amp;by=grid&amp;unit="
                              + f.grids.get(0))));
      mvc.perform(
              get("/assessment/indicators/case.closeRate/records")
                  .param("division", f.village)
                  .param("by", "grid")
                  .param("unit", f.grids.get(0))
                  .param("part", "numerator")
                  .param("year", "2026")
                  .with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("data-id=\"" + c1 + "\"")))
          .andExpect(content().string(containsString("/cases/" + c1)));
      mvc.perform(
              get("/assessment/indicators")
                  .param("division", f.village)
                  .param("lang", "en")
                  .with(admin))
          .andExpect(content().string(containsString("Close rate")))
          .andExpect(content().string(containsString("none uses online time")))
          .andExpect(content().string(not(containsString("结案率"))));
    }
  }

  @Test
  void aStreetAdministratorSeesHisStreetAndNotAnother() throws Exception {
    String own =
        jdbc.sql("SELECT territory_code FROM app_user WHERE username = 'heping.street'")
            .query(String.class)
            .single();
    mvc.perform(get("/assessment/indicators").with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-unit=\"" + own + "\"")));
    mvc.perform(
            get("/assessment/indicators").param("division", "120102").with(login("heping.street")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/assessment/indicators").with(login("heping.officer")))
        .andExpect(status().isForbidden());
  }
}
