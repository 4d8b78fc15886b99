package cn.anwang.publicreport.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.ReportFixture;
import cn.anwang.publicreport.intake.TrackingCodes;
import cn.anwang.shared.pii.PiiProtector;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Rewards over HTTP: the amounts by the national rule, the walk from a closed case to payment, the
 * claim with its refusals, one reward per matter for the first named reporter, anonymous reporters
 * only where the district allows, refusal and objection, the expiry, the rules, roles and scope.
 */
@IntegrationTest
class RewardTest {

  static final String DEMO = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired PiiProtector pii;
  @Autowired RewardProposer proposer;
  @Autowired RewardExpiry expiry;

  private ReportFixture fixture() {
    return new ReportFixture(jdbc, pii);
  }

  /** A report whose (pretend) case of the given type has closed; its reward proposed. */
  private Optional<Long> closedAndProposed(ReportFixture.Made primary, String caseType) {
    long caseId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    jdbc.sql(
            "UPDATE public_report SET status = 'CLOSED', case_id = ?, case_number = ?,"
                + " case_type = ? WHERE id = ?")
        .params(caseId, "120101-2026-T" + primary.id(), caseType, primary.id())
        .update();
    return proposer.propose(caseId, Instant.now());
  }

  private JsonNode call(String user, String password, MockHttpServletRequestBuilder r, int expect)
      throws Exception {
    String body =
        mvc.perform(r.with(httpBasic(user, password)))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return body.isEmpty() ? null : json.readTree(body);
  }

