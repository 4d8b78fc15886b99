package cn.anwang.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Refusals in the caller's language (the API by {@code Accept-Language}, the pages zh-CN by default
 * and {@code ?lang=en}), and the keepers' changes after registration on the organisation's and the
 * engagement's pages: each made through the API's services, refused with its reason and nothing
 * written, closed to others (403) and to unknown or out-of-scope ids (404).
 */
@IntegrationTest
class PartnerPageFormsTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private PartnerPages pages;

  @BeforeEach
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
  void refusalsAreExplainedInTheCallersLanguage() throws Exception {
    long org =
        fixture()
            .organisation("天津语言测试服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(2));
    java.util.Map<String, Object> badPhone = java.util.Map.of("name", "张三", "phone", "12");
    // the API: English by default and for Accept-Language: en, Chinese for zh-CN
    JsonNode en =
        fixture()
            .call("heping.admin", post("/api/v1/partners/" + org + "/contacts"), badPhone, 422);
    assertThat(en.get("detail").asString())
        .isEqualTo("contacts.phone: a mobile number or a landline with its area code");
    assertThat(en.get("errors").get(0).get("field").asString()).isEqualTo("contacts.phone");
    JsonNode zh =
        fixture()
            .call(
                "heping.admin",
                post("/api/v1/partners/" + org + "/contacts").header("Accept-Language", "zh-CN"),
                badPhone,
                422);
    assertThat(zh.get("detail").asString()).isEqualTo("contacts.phone: 应为手机号码或带区号的固定电话");
    assertThat(zh.get("errors").get(0).get("message").asString()).isEqualTo("应为手机号码或带区号的固定电话");
    JsonNode missing =
        fixture()
            .call(
                "heping.admin",
                get("/api/v1/partner-engagements/999999999").header("Accept-Language", "zh-CN"),
                null,
                404);
    assertThat(missing.get("title").asString()).isEqualTo("Not found");
    assertThat(missing.get("detail").asString()).isEqualTo("服务项目“999999999”不存在或不在您的范围内");
    JsonNode missingEn =
        fixture()
            .call(
                "heping.admin",
                get("/api/v1/partner-engagements/999999999").header("Accept-Language", "en"),
                null,
                404);
    assertThat(missingEn.get("detail").asString())
        .isEqualTo("Engagement '999999999' does not exist or is outside your scope");

    // a page form: Chinese by default, English with ?lang=en
    String zhPage =
        page(
                "heping.admin",
                post("/partner-engagements/new")
                    .param("organisationId", Long.toString(org))
                    .param("kind", "GOVERNMENT_PURCHASE")
                    .param("services", "HAZARD_SURVEY")
                    .param("client", "和平区应急管理局")
                    .param("contractRef", "LANG-1")
                    .param("startsOn", "明天"),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(zhPage).contains("未能保存：开始日期（不是日期：明天）");
    String enPage =
        page(
                "heping.admin",
                post("/partner-engagements/new?lang=en")
                    .param("organisationId", Long.toString(org))
                    .param("kind", "GOVERNMENT_PURCHASE")
                    .param("services", "HAZARD_SURVEY")
                    .param("client", "Client")
                    .param("contractRef", "LANG-1")
                    .param("startsOn", TODAY.toString())
                    .param("endsOn", TODAY.minusDays(1).toString()),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(enPage)
        .contains("Not saved: Ends on (startsOn and endsOn, endsOn not before startsOn)");
    String zhUscc =
        page("heping.admin", post("/partners/new").param("name", "表单机构").param("uscc", "123"), 200)
            .getResponse()
            .getContentAsString();
    assertThat(zhUscc).contains("统一社会信用代码应为 18 位，当前为 3 位。");
  }

  @Test
  void keepersChangeTheRegistryAndEndEngagementsOnThePages() throws Exception {
    long org =
        fixture()
            .organisation("天津页面维护服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(2));
    String base = "/partners/" + org;
    assertThat(html("heping.admin", base)).contains("id=\"qualification-form\"");
    assertThat(html("heping.street", base)).doesNotContain("id=\"partner-edit\"");

    // a qualification: refused with a reason in Chinese, nothing written; then added and removed
    String refused =
        page(
                "heping.admin",
                post(base + "/qualifications")
                    .param("qualType", "TESTING_INSPECTION")
                    .param("certificateNo", "JC-" + org)
                    .param("issuer", "天津市应急管理局")
                    .param("validFrom", TODAY.toString())
                    .param("validTo", TODAY.minusDays(1).toString()),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("id=\"partner-failure\"").contains("有效期至不得早于有效期起");
    assertThat(count("partner_qualification", org)).isEqualTo(1);
    String added =
        page(
                "heping.admin",
                post(base + "/qualifications")
                    .param("qualType", "TESTING_INSPECTION")
                    .param("certificateNo", "JC-" + org)
                    .param("issuer", "天津市应急管理局")
                    .param("validFrom", TODAY.toString())
                    .param("validTo", TODAY.plusYears(5).toString()),
                302)
            .getResponse()
            .getRedirectedUrl();
    assertThat(added).isEqualTo(base + "?changed");
    assertThat(count("partner_qualification", org)).isEqualTo(2);
    long q =
        jdbc.sql("SELECT id FROM partner_qualification WHERE certificate_no = ?")
            .param("JC-" + org)
            .query(Long.class)
            .single();
    page("heping.street", post(base + "/qualifications/" + q + "/remove"), 403);
    page("heping.admin", post(base + "/qualifications/" + q + "/remove"), 302);
    assertThat(count("partner_qualification", org)).isEqualTo(1);
    page("heping.admin", post("/partners/999999999/qualifications/" + q + "/remove"), 404);

    // a contact: a bad phone refused in English, then added
    String refusedEn =
        page(
                "heping.admin",
                post(base + "/contacts?lang=en")
                    .param("contactName", "Li")
                    .param("contactPhone", "12"),
                200)
            .getResponse()
            .getContentAsString();
    assertThat(refusedEn).contains("a mobile number or a landline with its area code");
    assertThat(count("partner_contact", org)).isZero();
    page(
        "heping.admin",
        post(base + "/contacts").param("contactName", "李四").param("contactPhone", "13812345678"),
        302);
    assertThat(count("partner_contact", org)).isEqualTo(1);
    page("heping.admin", post("/partners/999999999/contacts").param("contactName", "x"), 404);

    // the blacklist: a reason is required; on, then off
    assertThat(
            page("heping.admin", post(base + "/blacklist").param("action", "on"), 200)
                .getResponse()
                .getContentAsString())
        .contains("未能保存：原因（必填）");
    assertThat(blacklisted(org)).isFalse();
    page(
        "heping.admin",
        post(base + "/blacklist").param("action", "on").param("reason", "弄虚作假"),
        302);
    assertThat(blacklisted(org)).isTrue();
    assertThat(html("heping.admin", base)).contains("弄虚作假");
    page("heping.admin", post(base + "/blacklist").param("action", "off"), 302);
    assertThat(blacklisted(org)).isFalse();
    page("xiqing.admin", post(base + "/blacklist").param("action", "on").param("reason", "x"), 403);

    // a partner account: an officer refused, then the partner account granted
    assertThat(
            page("heping.admin", post(base + "/users").param("username", "heping.officer"), 200)
                .getResponse()
                .getContentAsString())
        .contains("该账号须为第三方机构角色");
    String partner = fixture().partnerAccount("页面授予");
    page("heping.admin", post(base + "/users").param("username", partner), 302);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM partner_user u JOIN app_user a ON a.id = u.user_id"
                        + " WHERE a.username = ? AND u.organisation_id = ?")
                .params(partner, org)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    page("heping.admin", post("/partners/999999999/users").param("username", partner), 404);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE target_type = 'partner_organisation'"
                        + " AND target_id = ? AND action IN"
                        + " ('partner.qualification.add', 'partner.qualification.remove',"
                        + " 'partner.contact.add', 'partner.blacklist', 'partner.unblacklist',"
                        + " 'partner.user.grant')")
                .param(Long.toString(org))
                .query(Long.class)
                .single())
        .isEqualTo(6);

    // an engagement ended early: a reason is required; others 403/404; then ended once
    long object =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    long engagement = fixture().engagement(org, List.of(), List.of(object));
    String e = "/partner-engagements/" + engagement;
    assertThat(html("heping.admin", e)).contains("id=\"engagement-end-form\"");
    assertThat(html("heping.street", e)).doesNotContain("id=\"engagement-end-form\"");
    assertThat(
            page("heping.admin", post(e + "/end?lang=en"), 200).getResponse().getContentAsString())
        .contains("id=\"engagement-failure\"")
        .contains("Not saved: Reason (required)");
    page("heping.street", post(e + "/end").param("reason", "x"), 403);
    page("xiqing.admin", post(e + "/end").param("reason", "x"), 404);
    assertThat(ended(engagement)).isFalse();
    page("heping.admin", post(e + "/end").param("reason", "合同解除"), 302);
    assertThat(ended(engagement)).isTrue();
    assertThat(
            page("heping.admin", post(e + "/end").param("reason", "再次"), 200)
                .getResponse()
                .getContentAsString())
        .contains("服务项目 " + engagement + " 已终止");
  }

  private long count(String table, long org) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE organisation_id = ?")
        .param(org)
        .query(Long.class)
        .single();
  }

  private boolean blacklisted(long org) {
    return jdbc.sql("SELECT blacklisted FROM partner_organisation WHERE id = ?")
        .param(org)
        .query(Boolean.class)
        .single();
  }

  private boolean ended(long engagement) {
    return jdbc.sql("SELECT ended_at IS NOT NULL FROM partner_engagement WHERE id = ?")
        .param(engagement)
        .query(Boolean.class)
        .single();
  }
}
