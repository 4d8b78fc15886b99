package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.indicator.CaseIndicators;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo year of cases shows every status and every figure, made by the real state machine;
 * seeded in a transaction that is rolled back.
 */
@IntegrationTest
class DemoCasesTest {

  @Autowired DemoCasesRunner runner;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired CaseIndicators indicators;
  @Autowired cn.anwang.registry.ObjectAccounts accounts;

  @Test
  void aYearOfHistoryWithEveryStatusAndAMajorHazardUnderSupervision() {
    Instant now = Instant.now();
    transactions.executeWithoutResult(
        tx -> {
          tx.setRollbackOnly();
          int made = runner.seed("120101", now);
          assertThat(made).isGreaterThan(300);
          assertThat(runner.seed("120101", now)).as("idempotent").isZero();

          List<String> statuses =
              jdbc.sql(
                      "SELECT DISTINCT status FROM safety_case WHERE synthetic AND district_code = '120101'")
                  .query(String.class)
                  .list();
          assertThat(statuses).contains("CLOSED", "VOIDED", "RECTIFYING");
          assertThat(sum("rework_count")).isPositive();
          assertThat(sum("wrong_dispatch_count")).isPositive();
          assertThat(sum("extension_count")).isPositive();
          assertThat(
                  count(
                      "type = 'MAJOR_HAZARD' AND supervision_level = 'DISTRICT' AND plan IS NOT NULL"
                          + " AND status = 'RECTIFYING'"))
              .isEqualTo(1);
          assertThat(count("closed_on_time = false")).as("some closed late").isPositive();
          assertThat(count("status NOT IN ('CLOSED', 'VOIDED') AND stage_due_at < now()"))
              .as("some overdue now")
              .isPositive();
          assertThat(count("stop_order_at IS NOT NULL")).isPositive();
          // every case has a timeline that starts with its report and matches its status
          assertThat(
                  count(
                      "NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = safety_case.id"
                          + " AND e.action = 'REPORT')"))
              .isZero();
          assertThat(
                  count(
                      "status <> (SELECT e.to_status FROM case_event e WHERE e.case_id = safety_case.id"
                          + " AND e.to_status IS NOT NULL ORDER BY e.at DESC, e.id DESC LIMIT 1)"))
              .isZero();

          // the demo enterprise user is linked to an object with a case in rectification
          long qiye =
              jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.qiye'")
                  .query(Long.class)
                  .single();
          java.util.Set<Long> linked = accounts.objectsOf(qiye);
          assertThat(linked).hasSize(1);
          assertThat(count("status = 'RECTIFYING' AND object_id = " + linked.iterator().next()))
              .isPositive();
          assertThat(runner.linkEnterprise("120101")).as("linked once").isNull();

          CaseIndicators.Figures year =
              indicators
                  .compute("120101", null, now.minus(Duration.ofDays(366)), now, now)
                  .totals();
          assertThat(year.registered()).isGreaterThan(300);
          assertThat(year.closeRate()).isBetween(0.5, 0.999);
          assertThat(year.overdueNow()).isPositive();
          assertThat(year.onTimeRate()).isLessThan(year.closeRate());
          assertThat(year.reworkRate()).isPositive();
        });
    assertThat(
            jdbc.sql("SELECT count(*) FROM safety_case WHERE synthetic").query(Long.class).single())
        .as("rolled back")
        .isZero();
  }

  private long sum(String column) {
    return jdbc.sql(
            "SELECT coalesce(sum("
                + column
                + "), 0) FROM safety_case WHERE synthetic AND district_code = '120101'")
        .query(Long.class)
        .single();
  }

  private long count(String condition) {
    return jdbc.sql(
            "SELECT count(*) FROM safety_case WHERE synthetic AND district_code = '120101' AND "
                + condition)
        .query(Long.class)
        .single();
  }
}