  private JsonNode api(String user, String path, Object body, int expect) throws Exception {
    return call(
        user,
        "admin".equals(user) ? "admin-test-password" : DEMO,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body == null ? Map.of() : body)),
        expect);
  }

  private String track(String code) throws Exception {
    return mvc.perform(get("/report/track/" + code).header("Accept-Language", "zh-CN"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String claim(String code, String proof, String payee, int expect) throws Exception {
    var r =
        mvc.perform(
                post("/report/track/" + code + "/claim")
                    .with(csrf())
                    .header("Accept-Language", "zh-CN")
                    .param("proof", proof)
                    .param("payeeName", payee == null ? "" : payee)
                    .param("payeeAccount", "6222 0000 1111 2222"))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse();
    return expect == 302 ? r.getRedirectedUrl() : r.getContentAsString();
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  void theAmountsFollowTheNationalRule() {
    RewardRule rule =
        new RewardRule(
            "12",
            RewardRule.FINDINGS,
            new BigDecimal("15"),
            3_000,
            300_000,
            30_000,
            40_000,
            50_000,
            60_000,
            300_000,
            60,
            10,
            false,
            false);
    assertThat(rule.forFine(50_000).yuan()).isEqualTo(7_500);
    assertThat(rule.forFine(10_000).yuan()).isEqualTo(3_000);
    assertThat(rule.forFine(10_000).computation()).isEqualTo("10000 × 15% = 1500 → ≥ 3000");
    assertThat(rule.forFine(0).yuan()).isEqualTo(3_000);
    assertThat(rule.forFine(5_000_000).yuan()).isEqualTo(300_000);
    assertThat(rule.forAccident("GENERAL", 1).yuan()).isEqualTo(30_000);
    assertThat(rule.forAccident("LARGER", 2).yuan()).isEqualTo(80_000);
    assertThat(rule.forAccident("ESPECIALLY", 3).yuan()).isEqualTo(180_000);
    assertThat(rule.forAccident("MAJOR", 7).yuan()).isEqualTo(300_000);
    assertThat(rule.forAccident("MAJOR", 7).computation())
        .isEqualTo("7 × 50000 = 350000 → ≤ 300000");
  }

  @Test
  void aClosedCaseLeadsToAProposalApprovalClaimAndPayment() throws Exception {
    ReportFixture.Made r = fixture().report("ILLEGAL_OPERATION", 0, "李实名");
    // verified into a real case and walked round the loop; the closing proposes the reward
    JsonNode verified =
        api("heping.street", "/api/v1/public-reports/" + r.id() + "/verify", Map.of(), 200);
    long caseId = verified.get("caseId").asLong();
    api("heping.street", "/api/v1/cases/" + caseId + "/register", null, 200);
    api(
        "heping.street",
        "/api/v1/cases/" + caseId + "/dispatch",
        Map.of("handlerType", "STREET", "handlerCode", "120101001"),
        200);
    api("heping.street", "/api/v1/cases/" + caseId + "/accept", null, 200);
    api("heping.street", "/api/v1/cases/" + caseId + "/feedback", Map.of("reason", "已停产"), 200);
    api(
        "heping.officer",
        "/api/v1/cases/" + caseId + "/reinspection",
        Map.of("passed", true, "reason", "复查合格", "lon", 117.19, "lat", 39.12),
        200);
    api("heping.street", "/api/v1/cases/" + caseId + "/close", Map.of("reason", "结案"), 200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("SELECT count(*) FROM public_reward WHERE report_id = ?", r.id()) == 1);
    long id =
        jdbc.sql("SELECT id FROM public_reward WHERE report_id = ?")
            .param(r.id())
            .query(Long.class)
            .single();
    String base = "/api/v1/public-rewards/" + id;
    assertThat(track(r.code())).doesNotContain("id=\"reward\"");

    // roles and scope
    call("heping.officer", DEMO, get("/api/v1/public-rewards"), 403);
    call("xiqing.admin", DEMO, get(base), 404);
    call("xiqing.street", DEMO, get(base), 404);
    assertThat(
            call("heping.street", DEMO, get("/api/v1/public-rewards?status=PROPOSED"), 200)
                .toString())
        .contains("\"id\":" + id)
        .doesNotContain("李实名");

    // the street assesses by the rule; bad inputs change nothing
    api("heping.street", base + "/assess", Map.of("fineYuan", -5), 422);
    api("heping.street", base + "/assess", Map.of("finding", "GENERAL_HAZARD", "fineYuan", 5), 422);
    api(
        "heping.street",
        base + "/assess",
        Map.of("finding", "CONCEALED_ACCIDENT", "accidentGrade", "HUGE", "deaths", 1),
        422);
    JsonNode assessed = api("heping.street", base + "/assess", Map.of("fineYuan", 50_000), 200);
    assertThat(assessed.get("status").asText()).isEqualTo("ASSESSED");
    assertThat(assessed.get("amountYuan").asLong()).isEqualTo(7_500);

    // only the district approves; the reporter is notified on the tracking page
    api("heping.street", base + "/approve", null, 403);
    api("heping.admin", base + "/approve", Map.of("version", 99), 409);
    JsonNode approved = api("heping.admin", base + "/approve", null, 200);
    assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    assertThat(Instant.parse(approved.get("claimDeadline").asText()))
        .isAfter(Instant.now().plus(Duration.ofDays(59)));
    String page = track(r.code());
    assertThat(page).contains("7,500").contains("id=\"claim-link\"").doesNotContain("李实名");

    // the claim: a wrong phone refused and counted, the right one accepted, a repeat changes
    // nothing
    assertThat(claim(r.code(), "13900000000", null, 422)).contains("身份核对不一致");
    assertThat(claim(r.code(), "139 1234 5678", null, 302)).endsWith("outcome=CLAIMED");
    assertThat(claim(r.code(), "13912345678", null, 302)).endsWith("outcome=ALREADY_CLAIMED");
    assertThat(
            count(
                "SELECT count(*) FROM public_report_event WHERE report_id = ? AND kind = 'REWARD_CLAIMED'",
                r.id()))
        .isEqualTo(1);
    String stored =
        jdbc.sql("SELECT payee_name_enc || payee_account_enc FROM public_reward WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("李实名").doesNotContain("6222");

    // the payee only to the district, audited; the payment recorded once
    api("heping.street", base + "/payee", null, 403);
    long audits =
        count(
            "SELECT count(*) FROM audit_event WHERE action = 'public-reward.payee.view' AND target_id = ?",
            Long.toString(id));
    JsonNode payee = api("heping.admin", base + "/payee", null, 200);
    assertThat(payee.get("payeeName").asText()).isEqualTo("李实名");
    assertThat(payee.get("payeeAccount").asText()).isEqualTo("6222 0000 1111 2222");
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = 'public-reward.payee.view' AND target_id = ?",
                Long.toString(id)))
        .isEqualTo(audits + 1);
    api("heping.street", base + "/pay", Map.of("method", "CASH"), 403);
    api("heping.admin", base + "/pay", Map.of("method", "BANK_TRANSFER"), 422);
    api(
        "heping.admin",
        base + "/pay",
        Map.of("method", "BANK_TRANSFER", "reference", "HP-2026-0001"),
        200);
    JsonNode again = api("heping.admin", base + "/pay", Map.of("method", "CASH"), 200);
    assertThat(again.get("paymentReference").asText()).isEqualTo("HP-2026-0001");
    assertThat(track(r.code())).contains("奖励已发放");
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = 'public-reward.pay' AND target_id = ?",
                Long.toString(id)))
        .isEqualTo(1);
  }

  @Test
  void oneRewardPerMatterForTheFirstNamedReporter() throws Exception {
    ReportFixture.Made primary = fixture().report("HAZARD", 0, null);
    ReportFixture.Made named = fixture().report("HAZARD", 40, "张先到");
    ReportFixture.Made later = fixture().report("HAZARD", 50, "赵后到");
    jdbc.sql("UPDATE public_report SET submitted_at = now() - interval '1 hour' WHERE id = ?")
        .param(named.id())
        .update();
    for (ReportFixture.Made d : new ReportFixture.Made[] {named, later}) {
      jdbc.sql("UPDATE public_report SET status = 'MERGED', merged_into = ? WHERE id = ?")
          .params(primary.id(), d.id())
          .update();
    }
    // a general hazard earns nothing
    assertThat(closedAndProposed(primary, "GENERAL_HAZARD")).isEmpty();
    // a major hazard: one reward, for the earliest named reporter (a merged duplicate)
    jdbc.sql("UPDATE public_report SET case_id = NULL WHERE id = ?").param(primary.id()).update();
    long id = closedAndProposed(primary, "MAJOR_HAZARD").orElseThrow();
    long caseId =
        jdbc.sql("SELECT case_id FROM public_report WHERE id = ?")
            .param(primary.id())
            .query(Long.class)
            .single();
    assertThat(proposer.propose(caseId, Instant.now())).isEmpty(); // redelivered: nothing new
    assertThat(
            jdbc.sql("SELECT report_id FROM public_reward WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(named.id());
    api(
        "heping.street",
        "/api/v1/public-rewards/" + id + "/assess",
        Map.of("fineYuan", 100_000),
        200);
    api("heping.admin", "/api/v1/public-rewards/" + id + "/approve", null, 200);
    assertThat(track(named.code())).contains("15,000").contains("id=\"claim-link\"");
    for (ReportFixture.Made other : new ReportFixture.Made[] {primary, later}) {
      assertThat(track(other.code())).doesNotContain("id=\"reward\"").doesNotContain("15,000");
      assertThat(claim(other.code(), "13912345678", "某人", 302)).endsWith("NOTHING_TO_CLAIM");
    }
  }

  @Test
  void anAnonymousReporterIsRewardedOnlyWhereTheDistrictAllowsIt() throws Exception {
    ReportFixture.Made r = fixture().report("ACCIDENT", 0, null);
    jdbc.sql("UPDATE public_report SET claim_secret_hash = ? WHERE id = ?")
        .params(TrackingCodes.secretHash(pii, r.code(), "ABCD2345"), r.id())
        .update();
    assertThat(closedAndProposed(r, "ACCIDENT")).isEmpty();

    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("eligibleFindings", Set.of("MAJOR_HAZARD", "ILLEGAL_OPERATION", "CONCEALED_ACCIDENT"));
    rule.put("finePercent", 15);
    rule.put("minYuan", 3000);
    rule.put("maxYuan", 300000);
    rule.put("perDeathGeneral", 30000);
    rule.put("perDeathLarger", 40000);
    rule.put("perDeathMajor", 50000);
    rule.put("perDeathEspecially", 60000);
    rule.put("accidentCapYuan", 300000);
    rule.put("claimDays", 60);
    rule.put("objectionDays", 10);
    rule.put("anonymousClaim", true);
    String path = "/api/v1/public-reward-rules/120101";
    putJson(path, rule, "heping.street", 403);
    putJson(path, Map.of("anonymousClaim", true), "heping.admin", 422);
    putJson("/api/v1/public-reward-rules/120111", rule, "heping.admin", 404);
    putJson("/api/v1/public-reward-rules/12", rule, "heping.admin", 403);
    try {
      JsonNode set = putJson(path, rule, "heping.admin", 200);
      assertThat(set.get("anonymousClaim").asBoolean()).isTrue();
      assertThat(set.get("inherited").asBoolean()).isFalse();
      assertThat(
              count(
                  "SELECT count(*) FROM audit_event WHERE action = 'public-reward.rule' AND target_id = '120101'"))
          .isPositive();

      jdbc.sql("UPDATE public_report SET case_id = NULL WHERE id = ?").param(r.id()).update();
      long id = closedAndProposed(r, "ACCIDENT").orElseThrow();
      String base = "/api/v1/public-rewards/" + id;
      api("heping.street", base + "/assess", Map.of("fineYuan", 1000), 422);
      api(
          "heping.street",
          base + "/assess",
          Map.of("finding", "CONCEALED_ACCIDENT", "accidentGrade", "LARGER", "deaths", 0),
          422);
      JsonNode a =
          api(
              "heping.street",
              base + "/assess",
              Map.of("finding", "CONCEALED_ACCIDENT", "accidentGrade", "LARGER", "deaths", 2),
              200);
      assertThat(a.get("amountYuan").asLong()).isEqualTo(80_000);
      api("heping.admin", base + "/approve", null, 200);

      // the claim secret, and five wrong answers lock the claim
      assertThat(claim(r.code(), "ABCD2345", "", 422)).contains("收款人姓名");
      for (int i = 0; i < 4; i++) {
        assertThat(claim(r.code(), "WRONG234", "钱某", 422)).contains("身份核对不一致");
      }
      assertThat(claim(r.code(), "WRONG234", "钱某", 302)).endsWith("outcome=LOCKED");
      assertThat(claim(r.code(), "ABCD2345", "钱某", 302)).endsWith("outcome=LOCKED");
      jdbc.sql("UPDATE public_reward SET failed_claims = 0 WHERE id = ?").param(id).update();
      assertThat(claim(r.code(), "abcd 2345", "钱某", 302)).endsWith("outcome=CLAIMED");
    } finally {
      jdbc.sql("DELETE FROM public_reward_rule WHERE district_code = '120101'").update();
    }
  }

  private JsonNode putJson(String path, Object body, String user, int expect) throws Exception {
    return call(
        user,
        DEMO,
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)),
        expect);
  }

  @Test
  void aRefusalCanBeObjectedToAndTheCityReviewsIt() throws Exception {
    ReportFixture.Made r = fixture().report("HAZARD", 0, "孙实名");
    long id = closedAndProposed(r, "MAJOR_HAZARD").orElseThrow();
    String base = "/api/v1/public-rewards/" + id;
    api("heping.admin", base + "/not-eligible", Map.of("reason", " "), 422);
    api("heping.admin", base + "/not-eligible", Map.of("reason", "所举报隐患已由企业自查发现并上报。"), 200);
    String page = track(r.code());
    assertThat(page).contains("不符合举报奖励条件").contains("企业自查").contains("id=\"objection-form\"");

    mvc.perform(
            post("/report/track/" + r.code() + "/objection").with(csrf()).param("objection", ""))
        .andExpect(redirectedUrl("/report/track/" + r.code() + "?outcome=OBJECTION_TEXT"));
    mvc.perform(
            post("/report/track/" + r.code() + "/objection")
                .with(csrf())
                .param("objection", "我在企业上报前三天就举报了。"))
        .andExpect(redirectedUrl("/report/track/" + r.code() + "?outcome=OBJECTED"));
    mvc.perform(
            post("/report/track/" + r.code() + "/objection")
                .with(csrf())
                .param("objection", "再次异议"))
        .andExpect(redirectedUrl("/report/track/" + r.code() + "?outcome=NO_OBJECTION"));
    assertThat(track(r.code())).doesNotContain("id=\"objection-form\"");

    api("heping.admin", base + "/review", Map.of("outcome", "REASSESS", "note", "x"), 403);
    api("admin", base + "/review", Map.of("outcome", "MAYBE", "note", "x"), 422);
    JsonNode reviewed =
        api("admin", base + "/review", Map.of("outcome", "REASSESS", "note", "举报时间在先，重新评定。"), 200);
    assertThat(reviewed.get("status").asText()).isEqualTo("PROPOSED");
    api("admin", base + "/review", Map.of("outcome", "UPHOLD", "note", "again"), 409);
    assertThat(track(r.code())).contains("重新评定");
  }

  @Test
  void anUnclaimedRewardExpiresOnce() throws Exception {
    ReportFixture.Made r = fixture().report("ILLEGAL_OPERATION", 0, "周实名");
    long id = closedAndProposed(r, "ILLEGAL_OPERATION").orElseThrow();
    api(
        "heping.street",
        "/api/v1/public-rewards/" + id + "/assess",
        Map.of("fineYuan", 20_000),
        200);
    api("heping.admin", "/api/v1/public-rewards/" + id + "/approve", null, 200);
    jdbc.sql("UPDATE public_reward SET claim_deadline = now() - interval '1 minute' WHERE id = ?")
        .param(id)
        .update();
    assertThat(claim(r.code(), "13912345678", null, 302)).endsWith("outcome=EXPIRED");
    assertThat(expiry.expire(Instant.now())).isGreaterThanOrEqualTo(1);
    assertThat(expiry.expire(Instant.now())).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM public_report_event WHERE report_id = ? AND kind = 'REWARD_EXPIRED'",
                r.id()))
        .isEqualTo(1);
    assertThat(track(r.code())).contains("已过期");
  }
}
