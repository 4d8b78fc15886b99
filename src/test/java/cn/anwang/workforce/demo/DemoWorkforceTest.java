package cn.anwang.workforce.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.anwang.IntegrationTest;
import cn.anwang.workforce.officer.AssignmentRefused;
import cn.anwang.workforce.officer.Assignments;
import cn.anwang.workforce.officer.Coverage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo officers show every warning: a street below its norm and one above, grids without an
 * officer, an untrained candidate whose assignment is refused, certificates about to expire, an
 * over-loaded officer. Seeded in a transaction that is rolled back, so other tests see no demo
 * officers.
 */
@IntegrationTest
class DemoWorkforceTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @Autowired DemoWorkforceRunner runner;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired Coverage coverage;
  @Autowired Assignments assignments;

  @Test
  void demoOfficersShowEveryWarning() {
    transactions.executeWithoutResult(
        tx -> {
          tx.setRollbackOnly();
          int created = runner.seed("120101", TODAY);
          assertThat(created).isGreaterThan(30);
          assertThat(runner.seed("120101", TODAY)).as("idempotent").isZero();

          // 和平 is central (5–10 per street): one street below, one above
          List<Integer> perStreet =
              jdbc.sql(
                      """
                      SELECT count(*) FROM officer
                       WHERE district_code = '120101' AND tier = 'STREET' AND status = 'ACTIVE'
                       GROUP BY division_code
                      """)
                  .query(Integer.class)
                  .list();
          assertThat(perStreet).anyMatch(n -> n < 5).anyMatch(n -> n > 10);

          assertThat(coverage.gaps("120101")).hasSize(2);

          // an untrained candidate exists and cannot take a grid
          long candidate =
              jdbc.sql(
                      """
                      SELECT min(o.id) FROM officer o
                       WHERE o.district_code = '120101' AND o.status = 'CANDIDATE'
                         AND NOT EXISTS (SELECT 1 FROM training_certificate c WHERE c.officer_id = o.id)
                      """)
                  .query(Long.class)
                  .single();
          String grid = coverage.gaps("120101").get(0).code();
          String street =
              jdbc.sql("SELECT division_code FROM officer WHERE id = ?")
                  .param(candidate)
                  .query(String.class)
                  .single();
          if (grid.startsWith(street)) {
            assertThatThrownBy(() -> assignments.assign(candidate, grid, TODAY, null, null, "t"))
                .isInstanceOf(AssignmentRefused.class)
                .extracting(e -> ((AssignmentRefused) e).reason())
                .isEqualTo(AssignmentRefused.Reason.NOT_TRAINED);
          }

          // certificates about to expire (reminders) and one expired
          long expiring =
              jdbc.sql(
                      """
                      SELECT count(*) FROM training_certificate
                       WHERE district_code = '120101' AND expires_on > ? AND expires_on <= ?
                      """)
                  .params(TODAY, TODAY.plusDays(30))
                  .query(Long.class)
                  .single();
          assertThat(expiring).isPositive();

          // the first officer of a street holds clearly more grids than the others
          List<Integer> heaviest =
              jdbc.sql(
                      """
                      SELECT max(n) - min(n) FROM (
                        SELECT o.division_code, o.id, count(a.id) AS n FROM officer o
                          JOIN officer_assignment a ON a.officer_id = o.id AND a.ends_on IS NULL
                         WHERE o.district_code = '120101' AND o.tier = 'STREET'
                         GROUP BY o.division_code, o.id) x
                       GROUP BY division_code
                      """)
                  .query(Integer.class)
                  .list();
          assertThat(heaviest).anyMatch(spread -> spread >= 3);

          // the demo officer user is linked
          assertThat(
                  jdbc.sql(
                          "SELECT count(*) FROM officer o JOIN app_user u ON u.id = o.user_id"
                              + " WHERE u.username = 'heping.officer'")
                      .query(Long.class)
                      .single())
              .isEqualTo(1L);
        });
    assertThat(jdbc.sql("SELECT count(*) FROM officer WHERE synthetic").query(Long.class).single())
        .as("rolled back")
        .isZero();
  }
}
