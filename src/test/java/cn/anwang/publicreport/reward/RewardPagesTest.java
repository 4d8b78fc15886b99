package cn.anwang.publicreport.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.publicreport.ReportFixture;
import cn.anwang.shared.pii.PiiProtector;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rewards pages: the list and one reward with the steps the caller may take (assess as the
 * street, decide and pay as the district, the payee shown once and audited), the rule page read by
 * the street and set by the district with a refusal in the reader's language, officers refused.
 */
@IntegrationTest
class RewardPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired PiiProtector pii;
  @Autowired UserDetailsService users;
  @Autowired RewardProposer proposer;

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  private MockHttpServletRequestBuilder zh(MockHttpServletRequestBuilder r) {
    return r.header("Accept-Language", "zh-CN");
  }

  @Test
  void aRewardIsWorkedOnItsPages() throws Exception {
    ReportFixture.Made r = new ReportFixture(jdbc, pii).report("HAZARD", 0, "吴实名");
    long caseId = -System.nanoTime();
    jdbc.sql(
            "UPDATE public_report SET status = 'CLOSED', case_id = ?, case_number = 'T-1',"
                + " case_type = 'MAJOR_HAZARD' WHERE id = ?")
        .params(caseId, r.id())
        .update();
    long id = proposer.propose(caseId, Instant.now()).orElseThrow();
    String page = "/public-rewards/" + id;

    mvc.perform(zh(get("/public-rewards")).with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-id=\"" + id + "\"")))
        .andExpect(content().string(containsString("重大事故隐患")));
    mvc.perform(get("/public-rewards").with(as("heping.officer")))
        .andExpect(status().isForbidden());
    mvc.perform(get(page).with(as("xiqing.admin"))).andExpect(status().isNotFound());
    // the street assesses but does not decide
    mvc.perform(zh(get(page)).with(as("heping.street")))
        .andExpect(content().string(containsString("id=\"assess\"")))
        .andExpect(content().string(not(containsString("id=\"decide\""))));
    mvc.perform(
            zh(post(page + "/assess"))
                .with(as("heping.street"))
                .with(csrf())
                .param("fineYuan", "-1"))
        .andExpect(flash().attribute("failure", containsString("罚款金额")));
    mvc.perform(
            zh(post(page + "/assess"))
                .with(as("heping.street"))
                .with(csrf())
                .param("fineYuan", "3000000"))
        .andExpect(flash().attribute("message", containsString("已完成")));
    mvc.perform(post(page + "/approve").with(as("heping.street")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(zh(get(page)).with(as("heping.admin")))
        .andExpect(content().string(containsString("300,000 元")))
        .andExpect(content().string(containsString("3000000 × 15% = 450000 → ≤ 300000")));
    mvc.perform(post(page + "/approve").with(as("heping.admin")).with(csrf()))
        .andExpect(flash().attribute("message", containsString("已完成")));
    jdbc.sql(
            "UPDATE public_reward SET status = 'CLAIMED', claimed_at = now(), payee_name_enc = ?"
                + " WHERE id = ?")
        .params(java.util.Base64.getEncoder().encodeToString(pii.encrypt("吴实名")), id)
        .update();
    mvc.perform(zh(get(page)).with(as("heping.admin")))
        .andExpect(content().string(containsString("id=\"reveal-payee\"")))
        .andExpect(content().string(not(containsString("吴实名"))));
    mvc.perform(zh(post(page + "/payee")).with(as("heping.admin")).with(csrf()))
        .andExpect(content().string(containsString("id=\"payee-revealed\"")))
        .andExpect(content().string(containsString("吴实名")));
    mvc.perform(
            zh(post(page + "/pay")).with(as("heping.admin")).with(csrf()).param("method", "CASH"))
        .andExpect(flash().attribute("message", containsString("已完成")));
    assertThat(
            jdbc.sql("SELECT status FROM public_reward WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("PAID");
  }

  @Test
  void theRuleIsReadByTheStreetAndSetByTheDistrict() throws Exception {
    mvc.perform(zh(get("/public-rewards/rules")).with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"rule-inherited\"")))
        .andExpect(content().string(not(containsString("id=\"rule-save\""))));
    mvc.perform(get("/public-rewards/rules").with(as("heping.officer")))
        .andExpect(status().isForbidden());
    try {
      mvc.perform(
              zh(post("/public-rewards/rules"))
                  .with(as("heping.admin"))
                  .with(csrf())
                  .param("district", "120101")
                  .param("eligibleFindings", "MAJOR_HAZARD")
                  .param("finePercent", "15")
                  .param("minYuan", "3000")
                  .param("maxYuan", "300000")
                  .param("perDeathGeneral", "30000")
                  .param("perDeathLarger", "40000")
                  .param("perDeathMajor", "50000")
                  .param("perDeathEspecially", "60000")
                  .param("accidentCapYuan", "300000")
                  .param("claimDays", "0")
                  .param("objectionDays", "10"))
          .andExpect(flash().attribute("failure", containsString("领取期限须在 1 到 365 天之间")));
      assertThat(
              jdbc.sql("SELECT count(*) FROM public_reward_rule WHERE district_code = '120101'")
                  .query(Long.class)
                  .single())
          .isZero();
      mvc.perform(
              zh(post("/public-rewards/rules"))
                  .with(as("heping.admin"))
                  .with(csrf())
                  .param("district", "120101")
                  .param("eligibleFindings", "MAJOR_HAZARD", "ILLEGAL_OPERATION")
                  .param("finePercent", "20")
                  .param("minYuan", "5000")
                  .param("maxYuan", "300000")
                  .param("perDeathGeneral", "30000")
                  .param("perDeathLarger", "40000")
                  .param("perDeathMajor", "50000")
                  .param("perDeathEspecially", "60000")
                  .param("accidentCapYuan", "300000")
                  .param("claimDays", "90")
                  .param("objectionDays", "10")
                  .param("anonymousClaim", "true"))
          .andExpect(flash().attribute("message", containsString("已完成")));
      mvc.perform(zh(get("/public-rewards/rules")).with(as("heping.street")))
          .andExpect(content().string(not(containsString("id=\"rule-inherited\""))))
          .andExpect(content().string(containsString("value=\"90\"")));
    } finally {
      jdbc.sql("DELETE FROM public_reward_rule WHERE district_code = '120101'").update();
    }
  }
}
