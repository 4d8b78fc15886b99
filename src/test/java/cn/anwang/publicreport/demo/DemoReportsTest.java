package cn.anwang.publicreport.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo reports of 和平区, seeded in a transaction that is rolled back: every fate is there, the
 * verified ones are real cases of source PUBLIC_REPORT whose status the report follows, duplicates
 * are merged into a nearby report of the same category, and seeding twice writes nothing.
 */
@IntegrationTest
class DemoReportsTest {

  @Autowired DemoReportsRunner runner;
  @Autowired cn.anwang.publicreport.reward.DemoRewards demoRewards;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void aDistrictGetsMonthsOfReportsWithEveryFate() {
    transactions.executeWithoutResult(
        tx -> {
          Instant now = Instant.now();
          int written = runner.seed("120101", now);
          assertThat(written).isGreaterThanOrEqualTo(50);
          assertThat(runner.seed("120101", now)).as("idempotent").isZero();
          Map<String, Long> byStatus =
              jdbc
                  .sql(
                      "SELECT status, count(*) AS n FROM public_report"
                          + " WHERE synthetic AND district_code = '120101' GROUP BY status")
                  .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                  .list()
                  .stream()
                  .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
          assertThat(byStatus).containsKeys("RECEIVED", "REJECTED", "MERGED", "CLOSED");
          assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum())
              .isEqualTo(written);
          // every verified report is a case of source PUBLIC_REPORT; closed reports' cases closed
          long mismatched =
              jdbc.sql(
                      """
                      SELECT count(*) FROM public_report r
                        LEFT JOIN safety_case c ON c.id = r.case_id
                       WHERE r.synthetic AND r.district_code = '120101'
                         AND r.status IN ('VERIFIED', 'IN_HANDLING', 'CLOSED')
                         AND (c.id IS NULL OR c.source <> 'PUBLIC_REPORT'
                              OR (r.status = 'CLOSED') <> (c.status = 'CLOSED'))
                      """)
                  .query(Long.class)
                  .single();
          assertThat(mismatched).isZero();
          // a duplicate is merged into a report of the same category within 200 m, filed earlier
          long badMerges =
              jdbc.sql(
                      """
                      SELECT count(*) FROM public_report d JOIN public_report p ON p.id = d.merged_into
                       WHERE d.synthetic AND d.district_code = '120101'
                         AND (d.category <> p.category OR d.submitted_at < p.submitted_at
                              OR abs(d.lat - p.lat) * 111320 > 200)
                      """)
                  .query(Long.class)
                  .single();
          assertThat(badMerges).isZero();
          // half are in the demo street, where heping.street works; some are named
          assertThat(
                  jdbc.sql(
                          "SELECT count(*) FROM public_report WHERE synthetic"
                              + " AND street_code = '120101001'")
                      .query(Long.class)
                      .single())
              .isGreaterThanOrEqualTo(written / 3);
          assertThat(
                  jdbc.sql(
                          "SELECT count(*) FROM public_report WHERE synthetic AND NOT anonymous"
                              + " AND reporter_phone_enc IS NOT NULL")
                      .query(Long.class)
                      .single())
              .isPositive();
          // the closed ones with an eligible finding and a named reporter earned rewards
          int rewards = demoRewards.seed("120101", now);
          assertThat(rewards).isPositive();
          assertThat(demoRewards.seed("120101", now)).as("idempotent").isZero();
          long paid =
              jdbc.sql(
                      "SELECT count(*) FROM public_reward w JOIN public_report r"
                          + " ON r.id = w.report_id WHERE r.synthetic AND w.status = 'PAID'"
                          + " AND w.amount_yuan >= 3000 AND w.paid_at > w.claimed_at")
                  .query(Long.class)
                  .single();
          assertThat(paid).isPositive();
          tx.setRollbackOnly();
        });
  }
}
