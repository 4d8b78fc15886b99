package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The loop over HTTP with the demo users of 和平区, on the embedded PostgreSQL. */
@IntegrationTest
class CaseApiTest {

  static final String PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private static RequestPostProcessor as(String username) {
    return httpBasic(username, PASSWORD);
  }

  /** An operating, not directly supervised object of 劝业场街道 with a responsible department. */
  private long objectInHepingStreet() {
    return jdbc.sql(
            """
            SELECT o.id FROM supervised_object o
             WHERE o.street_code = '120101001' AND o.status = 'OPERATING' AND NOT o.direct_supervision
               AND EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id)
             ORDER BY o.id LIMIT 1
            """)
        .query(Long.class)
        .single();
  }

  private JsonNode report(String user, String type, long objectId, String key) throws Exception {
    var request =
        post("/api/v1/cases")
            .with(as(user))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                json.writeValueAsString(
                    Map.of(
                        "type", type,
                        "source", "OFFICER_INSPECTION",
                        "objectId", objectId,
                        "title", "灭火器过期",
                        "description", "巡查发现两具灭火器压力不足")));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    String body = mvc.perform(request).andReturn().getResponse().getContentAsString();
    return json.readTree(body);
  }

  private JsonNode act(String user, long id, String action, Map<String, Object> body, int expect)
      throws Exception {
    String response =
        mvc.perform(
                post("/api/v1/cases/" + id + "/" + action)
                    .with(as(user))
                    .header("Accept-Language", "zh-CN")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  @Test
  void aGeneralHazardGoesRoundTheLoopAsOfficerStreetAndDepartment() throws Exception {
    long object = objectInHepingStreet();
    String key = UUID.randomUUID().toString();
    JsonNode first = report("heping.officer", "GENERAL_HAZARD", object, key);
    long id = first.get("id").asLong();
    assertThat(first.get("status").asText()).isEqualTo("REPORTED");
    assertThat(first.get("number").asText()).matches("120101-\\d{4}-\\d{6}");
    assertThat(first.get("light").asText()).isEqualTo("GREEN");

    // the phone retries four more times: still one case
    for (int i = 0; i < 4; i++) {
      assertThat(report("heping.officer", "GENERAL_HAZARD", object, key).get("id").asLong())
          .isEqualTo(id);
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM safety_case WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    act("heping.street", id, "register", Map.of(), 200);
    JsonNode dispatched =
        act(
            "heping.street",
            id,
            "dispatch",
            Map.of("handlerType", "DEPARTMENT", "handlerCode", "120101-YJ"),
            200);
    assertThat(dispatched.get("dueAt").isNull()).isFalse();
    // the department says it is not theirs
    act("heping.yingji", id, "return", Map.of("reason", "不属于本部门职责"), 200);
    act(
        "heping.street",
        id,
        "dispatch",
        Map.of("handlerType", "STREET", "handlerCode", "120101001"),
        200);
    act("heping.street", id, "accept", Map.of(), 200);
    act("heping.street", id, "feedback", Map.of("reason", "已更换灭火器"), 200);
    // the officer re-inspects on site and finds it not done
    act(
        "heping.officer",
        id,
        "reinspection",
        Map.of("passed", false, "reason", "仍有一具未更换", "lon", 117.19, "lat", 39.12),
        200);
    act("heping.street", id, "feedback", Map.of("reason", "全部更换"), 200);
    act(
        "heping.officer",
        id,
        "reinspection",
        Map.of("passed", true, "reason", "复查合格", "lon", 117.19, "lat", 39.12),
        200);
    JsonNode closed = act("heping.street", id, "close", Map.of("reason", "结案"), 200);

    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("reworkCount").asInt()).isEqualTo(1);
    assertThat(closed.get("wrongDispatchCount").asInt()).isEqualTo(1);
    assertThat(closed.get("closedOnTime").asBoolean()).isTrue();
    List<String> actions = new ArrayList<>();
    closed.get("timeline").forEach(e -> actions.add(e.get("action").asText()));
    assertThat(actions)
        .containsExactly(
            "REPORT",
            "REGISTER",
            "DISPATCH",
            "RETURN",
            "DISPATCH",
            "ACCEPT",
            "FEEDBACK",
            "REWORK",
            "FEEDBACK",
            "REINSPECT_PASS",
            "CLOSE");
    JsonNode rework = closed.get("timeline").get(7);
    assertThat(rework.get("actorName").asText()).isNotBlank();
    assertThat(rework.get("data").get("lon").asDouble()).isEqualTo(117.19);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE target_type = 'case' AND target_id = ?")
                .param(closed.get("number").asText())
                .query(Long.class)
                .single())
        .isEqualTo(11L);
  }

  @Test
  void anActionNotAllowedFromTheStatusIs409WithTheReasonInTheCallersLanguage() throws Exception {
    long id =
        report("heping.officer", "GENERAL_HAZARD", objectInHepingStreet(), null).get("id").asLong();
    mvc.perform(
            post("/api/v1/cases/" + id + "/close")
                .with(as("heping.street"))
                .header("Accept-Language", "zh-CN")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value("REPORTED"))
        .andExpect(jsonPath("$.action").value("CLOSE"))
        .andExpect(jsonPath("$.allowedFrom[0]").value("REINSPECTED"))
        .andExpect(jsonPath("$.detail").value("案件当前状态为“已上报”，不能执行“结案”"));
    mvc.perform(
            post("/api/v1/cases/" + id + "/feedback")
                .with(as("heping.street"))
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"x\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("while the case is \"Reported\"")));
    // voiding needs a reason: 422 naming the field
    mvc.perform(
            post("/api/v1/cases/" + id + "/void")
                .with(as("heping.street"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\" \"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("reason"));
    // an officer may not register
    mvc.perform(
            post("/api/v1/cases/" + id + "/register")
                .with(as("heping.officer"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void casesAreScopedToTheTerritoryAndTheHandlingDepartment() throws Exception {
    long id =
        report("heping.officer", "GENERAL_HAZARD", objectInHepingStreet(), null).get("id").asLong();
    mvc.perform(get("/api/v1/cases/" + id).with(as("xiqing.street")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases").with(as("xiqing.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
    mvc.perform(get("/api/v1/cases/" + id).with(as("heping.yingji")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases?open=true").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
    act("heping.street", id, "register", Map.of(), 200);
    act(
        "heping.street",
        id,
        "dispatch",
        Map.of("handlerType", "DEPARTMENT", "handlerCode", "120101-YJ"),
        200);
    mvc.perform(get("/api/v1/cases/" + id).with(as("heping.yingji"))).andExpect(status().isOk());
    // a department of another district cannot be the handler
    long other =
        report("heping.officer", "GENERAL_HAZARD", objectInHepingStreet(), null).get("id").asLong();
    act("heping.street", other, "register", Map.of(), 200);
    JsonNode refused =
        act(
            "heping.street",
            other,
            "dispatch",
            Map.of("handlerType", "DEPARTMENT", "handlerCode", "120111-YJ"),
            422);
    assertThat(refused.get("fields").get(0).get("field").asText()).isEqualTo("handlerCode");
  }

  @Test
  void withoutAHandlerTheObjectsDepartmentIsSuggestedAndUsed() throws Exception {
    long object = objectInHepingStreet();
    long id = report("heping.officer", "ILLEGAL_OPERATION", object, null).get("id").asLong();
    JsonNode registered = act("heping.street", id, "register", Map.of(), 200);
    String suggested = registered.get("suggestedHandler").get("handlerCode").asText();
    List<String> departments =
        jdbc.sql("SELECT department_code FROM object_department WHERE object_id = ?")
            .param(object)
            .query(String.class)
            .list();
    assertThat(departments).contains(suggested);
    JsonNode dispatched = act("heping.street", id, "dispatch", Map.of(), 200);
    assertThat(dispatched.get("handlerCode").asText()).isEqualTo(suggested);
    // the officer records the stop order; without enforcement power no penalty
    act("heping.officer", id, "stop-order", Map.of("reason", "责令立即停止"), 200);
    JsonNode penalty = act("heping.officer", id, "penalty", Map.of("reason", "罚款"), 409);
    assertThat(penalty.get("rule").asText()).isEqualTo("casework.rule.noEnforcementPower");
  }

  @Test
  void twoConcurrentTransitionsOnOneCaseOneWinsTheOtherGets409() throws Exception {
    long id =
        report("heping.officer", "GENERAL_HAZARD", objectInHepingStreet(), null).get("id").asLong();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    int clients = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<ResponseEntity<String>>> results = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        Callable<ResponseEntity<String>> call =
            () -> {
              start.await();
              return rest.withBasicAuth("heping.street", PASSWORD)
                  .postForEntity(
                      "/api/v1/cases/" + id + "/register",
                      new HttpEntity<>("{\"version\":0}", headers),
                      String.class);
            };
        results.add(pool.submit(call));
      }
      start.countDown();
      int ok = 0;
      int conflict = 0;
      for (Future<ResponseEntity<String>> f : results) {
        int code = f.get().getStatusCode().value();
        if (code == 200) {
          ok++;
        } else if (code == 409) {
          conflict++;
        }
      }
      assertThat(ok).isEqualTo(1);
      assertThat(conflict).isEqualTo(clients - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = ? AND action = 'REGISTER'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  @Test
  void theSameIdempotencyKeySentEightTimesAtOnceMakesOneCase() throws Exception {
    long object = objectInHepingStreet();
    String key = UUID.randomUUID().toString();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", key);
    String body =
        json.writeValueAsString(
            Map.of(
                "type", "GENERAL_HAZARD",
                "source", "OFFICER_INSPECTION",
                "objectId", object,
                "title", "重复提交",
                "description", "手机网络不稳定时重复提交"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<ResponseEntity<String>>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return rest.withBasicAuth("heping.officer", PASSWORD)
                      .postForEntity(
                          "/api/v1/cases", new HttpEntity<>(body, headers), String.class);
                }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      for (Future<ResponseEntity<String>> f : results) {
        ResponseEntity<String> r = f.get();
        codes.add(r.getStatusCode().value());
        ids.add(json.readTree(r.getBody()).get("id").asLong());
      }
      assertThat(codes).containsOnly(200, 201).filteredOn(c -> c == 201).hasSize(1);
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM safety_case WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  @Test
  void aMajorHazardPlanMustHaveEveryPartAndOnlyTheDistrictCloses() throws Exception {
    long id =
        report("heping.officer", "MAJOR_HAZARD", objectInHepingStreet(), null).get("id").asLong();
    act("heping.street", id, "register", Map.of(), 200);
    act(
        "heping.street",
        id,
        "dispatch",
        Map.of("handlerType", "STREET", "handlerCode", "120101001"),
        200);
    JsonNode incomplete =
        act("heping.street", id, "plan", Map.of("plan", Map.of("goals", "消除隐患")), 422);
    assertThat(incomplete.get("detail").asText()).contains("funds").contains("emergencyPlan");
    act("heping.street", id, "accept", Map.of(), 200);
    act(
        "heping.street",
        id,
        "plan",
        Map.of(
            "plan",
            Map.of(
                "goals", "消除粉尘爆炸风险",
                "measures", "加装除尘设施",
                "funds", "30万元",
                "people", "企业主要负责人",
                "deadline", "2026-12-31",
                "safetyMeasures", "停产整改期间断电",
                "emergencyPlan", "粉尘爆炸事故应急预案")),
        200);
    act("heping.street", id, "feedback", Map.of("reason", "整改完成"), 200);
    act(
        "heping.officer",
        id,
        "reinspection",
        Map.of("passed", true, "reason", "合格", "lon", 117.2, "lat", 39.12),
        200);
    // the street cannot close a major hazard
    act("heping.street", id, "close", Map.of("reason", "结案"), 403);
    JsonNode needsSupervision = act("heping.admin", id, "close", Map.of("reason", "结案"), 409);
    assertThat(needsSupervision.get("rule").asText())
        .isEqualTo("casework.rule.majorNeedsSupervision");
    act("heping.admin", id, "supervise", Map.of("reason", "挂牌督办", "days", 20), 200);
    act("heping.admin", id, "acceptance", Map.of("reason", "验收合格"), 200);
    assertThat(act("heping.admin", id, "close", Map.of("reason", "结案"), 200).get("status").asText())
        .isEqualTo("CLOSED");
  }
}
