package cn.anwang.assessment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The dashboard pages: the department's page with its counts and overdue case linked, the officer's
 * phone summary, in zh-CN and en; the officer gets 403 on the department's page and the
 * department's staff 403 on the officer's.
 */
@IntegrationTest
class DashboardPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void theDepartmentPageShowsItsCountsAndLinksItsOverdueCase() throws Exception {
    try (DashboardFixture f = new DashboardFixture(jdbc)) {
      f.addObject("SMALL_SHOP", "RED", null, "OPERATING", f.departmentA);
      f.addObject("ENTERPRISE", "YELLOW", null, "OPERATING", f.departmentA);
      Instant now = Instant.now();
      long overdue =
          f.addCase(
              f.departmentA,
              "RECTIFYING",
              now.minus(Duration.ofDays(20)),
              now.minus(Duration.ofDays(10)),
              null,
              false);
      mvc.perform(get("/assessment/department").with(login(f.staffA)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("部门看板")))
          .andExpect(content().string(containsString("监管对象 2 家")))
          .andExpect(content().string(containsString("data-risk=\"RED\" data-count=\"1\"")))
          .andExpect(content().string(containsString("data-light=\"overdue\" data-count=\"1\"")))
          .andExpect(content().string(containsString("href=\"/cases/" + overdue + "\"")))
          .andExpect(content().string(containsString("id=\"dashboard-trend\"")))
          .andExpect(content().string(containsString("不统计登录次数")))
          .andExpect(content().string(not(containsString("2,0"))));
      mvc.perform(get("/assessment/department").param("lang", "en").with(login(f.staffA)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("Department dashboard")))
          .andExpect(content().string(containsString("Supervised objects: 2")))
          .andExpect(content().string(containsString("Overdue cases")));
      // the other department's staff sees none of it
      mvc.perform(get("/assessment/department").with(login(f.staffB)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("监管对象 0 家")))
          .andExpect(content().string(not(containsString("/cases/" + overdue + "\""))));
      mvc.perform(get("/assessment/department").with(login(f.officerUser)))
          .andExpect(status().isForbidden());
      // the nav offers the page to department staff
      mvc.perform(get("/assessment/indicators").with(login(f.staffA)))
          .andExpect(content().string(containsString("id=\"nav-department-dashboard\"")))
          .andExpect(content().string(containsString("data-map-indicator=\"risk.highShare\"")))
          .andExpect(content().string(containsString("data-map-indicator=\"case.overdueRate\"")));
    }
  }

  @Test
  void theOfficerReadsTheirOwnSummaryOnThePhone() throws Exception {
    try (DashboardFixture f = new DashboardFixture(jdbc)) {
      f.addCase(
          null,
          "RECTIFYING",
          Instant.now().minus(Duration.ofDays(20)),
          Instant.now().minus(Duration.ofDays(10)),
          f.officerUserId,
          false);
      f.village.certify(f.officer);
      mvc.perform(get("/m/summary").with(login(f.officerUser)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("我的工作概况")))
          .andExpect(content().string(containsString("看板测试网格员")))
          .andExpect(content().string(containsString("href=\"/grids/" + f.grid() + "\"")))
          .andExpect(content().string(containsString("data-light=\"overdue\" data-count=\"1\"")))
          .andExpect(content().string(containsString("已取得全部岗前培训资格")));
      mvc.perform(get("/m/summary").param("lang", "en").with(login(f.officerUser)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("My work summary")))
          .andExpect(content().string(containsString("Qualified by every pre-post course")));
      mvc.perform(get("/m/summary").with(login(f.staffA))).andExpect(status().isForbidden());
      // a log-in without an officer record is told so
      mvc.perform(get("/m/summary").with(login(f.unlinkedOfficer())))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("id=\"summary-unlinked\"")));
      mvc.perform(get("/m/").with(login(f.officerUser)))
          .andExpect(content().string(containsString("href=\"/m/summary\"")));
    }
  }
}
