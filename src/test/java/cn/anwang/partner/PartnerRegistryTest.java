package cn.anwang.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.uscc.UsccGenerator;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The third-party registry over HTTP: registration with the code checked and its qualifications and
 * contacts all or nothing, the qualifications' state on today's date, contacts masked for those who
 * do not keep the organisation, who may change what, the blacklist, each change audited.
 */
@IntegrationTest
class PartnerRegistryTest {

  static final String DEMO = "anwang-demo-2026";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private final UsccGenerator codes = new UsccGenerator(new Random());

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    if (body != null) {
      r = r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    String out =
        mvc.perform(r.with(httpBasic(user, "admin".equals(user) ? "admin-test-password" : DEMO)))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return out.isEmpty() ? null : json.readTree(out);
  }

  private static Map<String, Object> qualification(String no, LocalDate to) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("type", "SAFETY_ASSESSMENT");
    q.put("certificateNo", no);
    q.put("scope", "金属冶炼、危险化学品生产储存");
    q.put("issuer", "天津市应急管理局");
    q.put("validFrom", to.minusYears(5).toString());
    q.put("validTo", to.toString());
    return q;
  }

  private Map<String, Object> organisation(String uscc, List<Map<String, Object>> qs) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("uscc", uscc);
    o.put("name", "天津安评技术服务有限公司" + uscc.substring(12));
    o.put("address", "天津市和平区南京路 1 号");
    o.put("qualifications", qs);
    o.put("contacts", List.of(Map.of("name", "陈经理", "duty", "项目负责人", "phone", "13812345678")));
    return o;
  }

  @Test
  void anOrganisationIsRegisteredWithItsQualificationsAndContacts() throws Exception {
    String uscc = codes.nextEnterprise("120101");
    String cert = "APJ-(津)-" + System.nanoTime();
    // bad inputs refuse everything
    call(
        "heping.admin",
        post("/api/v1/partners"),
        organisation("91120101MA05X0000X", List.of()),
        422);
    Map<String, Object> badDates = qualification(cert, TODAY);
    badDates.put("validFrom", TODAY.plusDays(1).toString());
    call("heping.admin", post("/api/v1/partners"), organisation(uscc, List.of(badDates)), 422);
    Map<String, Object> badPhone = organisation(uscc, List.of());
    badPhone.put("contacts", List.of(Map.of("name", "陈经理", "phone", "12345")));
    call("heping.admin", post("/api/v1/partners"), badPhone, 422);
    assertThat(
            jdbc.sql("SELECT count(*) FROM partner_organisation WHERE uscc = ?")
                .param(uscc)
                .query(Long.class)
                .single())
        .isZero();
    // only the city and district administrators register
    call("heping.street", post("/api/v1/partners"), organisation(uscc, List.of()), 403);
    call("heping.officer", get("/api/v1/partners"), null, 403);

    JsonNode o =
        call(
            "heping.admin",
            post("/api/v1/partners"),
            organisation(
                uscc,
                List.of(
                    qualification(cert, TODAY.plusDays(30)),
                    qualification(cert + "-B", TODAY.plusYears(3)))),
            201);
    long id = o.get("id").asLong();
    assertThat(o.get("registeredDistrict").asString()).isEqualTo("120101");
    assertThat(o.get("warning").asString()).isEqualTo("EXPIRING");
    assertThat(o.get("qualifications").get(0).get("status").asString()).isEqualTo("EXPIRING");
    assertThat(o.get("qualifications").get(0).get("daysLeft").asLong()).isEqualTo(30);
    assertThat(o.get("qualifications").get(1).get("status").asString()).isEqualTo("VALID");
    assertThat(o.get("contacts").get(0).get("phone").asString()).isEqualTo("13812345678");
    // the same code or certificate again: 409
    call("heping.admin", post("/api/v1/partners"), organisation(uscc, List.of()), 409);
    call(
        "heping.admin",
        post("/api/v1/partners/" + id + "/qualifications"),
        qualification(cert, TODAY.plusYears(1)),
        409);

    // others read it with the phone masked; another district may not change it
    JsonNode seen = call("xiqing.admin", get("/api/v1/partners/" + id), null, 200);
    assertThat(seen.get("contacts").get(0).get("phone").asString()).isEqualTo("138****5678");
    assertThat(
            call("heping.street", get("/api/v1/partners?q=" + uscc.substring(12)), null, 200)
                .toString())
        .contains(uscc)
        .doesNotContain("13812345678");
    call("xiqing.admin", put("/api/v1/partners/" + id), Map.of("name", "改名", "address", "x"), 403);
    call("heping.admin", put("/api/v1/partners/" + id), Map.of("name", "新名", "version", 99), 409);
    call("admin", put("/api/v1/partners/" + id), Map.of("name", "天津安评新名称"), 200);

    // the expiring list; the blacklist needs a reason and takes it out of that list
    assertThat(
            call("heping.street", get("/api/v1/partner-qualifications/expiring?days=60"), null, 200)
                .toString())
        .contains(cert);
    call("heping.admin", post("/api/v1/partners/" + id + "/blacklist"), Map.of("reason", " "), 422);
    JsonNode black =
        call(
            "heping.admin",
            post("/api/v1/partners/" + id + "/blacklist"),
            Map.of("reason", "出具虚假评价报告"),
            200);
    assertThat(black.get("blacklisted").asBoolean()).isTrue();
    assertThat(
            call("heping.street", get("/api/v1/partner-qualifications/expiring?days=60"), null, 200)
                .toString())
        .doesNotContain(cert);
    assertThat(call("heping.admin", get("/api/v1/partners?blacklisted=true"), null, 200).toString())
        .contains(uscc);
    call("heping.admin", delete("/api/v1/partners/" + id + "/blacklist"), null, 200);

    // removing the valid qualification leaves only the lapsing one; removing both: no qualification
    long valid = o.get("qualifications").get(1).get("id").asLong();
    long lapsing = o.get("qualifications").get(0).get("id").asLong();
    call("heping.admin", delete("/api/v1/partners/" + id + "/qualifications/" + valid), null, 200);
    JsonNode none =
        call(
            "heping.admin",
            delete("/api/v1/partners/" + id + "/qualifications/" + lapsing),
            null,
            200);
    assertThat(none.get("warning").asString()).isEqualTo("NO_QUALIFICATION");
    call(
        "heping.admin", delete("/api/v1/partners/" + id + "/qualifications/" + lapsing), null, 404);
    call("heping.admin", get("/api/v1/partners/999999999"), null, 404);

    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE target_id = ? AND action LIKE 'partner.%'")
                .param(Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(6); // register, rename, blacklist, off it, two removals
    assertThat(
            jdbc.sql("SELECT phone_enc FROM partner_contact WHERE organisation_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .doesNotContain("13812345678");
  }
}
