package cn.anwang.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A partner user works only inside his organisation's engagements: he sees them and their objects,
 * everything else is 404; his finding becomes a case of source THIRD_PARTY that he then sees and
 * the street dispatches.
 */
@IntegrationTest
class PartnerWorkTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    return new PartnerFixture(mvc, json).call(user, r, body, expect);
  }

  private long organisation() throws Exception {
    return new PartnerFixture(mvc, json)
        .organisation("天津第三方安全服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(4));
  }

  private long engagement(long org, List<String> grids, List<Long> objects) throws Exception {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("organisationId", org);
    e.put("kind", "GOVERNMENT_PURCHASE");
    e.put("client", "和平区应急管理局");
    e.put("services", List.of("HAZARD_SURVEY"));
    e.put("contractRef", "HPYJ-2026-" + org);
    e.put("startsOn", TODAY.minusDays(1).toString());
    e.put("endsOn", TODAY.plusMonths(3).toString());
    e.put("grids", grids);
    e.put("objects", objects);
    return call("heping.admin", post("/api/v1/partner-engagements"), e, 201).get("id").asLong();
  }

  private static Map<String, Object> finding(long engagement, long object, String key) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("engagementId", engagement);
    f.put("objectId", object);
    f.put("type", "GENERAL_HAZARD");
    f.put("title", "配电箱未接地");
    f.put("description", "仓库配电箱外壳未接地，线路老化");
    f.put("idempotencyKey", key);
    return f;
  }

  @Test
  void aPartnerWorksOnlyInsideItsEngagement() throws Exception {
    String partner = new PartnerFixture(mvc, json).partnerAccount("第三方检查员");

    List<Long> street =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 2")
            .query(Long.class)
            .list();
    String grid =
        jdbc.sql("SELECT grid_code FROM supervised_object WHERE id = ?")
            .param(street.get(1))
            .query(String.class)
            .single();
    long outside =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' AND grid_code <> ? AND id <> ? ORDER BY id LIMIT 1")
            .params(grid, street.get(0))
            .query(Long.class)
            .single();
    long org = organisation();
    long mine = engagement(org, List.of(grid), List.of(street.get(0)));
    long other = engagement(organisation(), List.of(), List.of(outside));

    // granting the account
    call(
        "heping.street",
        post("/api/v1/partners/" + org + "/users"),
        Map.of("username", partner),
        403);
    call(
        "heping.admin",
        post("/api/v1/partners/" + org + "/users"),
        Map.of("username", "heping.officer"),
        422);
    call(
        "heping.admin",
        post("/api/v1/partners/" + org + "/users"),
        Map.of("username", partner),
        204);

    // the partner sees his engagement and its objects, nothing else
    JsonNode list = call(partner, get("/api/v1/partner-engagements"), null, 200);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(mine);
    call(partner, get("/api/v1/partner-engagements/" + other), null, 404);
    call(partner, get("/api/v1/partner-engagements/" + other + "/objects"), null, 404);
    call(partner, get("/api/v1/partners"), null, 403);
    String objects =
        call(partner, get("/api/v1/partner-engagements/" + mine + "/objects"), null, 200)
            .toString();
    assertThat(objects).contains("\"id\":" + street.get(0)).contains("\"id\":" + street.get(1));

    // findings outside the engagement do not exist for him
    call(partner, post("/api/v1/partner-findings"), finding(mine, outside, null), 404);
    call(partner, post("/api/v1/partner-findings"), finding(other, outside, null), 404);
    Map<String, Object> badType = finding(mine, street.get(0), null);
    badType.put("type", "SOMETHING");
    call(partner, post("/api/v1/partner-findings"), badType, 422);
    call(
        "heping.officer",
        post("/api/v1/partner-findings"),
        finding(mine, street.get(0), null),
        403);

    // a finding becomes a case of source THIRD_PARTY, once for a retried key
    String key = "f-" + System.nanoTime();
    JsonNode recorded =
        call(partner, post("/api/v1/partner-findings"), finding(mine, street.get(0), key), 201);
    long caseId = recorded.get("caseId").asLong();
    JsonNode again =
        call(partner, post("/api/v1/partner-findings"), finding(mine, street.get(0), key), 201);
    assertThat(again.get("caseId").asLong()).isEqualTo(caseId);
    assertThat(again.get("created").asBoolean()).isFalse();
    assertThat(
            jdbc.sql("SELECT source FROM safety_case WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("THIRD_PARTY");
    assertThat(
            jdbc.sql("SELECT count(*) FROM partner_finding WHERE case_id = ?")
                .param(caseId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // at an object of a listed grid too
    call(partner, post("/api/v1/partner-findings"), finding(mine, street.get(1), null), 201);

    // he sees the case he raised, not others; the street dispatches it
    call(partner, get("/api/v1/cases/" + caseId), null, 200);
    long someoneElses =
        call(
                "heping.officer",
                post("/api/v1/cases"),
                Map.of(
                    "type", "GENERAL_HAZARD",
                    "source", "OFFICER_INSPECTION",
                    "objectId", street.get(0),
                    "title", "灭火器过期",
                    "description", "巡查发现灭火器压力不足"),
                201)
            .get("id")
            .asLong();
    call(partner, get("/api/v1/cases/" + someoneElses), null, 404);
    call("heping.street", post("/api/v1/cases/" + caseId + "/register"), Map.of(), 200);
    JsonNode dispatched =
        call(
            "heping.street",
            post("/api/v1/cases/" + caseId + "/dispatch"),
            Map.of("handlerType", "STREET", "handlerCode", "120101001"),
            200);
    assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
  }
}
