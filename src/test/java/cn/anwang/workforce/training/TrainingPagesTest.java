package cn.anwang.workforce.training;

import static cn.anwang.workforce.training.TrainingFixtures.HEPING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The training pages render in both languages and keep to the user's territory. */
@IntegrationTest
class TrainingPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @Test
  void showsThePlanSessionsAndTheOfficersRecordAndAnswers404OutsideTheTerritory() throws Exception {
    var fixtures = new TrainingFixtures(jdbc);
    long course = fixtures.course("120101", unique("PAGE"), 60, 12);
    long officer = fixtures.streetOfficer("吴页面", HEPING_STREET);
    LocalDate today = LocalDate.now(CertificateService.ZONE);
    long expiring =
        fixtures.certificate(
            officer, course, today.minusMonths(11).toString(), today.plusDays(10).toString());
    long session =
        jdbc.sql(
                "INSERT INTO training_session (course_id, district_code, held_on, place, trainer, created_by)"
                    + " VALUES (?, '120101', ?, '页面会议室', '王老师', 'test') RETURNING id")
            .params(course, today)
            .query(Long.class)
            .single();

    mvc.perform(get("/workforce/training").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("年度培训计划")))
        .andExpect(content().string(containsString("GRID-PRE-POST")))
        .andExpect(content().string(containsString("id=\"plan-add\"")));
    mvc.perform(get("/workforce/training").param("lang", "en").with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Training plan")))
        .andExpect(content().string(not(containsString("id=\"plan-add\""))));
    mvc.perform(get("/workforce/training/sessions").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("页面会议室")));
    mvc.perform(get("/workforce/training/sessions/" + session).with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("吴页面")));
    mvc.perform(get("/workforce/officers/" + officer + "/training").with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("即将到期")))
        .andExpect(content().string(not(containsString("<nav"))));
    mvc.perform(get("/workforce/training/import").with(as("heping.admin")))
        .andExpect(status().isOk());
    mvc.perform(get("/notifications").with(as("heping.admin"))).andExpect(status().isOk());
    mvc.perform(get("/notifications/bell").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("<nav"))));

    mvc.perform(get("/workforce/officers/" + officer + "/training").with(as("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/workforce/training/sessions/" + session).with(as("xiqing.street")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/workforce/training").param("district", "120101").with(as("xiqing.admin")))
        .andExpect(status().isNotFound());
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
