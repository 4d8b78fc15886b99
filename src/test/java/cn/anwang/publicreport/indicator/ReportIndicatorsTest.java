package cn.anwang.publicreport.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.ReportFixture;
import cn.anwang.shared.pii.PiiProtector;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The figures on a small example worked out by hand: four reports submitted in March 2020 (a period
 * no other test writes into): A verified after 2 h and closed after 50 h, B verified after 4 h and
 * in handling, C merged into B, D not accepted. So received 4, verified 2, merged 1, rejected 1,
 * converted 3 (A, B and C through B), closed 1, median to verification (2 + 4) / 2 = 3 h, to
 * closure 50 h; A's reward of 7,500 yuan paid and B's of 3,000 approved: rewards approved 2, paid
 * 1, 7,500 yuan paid.
 */
@IntegrationTest
class ReportIndicatorsTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PiiProtector pii;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private static final Instant T0 = Instant.parse("2020-03-10T02:00:00Z");

  private void set(
      long id, String status, Long caseId, Integer verifiedH, Integer closedH, Long into) {
    jdbc.sql(
            """
            UPDATE public_report SET status = ?, case_id = ?, submitted_at = ?, verified_at = ?,
                   closed_at = ?, merged_into = ? WHERE id = ?
            """)
        .params(
            status,
            caseId,
            Timestamp.from(T0),
            verifiedH == null ? null : Timestamp.from(T0.plus(Duration.ofHours(verifiedH))),
            closedH == null ? null : Timestamp.from(T0.plus(Duration.ofHours(closedH))),
            into,
            id)
        .update();
  }

  private void reward(long report, String status, long yuan) {
    jdbc.sql(
            """
            INSERT INTO public_reward (report_id, primary_report_id, district_code, street_code,
              division_code, case_id, finding, status, anonymous, amount_yuan, proposed_at)
            SELECT id, id, district_code, street_code, division_code, coalesce(case_id, 0),
                   'ILLEGAL_OPERATION', ?, false, ?, now() FROM public_report WHERE id = ?
            """)
        .params(status, yuan, report)
        .update();
  }

  @Test
  void figuresOfASmallExampleMatchTheHandCount() throws Exception {
    ReportFixture fixture = new ReportFixture(jdbc, pii);
    long a = fixture.report("HAZARD", 0, null).id();
    long b = fixture.report("ILLEGAL_OPERATION", 0, null).id();
    long c = fixture.report("ILLEGAL_OPERATION", 20, null).id();
    long d = fixture.report("OTHER", 0, null).id();
    set(a, "CLOSED", 900_001L, 2, 50, null);
    set(b, "IN_HANDLING", 900_002L, 4, null, null);
    set(c, "MERGED", null, null, null, b);
    set(d, "REJECTED", null, null, 30, null);
    reward(a, "PAID", 7_500);
    reward(b, "APPROVED", 3_000);

    JsonNode result =
        json.readTree(
            mvc.perform(
                    get("/api/v1/public-report-indicators?from=2020-03-01&to=2020-03-31")
                        .with(httpBasic("heping.street", "anwang-demo-2026")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    JsonNode t = result.get("totals");
    assertThat(t.get("received").asLong()).isEqualTo(4);
    assertThat(t.get("verified").asLong()).isEqualTo(2);
    assertThat(t.get("merged").asLong()).isEqualTo(1);
    assertThat(t.get("rejected").asLong()).isEqualTo(1);
    assertThat(t.get("converted").asLong()).isEqualTo(3);
    assertThat(t.get("closed").asLong()).isEqualTo(1);
    assertThat(t.get("medianHoursToVerification").asDouble()).isEqualTo(3.0);
    assertThat(t.get("medianHoursToClosure").asDouble()).isEqualTo(50.0);
    assertThat(t.get("rewardsApproved").asLong()).isEqualTo(2);
    assertThat(t.get("rewardsPaid").asLong()).isEqualTo(1);
    assertThat(t.get("rewardYuanPaid").asLong()).isEqualTo(7_500);
    assertThat(result.get("byStreet").get(0).get("code").asString()).isEqualTo("120101001");
    assertThat(result.get("byStreet").get(0).get("figures").get("received").asLong()).isEqualTo(4);
    assertThat(result.get("byDistrict").get(0).get("code").asString()).isEqualTo("120101");

    // the period before has nothing; the dispatch centre's fragment shows the same figures
    mvc.perform(
            get("/api/v1/public-report-indicators?from=2020-02-01&to=2020-02-29")
                .with(httpBasic("heping.admin", "anwang-demo-2026")))
        .andExpect(content().string(containsString("\"received\":0")));
    mvc.perform(
            get("/public-reports/indicators/panel?from=2020-03-01&to=2020-03-31")
                .with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"pr-received\">4<")))
        .andExpect(content().string(containsString("id=\"pr-converted\">3<")))
        .andExpect(content().string(containsString("id=\"pr-rewardYuanPaid\">7,500<")));
    // officers are refused, another district is out of scope
    mvc.perform(
            get("/api/v1/public-report-indicators")
                .with(httpBasic("heping.officer", "anwang-demo-2026")))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/api/v1/public-report-indicators?division=120101")
                .with(httpBasic("xiqing.admin", "anwang-demo-2026")))
        .andExpect(status().isNotFound());
    mvc.perform(
            get("/api/v1/public-report-indicators?from=2020-03-31&to=2020-03-01")
                .with(httpBasic("heping.admin", "anwang-demo-2026")))
        .andExpect(status().isBadRequest());
  }
}
