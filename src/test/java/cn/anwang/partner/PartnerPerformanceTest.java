package cn.anwang.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * An organisation's performance on a small example counted by hand: four findings; A closed on
 * time, B closed after its deadline, C voided by the street, D not yet looked at. So findings 4,
 * confirmed 2 (A, B), voided 1, closed 2, on time 1, confirmed share 0.5, on-time rate 0.5.
 */
@IntegrationTest
class PartnerPerformanceTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    return new PartnerFixture(mvc, json).call(user, r, body, expect);
  }

  private void act(String user, long caseId, String action, Map<String, Object> body)
      throws Exception {
    call(user, post("/api/v1/cases/" + caseId + "/" + action), body, 200);
  }

  @Test
  void theFiguresOfASmallExampleMatchTheHandCount() throws Exception {
    long org =
        new PartnerFixture(mvc, json)
            .organisation("天津检测服务", "TESTING_INSPECTION", TODAY.minusYears(1), TODAY.plusYears(4));
    List<Long> objects =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 4 OFFSET 40")
            .query(Long.class)
            .list();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("organisationId", org);
    e.put("kind", "ENTERPRISE_HIRE");
    e.put("client", "天津某商贸有限公司");
    e.put("services", List.of("HAZARD_SURVEY"));
    e.put("contractRef", "HT-" + org);
    e.put("startsOn", TODAY.minusDays(1).toString());
    e.put("endsOn", TODAY.plusMonths(1).toString());
    e.put("objects", objects);
    long engagement =
        call("heping.admin", post("/api/v1/partner-engagements"), e, 201).get("id").asLong();
    String partner = new PartnerFixture(mvc, json).partnerAccount("检测员");
    call(
        "heping.admin",
        post("/api/v1/partners/" + org + "/users"),
        Map.of("username", partner),
        204);

    List<Long> cases = new ArrayList<>();
    for (long object : objects) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("engagementId", engagement);
      f.put("objectId", object);
      f.put("title", "消防通道堵塞");
      f.put("description", "检测发现消防通道堆放杂物");
      cases.add(call(partner, post("/api/v1/partner-findings"), f, 201).get("caseId").asLong());
    }
    long a = cases.get(0);
    long b = cases.get(1);
    long c = cases.get(2);
    for (long id : List.of(a, b)) {
      act("heping.street", id, "register", Map.of());
      act(
          "heping.street",
          id,
          "dispatch",
          Map.of("handlerType", "STREET", "handlerCode", "120101001"));
      act("heping.street", id, "accept", Map.of());
      act("heping.street", id, "feedback", Map.of("reason", "已清理"));
      act(
          "heping.officer",
          id,
          "reinspection",
          Map.of("passed", true, "reason", "复查合格", "lon", 117.19, "lat", 39.12));
    }
    // B's deadline has passed before it closes
    jdbc.sql("UPDATE safety_case SET due_at = now() - interval '1 day' WHERE id = ?")
        .param(b)
        .update();
    act("heping.street", a, "close", Map.of("reason", "结案"));
    act("heping.street", b, "close", Map.of("reason", "结案"));
    act("heping.street", c, "void", Map.of("reason", "经核实不属于隐患"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM partner_finding WHERE organisation_id = ?"
                                + " AND (closed_at IS NOT NULL OR voided_at IS NOT NULL)")
                        .param(org)
                        .query(Long.class)
                        .single()
                    == 3);

    call("heping.officer", get("/api/v1/partners/" + org + "/performance"), null, 403);
    call("heping.admin", get("/api/v1/partners/999999999/performance"), null, 404);
    JsonNode p = call("heping.street", get("/api/v1/partners/" + org + "/performance"), null, 200);
    JsonNode t = p.get("totals");
    assertThat(t.get("findings").asLong()).isEqualTo(4);
    assertThat(t.get("confirmed").asLong()).isEqualTo(2);
    assertThat(t.get("voided").asLong()).isEqualTo(1);
    assertThat(t.get("closed").asLong()).isEqualTo(2);
    assertThat(t.get("closedOnTime").asLong()).isEqualTo(1);
    assertThat(t.get("confirmedShare").asDouble()).isEqualTo(0.5);
    assertThat(t.get("onTimeRate").asDouble()).isEqualTo(0.5);
    assertThat(p.get("byEngagement")).hasSize(1);
    assertThat(p.get("byEngagement").get(0).get("figures").get("findings").asLong()).isEqualTo(4);
    // a period before: nothing
    JsonNode before =
        call(
            "heping.admin",
            get("/api/v1/partners/" + org + "/performance?from=2020-01-01&to=2020-12-31"),
            null,
            200);
    assertThat(before.get("totals").get("findings").asLong()).isZero();
    assertThat(before.get("totals").get("onTimeRate").isNull()).isTrue();
  }
}
