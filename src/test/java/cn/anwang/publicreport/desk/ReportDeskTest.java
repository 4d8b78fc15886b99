package cn.anwang.publicreport.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.pii.PiiProtector;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The street's desk over HTTP: the inbox in scope, duplicate suggestions and merge, verification
 * into a case that the report then follows to closure, rejection, and the reporter's identity shown
 * only to the desk's roles with every view audited.
 */
@IntegrationTest
class ReportDeskTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired PiiProtector pii;

  private static RequestPostProcessor as(String user) {
    return httpBasic(user, "anwang-demo-2026");
  }

  /** A report at a demo object's point of 劝业场街道, moved north by {@code metres}. */
  private record Made(long id, String code) {}

  private Made report(String category, double metresNorth, String name) {
    var p =
        jdbc.sql(
                """
                SELECT o.lon, o.lat, o.grid_code, o.village_code, g.division_code
                  FROM supervised_object o JOIN grid g ON g.code = o.grid_code
                 WHERE o.street_code = '120101001' AND o.lon IS NOT NULL ORDER BY o.id LIMIT 1
                """)
            .query()
            .singleRow();
    String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    StringBuilder typed = new StringBuilder();
    java.util.concurrent.ThreadLocalRandom random =
        java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 12; i++) {
      typed.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    String code = typed.toString();
    long id =
        jdbc.sql(
                """
                INSERT INTO public_report (tracking_code, channel, category, description, lon, lat,
                  address, district_code, street_code, village_code, division_code, grid_code,
                  anonymous, reporter_name_enc, reporter_phone_enc, text_hash)
                VALUES (?, 'WEB', ?, ?, ?, ?, '和平路', '120101', '120101001', ?, ?, ?, ?, ?, ?, ?)
                RETURNING id
                """)
            .params(
                code,
                category,
                "测试举报 " + UUID.randomUUID(),
                ((Number) p.get("lon")).doubleValue(),
                ((Number) p.get("lat")).doubleValue() + metresNorth / 111_320.0,
                p.get("village_code"),
                p.get("division_code"),
                p.get("grid_code"),
                name == null,
                name == null ? null : Base64.getEncoder().encodeToString(pii.encrypt(name)),
                name == null
                    ? null
                    : Base64.getEncoder().encodeToString(pii.encrypt("13912345678")),
                UUID.randomUUID().toString())
            .query(Long.class)
            .single();
    return new Made(id, code);
  }

  private JsonNode call(String user, String path, Object body, int expect) throws Exception {
    var request =
        body == null
            ? get(path).with(as(user))
            : post(path)
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body));
    String response =
        mvc.perform(request)
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return response.isEmpty() ? null : json.readTree(response);
  }

  private String statusOf(long id) {
    return jdbc.sql("SELECT status FROM public_report WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void theStreetSeesItsInboxAndNobodyElseWorksIt() throws Exception {
    Made r = report("HAZARD", 0, null);
    JsonNode inbox =
        call("heping.street", "/api/v1/public-reports?status=RECEIVED&limit=200", null, 200);
    boolean listed = false;
    for (JsonNode n : inbox) {
      listed |= n.get("id").asLong() == r.id();
    }
    assertThat(listed).isTrue();
    call("heping.admin", "/api/v1/public-reports/" + r.id(), null, 200);
    call("xiqing.street", "/api/v1/public-reports/" + r.id(), null, 404);
    call("xiqing.admin", "/api/v1/public-reports/" + r.id(), null, 404);
    call("heping.officer", "/api/v1/public-reports/" + r.id(), null, 403);
    call("heping.yingji", "/api/v1/public-reports", null, 403);
    call("xiqing.street", "/api/v1/public-reports/" + r.id() + "/verify", Map.of(), 404);
    assertThat(statusOf(r.id())).isEqualTo("RECEIVED");
  }

  @Test
  void aNearbyDuplicateIsSuggestedMergedAndFollowsThePrimaryToClosure() throws Exception {
    Made primary = report("HAZARD", 0, "王实名");
    Made near = report("HAZARD", 60, null);
    Made far = report("HAZARD", 900, null);
    Made otherKind = report("ACCIDENT", 30, null);

    JsonNode detail = call("heping.street", "/api/v1/public-reports/" + near.id(), null, 200);
    java.util.List<Long> ids = new java.util.ArrayList<>();
    detail.get("duplicates").forEach(d -> ids.add(d.get("id").asLong()));
    assertThat(ids).contains(primary.id()).doesNotContain(far.id(), otherKind.id(), near.id());
    assertThat(detail.toString()).doesNotContain("王实名");

    // bad merges
    call(
        "heping.street",
        "/api/v1/public-reports/" + near.id() + "/merge",
        Map.of("into", near.id()),
        422);
    call(
        "heping.street",
        "/api/v1/public-reports/" + near.id() + "/merge",
        Map.of("into", primary.id(), "version", 99),
        409);
    call(
        "heping.street",
        "/api/v1/public-reports/" + near.id() + "/merge",
        Map.of("into", primary.id()),
        200);
    assertThat(statusOf(near.id())).isEqualTo("MERGED");

    // verify the primary: a case with source PUBLIC_REPORT, once even when verified twice
    JsonNode verified =
        call(
            "heping.street",
            "/api/v1/public-reports/" + primary.id() + "/verify",
            Map.of("publicNote", "已转街道安监办处理"),
            200);
    long caseId = verified.get("caseId").asLong();
    call("heping.street", "/api/v1/public-reports/" + primary.id() + "/verify", Map.of(), 200);
    assertThat(
            jdbc.sql("SELECT count(*) FROM safety_case WHERE idempotency_key = ?")
                .param("public-report:" + primary.id())
                .query(Long.class)
                .single())
        .isEqualTo(1L);
    assertThat(
            jdbc.sql("SELECT source FROM safety_case WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("PUBLIC_REPORT");
    // merging into a report that is no longer RECEIVED is fine, merging a verified one is not
    call(
        "heping.street",
        "/api/v1/public-reports/" + primary.id() + "/merge",
        Map.of("into", far.id()),
        409);

    // the case goes round the loop; the report follows
    act(caseId, "heping.street", "register", Map.of());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> statusOf(primary.id()).equals("IN_HANDLING"));
    act(
        caseId,
        "heping.street",
        "dispatch",
        Map.of("handlerType", "STREET", "handlerCode", "120101001"));
    act(caseId, "heping.street", "accept", Map.of());
    act(caseId, "heping.street", "feedback", Map.of("reason", "已清理"));
    act(
        caseId,
        "heping.officer",
        "reinspection",
        Map.of("passed", true, "reason", "复查合格", "lon", 117.19, "lat", 39.12));
    act(caseId, "heping.street", "close", Map.of("reason", "结案"));
    await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(primary.id()).equals("CLOSED"));

    // both reporters see it closed on their tracking pages
    for (Made m : new Made[] {primary, near}) {
      String page =
          mvc.perform(get("/report/track/" + m.code()).header("Accept-Language", "zh-CN"))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("已办结").doesNotContain("王实名");
    }
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM public_report_event WHERE report_id = ? AND kind = 'CLOSED'")
                .param(primary.id())
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  private void act(long caseId, String user, String action, Map<String, Object> body)
      throws Exception {
    call(user, "/api/v1/cases/" + caseId + "/" + action, body, 200);
  }

  @Test
  void aRejectionNeedsAReasonWhichTheReporterSees() throws Exception {
    Made r = report("OTHER", 0, null);
    call(
        "heping.street",
        "/api/v1/public-reports/" + r.id() + "/reject",
        Map.of("reason", " "),
        422);
    call(
        "heping.street",
        "/api/v1/public-reports/" + r.id() + "/reject",
        Map.of("reason", "经现场核实，未发现所述情况"),
        200);
    call("heping.street", "/api/v1/public-reports/" + r.id() + "/verify", Map.of(), 409);
    String page =
        mvc.perform(get("/report/track/" + r.code()).header("Accept-Language", "zh-CN"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("不予受理").contains("经现场核实，未发现所述情况");
  }

  @Test
  void theReporterIsShownOnlyToTheDeskAndEveryViewIsAudited() throws Exception {
    Made r = report("ILLEGAL_OPERATION", 0, "赵保密");
    call("heping.officer", "/api/v1/public-reports/" + r.id() + "/reporter", Map.of(), 403);
    call("auditor", "/api/v1/public-reports/" + r.id() + "/reporter", Map.of(), 403);
    call("xiqing.street", "/api/v1/public-reports/" + r.id() + "/reporter", Map.of(), 404);
    assertThat(audited(r.id())).isZero();
    JsonNode shown =
        call("heping.street", "/api/v1/public-reports/" + r.id() + "/reporter", Map.of(), 200);
    assertThat(shown.get("name").asText()).isEqualTo("赵保密");
    assertThat(shown.get("phone").asText()).isEqualTo("13912345678");
    call("heping.admin", "/api/v1/public-reports/" + r.id() + "/reporter", Map.of(), 200);
    assertThat(audited(r.id())).isEqualTo(2L);
  }

  private long audited(long id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'public-report.reporter.view' AND target_id = ?")
        .param(Long.toString(id))
        .query(Long.class)
        .single();
  }
}
