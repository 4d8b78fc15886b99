package cn.anwang.workforce.training;

import static cn.anwang.workforce.training.TrainingFixtures.HEPING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 15: the training plan page, its fragment and API, and the other workforce pages, each
 * loaded 50 times, leave the connection pool and the threads as they were, and the application
 * still answers. After every request the pool's active connections must come back to where they
 * were, so a leak fails at the first visit instead of exhausting the pool for the tests that
 * follow.
 */
@IntegrationTest
class RepeatedVisitsTest {

  private static final int VISITS = 50;
  private static final int THREAD_MARGIN = 8;

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired HikariDataSource dataSource;

  @Test
  void pagesLoadedRepeatedlyReturnEveryConnectionAndStartNoThreads() throws Exception {
    var fixtures = new TrainingFixtures(jdbc);
    int year = LocalDate.now(CertificateService.ZONE).getYear();
    long course = fixtures.course("120101", unique("LEAK"), 60, 12);
    long officer = fixtures.streetOfficer("吴重复", HEPING_STREET);
    long item =
        jdbc.sql(
                """
                INSERT INTO training_plan_item (district_code, year, course_id, tier, due_by, created_by)
                VALUES ('120101', ?, ?, 'ALL', ?, 'test') RETURNING id
                """)
            .params(year, course, LocalDate.of(year, 12, 31))
            .query(Long.class)
            .single();
    try {
      HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
      int connections = idleActive(pool, 0);
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      List<String> paths =
          List.of(
              "/workforce/training",
              "/workforce/training?lang=en",
              "/workforce/training?district=120101&year=" + year,
              "/workforce/training/sessions",
              "/workforce/officers/" + officer + "/training",
              "/api/v1/training/courses",
              "/api/v1/training/plans/120101/" + year,
              "/workforce/officers",
              "/workforce/officers/" + officer,
              "/workforce/gaps");
      for (String path : paths) {
        for (int i = 0; i < VISITS; i++) {
          mvc.perform(get(path).with(as("heping.admin"))).andExpect(status().isOk());
          assertThat(idleActive(pool, connections))
              .as("active connections after visit %d of %s", i + 1, path)
              .isLessThanOrEqualTo(connections);
        }
      }
      assertThat(pool.getThreadsAwaitingConnection()).isZero();
      assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
          .as("live threads after %d visits of each page", VISITS)
          .isLessThanOrEqualTo(threads + THREAD_MARGIN);
      mvc.perform(get("/workforce/training").with(as("heping.admin")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("年度培训计划")));
    } finally {
      jdbc.sql("DELETE FROM training_plan_item WHERE id = ?").param(item).update();
      jdbc.sql("DELETE FROM officer WHERE id = ?").param(officer).update();
      jdbc.sql("DELETE FROM training_course WHERE id = ?").param(course).update();
    }
  }

  /**
   * The fewest active connections seen within two seconds, sampling until they are down to {@code
   * atMost}: background jobs borrow one now and then, a leaked one stays borrowed.
   */
  private static int idleActive(HikariPoolMXBean pool, int atMost) throws InterruptedException {
    int least = pool.getActiveConnections();
    for (int i = 0; i < 40 && least > atMost; i++) {
      Thread.sleep(50);
      least = Math.min(least, pool.getActiveConnections());
    }
    return least;
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
