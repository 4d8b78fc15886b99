package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The page {@code /assessment/reports}: generate on demand (POST-redirect-GET, CSRF), the list with
 * its downloads, a refused form, zh-CN and en, and the link from the indicator page.
 */
@IntegrationTest
class AssessmentReportPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  private Long id;

  @AfterEach
  void removeReport() {
    if (id != null) {
      jdbc.sql("DELETE FROM assessment_report WHERE id = ?").param(id).update();
    }
  }

  /** The session of a redirect, whose flash attributes the next page shows. */
  private static jakarta.servlet.http.Cookie session(MvcResult redirect) {
    jakarta.servlet.http.Cookie c = redirect.getResponse().getCookie("SESSION");
    assertThat(c).as("session cookie").isNotNull();
    return c;
  }

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void generatesFromTheFormListsAndDownloads() throws Exception {
    RequestPostProcessor admin = login("heping.admin");
    mvc.perform(get("/assessment/indicators").with(admin))
        .andExpect(content().string(containsString("href=\"/assessment/reports\"")));
    mvc.perform(get("/assessment/reports").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("考核报告")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
    // without the CSRF token the form is refused
    mvc.perform(
            post("/assessment/reports")
                .param("kind", "MONTHLY")
                .param("unit", "120101")
                .param("period", "2026-04")
                .with(admin))
        .andExpect(status().isForbidden());
    MvcResult done =
        mvc.perform(
                post("/assessment/reports")
                    .param("kind", "MONTHLY")
                    .param("unit", "120101")
                    .param("period", "2026-04")
                    .param("lang", "zh-CN")
                    .with(admin)
                    .with(csrf()))
            .andExpect(redirectedUrl("/assessment/reports"))
            .andExpect(flash().attributeExists("generatedId"))
            .andReturn();
    id = (Long) done.getFlashMap().get("generatedId");
    mvc.perform(get("/assessment/reports").with(admin).cookie(session(done)))
        .andExpect(content().string(containsString("id=\"report-generated\"")))
        .andExpect(content().string(containsString("/assessment/reports/" + id + ".pdf")))
        .andExpect(content().string(containsString("/assessment/reports/" + id + ".xlsx")));
    MvcResult pdf =
        mvc.perform(get("/assessment/reports/" + id + ".pdf").with(admin))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(ReportFiles.pdfText(pdf.getResponse().getContentAsByteArray()))
        .contains("和平区", "2026-04");
    assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("UTF-8''");
    MvcResult xlsx =
        mvc.perform(get("/assessment/reports/" + id + ".xlsx").with(admin))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(ReportFiles.sheetNames(xlsx.getResponse().getContentAsByteArray()))
        .contains("概要", "指标表", "指标定义");
    // another district's administrator cannot download it
    mvc.perform(get("/assessment/reports/" + id + ".pdf").with(login("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/assessment/reports").param("lang", "en").with(admin))
        .andExpect(content().string(containsString("Assessment reports")))
        .andExpect(content().string(containsString("Generate a report")));
  }

  @Test
  void aRefusedFormComesBackWithTheReason() throws Exception {
    RequestPostProcessor admin = login("heping.admin");
    long before = jdbc.sql("SELECT count(*) FROM assessment_report").query(Long.class).single();
    MvcResult refused =
        mvc.perform(
                post("/assessment/reports")
                    .param("kind", "MONTHLY")
                    .param("unit", "120101")
                    .param("period", "2026/04")
                    .with(admin)
                    .with(csrf()))
            .andExpect(redirectedUrl("/assessment/reports"))
            .andReturn();
    Object error = refused.getFlashMap().get("error");
    assertThat(error.toString()).contains("月报的期间");
    mvc.perform(get("/assessment/reports").with(admin).cookie(session(refused)))
        .andExpect(content().string(containsString("id=\"report-error\"")))
        .andExpect(content().string(containsString("value=\"2026/04\"")));
    assertThat(jdbc.sql("SELECT count(*) FROM assessment_report").query(Long.class).single())
        .isEqualTo(before);
    mvc.perform(get("/assessment/reports").with(login("heping.officer")))
        .andExpect(status().isForbidden());
  }
}
