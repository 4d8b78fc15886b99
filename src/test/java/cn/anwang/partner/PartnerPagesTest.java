package cn.anwang.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The registry's, the engagements' and the partner user's pages in zh-CN and English: the
 * registry's readers see organisations, qualifications, engagements and performance; a partner user
 * sees only his engagement, fills its checklist and finds the cases made; other organisations'
 * pages and the registry are closed to him.
 */
@IntegrationTest
class PartnerPagesTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private PartnerPages pages;

  @org.junit.jupiter.api.BeforeEach
  void sessions() {
    pages = new PartnerPages(mvc);
  }

  private PartnerFixture fixture() {
    return new PartnerFixture(mvc, json);
  }

  private MvcResult page(String user, MockHttpServletRequestBuilder r, int expect)
      throws Exception {
    return pages.page(user, r, expect);
  }

  private String html(String user, String path) throws Exception {
    return pages.html(user, path);
  }

  @Test
  void theRegistryAndEngagementPagesInBothLanguages() throws Exception {
    long org =
        fixture()
            .organisation("天津页面测试服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusDays(20));
    long object =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    long engagement = fixture().engagement(org, List.of(), List.of(object));

    String list = html("heping.admin", "/partners?q=" + "页面测试");
    assertThat(list).contains("机构名录").contains("/partners/" + org).contains("资质即将到期");
    assertThat(html("heping.admin", "/partners?lang=en"))
        .contains("Organisation registry")
        .contains("Qualification expiring");
    String detail = html("heping.street", "/partners/" + org);
    assertThat(detail)
        .contains("安全评价")
        .contains("即将到期")
        .contains("HPYJ-2026-" + org)
        .contains("履职情况");
    assertThat(html("heping.street", "/partners/" + org + "?lang=en"))
        .contains("Safety assessment")
        .contains("Days left")
        .contains("Performance");
    page("heping.admin", get("/partners/999999999"), 404);
    page("heping.officer", get("/partners"), 403);

    assertThat(html("heping.admin", "/partner-engagements"))
        .contains("服务项目")
        .contains("/partner-engagements/" + engagement);
    assertThat(html("heping.admin", "/partner-engagements/" + engagement + "?lang=en"))
        .contains("Government purchase")
        .contains("Hazard survey");
    page("xiqing.admin", get("/partner-engagements/" + engagement), 404);

    // registering on the form: a refusal comes back on it, naming the field; then the detail
    String refused =
        page("heping.admin", post("/partners/new").param("name", "表单机构").param("uscc", "123"), 200)
            .getResponse()
            .getContentAsString();
    assertThat(refused)
        .contains("id=\"partner-failure\"")
        .contains("统一社会信用代码")
        .contains("value=\"表单机构\"");
    String refusedEn =
        page(
                "heping.admin",
                post("/partners/new?lang=en").param("name", "Form org").param("uscc", "123"),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(refusedEn).contains("Not saved: Unified social credit code");
    page("heping.street", post("/partners/new").param("name", "x"), 403);
    String refusedEngagement =
        page(
                "heping.admin",
                post("/partner-engagements/new").param("organisationId", Long.toString(org)),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(refusedEngagement).contains("id=\"engagement-failure\"");
  }

  @Test
  void aPartnerUserWorksOnlyInHisEngagementOnThePages() throws Exception {
    String partner = fixture().partnerAccount("页面检查员");
    List<Long> street =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 2")
            .query(Long.class)
            .list();
    long org =
        fixture()
            .organisation("天津页面工作服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(3));
    long otherOrg =
        fixture()
            .organisation("天津别家服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(3));
    long mine = fixture().engagement(org, List.of(), List.of(street.get(0)));
    long other = fixture().engagement(otherOrg, List.of(), List.of(street.get(1)));
    fixture().grant(org, partner);

    assertThat(html(partner, "/partner/work"))
        .contains("我的服务项目")
        .contains("/partner/work/" + mine)
        .doesNotContain("/partner/work/" + other);
    assertThat(html(partner, "/partner/work?lang=en"))
        .contains("My engagements")
        .contains("No findings yet");
    assertThat(html(partner, "/partner/work/" + mine))
        .contains("/partner/work/" + mine + "/objects/" + street.get(0));
    page(partner, get("/partner/work/" + other), 404);
    page(partner, get("/partner/work/" + mine + "/objects/" + street.get(1)), 404);
    page(partner, get("/partners"), 403);
    page(partner, get("/partners/" + otherOrg), 403);
    page(partner, get("/partner-engagements"), 403);
    page("heping.admin", get("/partner/work"), 403);

    // the checklist form: a missing answer is refused on the form; a NO makes a case
    String path = "/partner/work/" + mine + "/objects/" + street.get(0);
    String form = html(partner, path);
    assertThat(form).contains("id=\"checklist-form\"").contains("不符合");
    JsonNode checklist =
        fixture()
            .call(
                partner,
                get(
                    "/api/v1/partner-engagements/"
                        + mine
                        + "/objects/"
                        + street.get(0)
                        + "/checklist"),
                null,
                200);
    MockHttpServletRequestBuilder submit =
        post(path).param("clientId", "page-" + System.nanoTime());
    boolean first = true;
    for (JsonNode item : checklist.get("items")) {
      if ("YES_NO_NA".equals(item.get("answerType").asString())) {
        String key = item.get("key").asString();
        submit.param("answer-" + key, first ? "NO" : "YES");
        if (first) {
          submit.param("note-" + key, "页面上发现的问题");
        }
        first = false;
      }
    }
    String refused =
        page(partner, post(path).param("clientId", "page-empty-" + System.nanoTime()), 200)
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("id=\"checklist-failure\"").contains("检查项");
    String location = page(partner, submit, 302).getResponse().getRedirectedUrl();
    assertThat(location).contains("submitted=1");
    String number =
        jdbc.sql("SELECT case_number FROM partner_finding WHERE organisation_id = ?")
            .param(org)
            .query(String.class)
            .single();
    assertThat(html(partner, "/partner/work?submitted=1"))
        .contains(number)
        .contains("已上报")
        .contains("已提交");
    assertThat(html(partner, "/partner/work?lang=en")).contains(number).contains("Reported");
  }
}
