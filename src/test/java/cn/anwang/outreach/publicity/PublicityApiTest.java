package cn.anwang.outreach.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.outreach.document.DocumentFixture;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Publicity activities over HTTP: recorded from the desk with objects and photos, a retry finds the
 * first, every refusal names its field and changes nothing, other territories get 404, a publicity
 * visit recorded through the inspection API is one VISIT activity, and the coverage by hand.
 */
@IntegrationTest
class PublicityApiTest {

  static final OffsetDateTime START =
      OffsetDateTime.now(ZoneOffset.ofHours(8)).withHour(9).withMinute(0).withSecond(0).withNano(0);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private DocumentFixture fx() {
    return new DocumentFixture(mvc, json, jdbc);
  }

  private <B extends AbstractMockHttpServletRequestBuilder<B>> JsonNode call(
      String user, B r, Object body, int expect, String lang) throws Exception {
    if (body != null) {
      r = r.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    String out =
        mvc.perform(r.with(httpBasic(user, "anwang-demo-2026")).header("Accept-Language", lang))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return out.isEmpty() ? null : json.readTree(out);
  }

  private <B extends AbstractMockHttpServletRequestBuilder<B>> JsonNode call(
      String user, B r, Object body, int expect) throws Exception {
    return call(user, r, body, expect, "zh-CN");
  }

  static Map<String, Object> activity(String grid, List<Long> objects) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("clientId", UUID.randomUUID().toString());
    a.put("type", "LECTURE");
    a.put("startsAt", START.toString());
    a.put("endsAt", START.plusHours(2).toString());
    a.put("place", "劝业场街道社区活动中心");
    a.put("audience", "沿街商户负责人");
    a.put("audienceSize", 35);
    a.put("materials", "燃气安全宣传册 50 份");
    a.put("gridCode", grid);
    a.put("objectIds", objects);
    return a;
  }

  private int count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Integer.class).single();
  }

  @Test
  void recordedFromTheDeskOnceAndReadInScope() throws Exception {
    DocumentFixture.Officer o = fx().officerWithShops();
    Map<String, Object> a = activity(o.grid(), List.of(o.shopA(), o.shopB()));
    byte[] png = DocumentFixture.png();
    MockMultipartFile part =
        new MockMultipartFile(
            "activity", "", MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(a));
    MockMultipartFile photo = new MockMultipartFile("photos", "现场.png", "image/png", png);
    long id =
        call(
                "heping.street",
                multipart("/api/v1/publicity-activities").file(part).file(photo),
                null,
                201)
            .get("id")
            .asLong();
    // a retry (same clientId) returns the same activity with 200, not a second one
    JsonNode retry = call("heping.street", post("/api/v1/publicity-activities"), a, 200);
    assertThat(retry.get("id").asLong()).isEqualTo(id);
    assertThat(
            count(
                "SELECT count(*) FROM publicity_activity WHERE client_id = ?::uuid",
                a.get("clientId")))
        .isEqualTo(1);

    JsonNode detail = call("heping.street", get("/api/v1/publicity-activities/" + id), null, 200);
    assertThat(detail.get("activity").get("type").asString()).isEqualTo("LECTURE");
    assertThat(detail.get("activity").get("source").asString()).isEqualTo("DESK");
    assertThat(detail.get("activity").get("audienceSize").asInt()).isEqualTo(35);
    assertThat(detail.get("objects"))
        .extracting(n -> n.get("objectId").asLong())
        .containsExactly(o.shopA(), o.shopB());
    assertThat(detail.get("photos")).hasSize(1);
    long photoId = detail.get("photos").get(0).get("id").asLong();
    byte[] back =
        mvc.perform(
                get("/api/v1/publicity-activities/" + id + "/photos/" + photoId)
                    .with(httpBasic("heping.street", "anwang-demo-2026")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(back).isEqualTo(png);

    // the list with filters
    JsonNode list =
        call(
                "heping.street",
                get("/api/v1/publicity-activities")
                    .param("type", "LECTURE")
                    .param("grid", o.grid()),
                null,
                200)
            .get("items");
    assertThat(list).extracting(n -> n.get("id").asLong()).contains(id);
    JsonNode drills =
        call(
                "heping.street",
                get("/api/v1/publicity-activities").param("type", "DRILL").param("grid", o.grid()),
                null,
                200)
            .get("items");
    assertThat(drills).extracting(n -> n.get("id").asLong()).doesNotContain(id);
    JsonNode before =
        call(
                "heping.street",
                get("/api/v1/publicity-activities")
                    .param("to", START.minusDays(3).toLocalDate().toString())
                    .param("grid", o.grid()),
                null,
                200)
            .get("items");
    assertThat(before).extracting(n -> n.get("id").asLong()).doesNotContain(id);

    // out of scope: 404, and not listed
    call("xiqing.admin", get("/api/v1/publicity-activities/" + id), null, 404);
    call(
        "xiqing.admin",
        get("/api/v1/publicity-activities/" + id + "/photos/" + photoId),
        null,
        404);
    assertThat(call("xiqing.admin", get("/api/v1/publicity-activities"), null, 200).toString())
        .doesNotContain("\"id\":" + id + ",");

    // audited once
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = 'publicity.record'"
                    + " AND target_id = ?",
                "" + id))
        .isEqualTo(1);
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() throws Exception {
    DocumentFixture.Officer o = fx().officerWithShops();
    long outside =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE district_code = '120111'"
                    + " AND status <> 'CLOSED' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    List<Long> many = new ArrayList<>();
    for (long i = 0; i < 501; i++) {
      many.add(o.shopA() + i);
    }
    Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
    cases.put("type", a -> a.put("type", "PARADE"));
    cases.put("endsAt", a -> a.put("endsAt", START.minusHours(1).toString()));
    cases.put("endsAt ", a -> a.put("endsAt", START.plusDays(40).toString()));
    cases.put("audienceSize", a -> a.put("audienceSize", -1));
    cases.put("audienceSize ", a -> a.put("audienceSize", 1_000_000));
    cases.put("place", a -> a.put("place", " "));
    cases.put("startsAt", a -> a.put("startsAt", null));
    cases.put("startsAt ", a -> a.put("startsAt", START.minusYears(5).toString()));
    cases.put("objectIds", a -> a.put("objectIds", List.of(o.shopA(), outside)));
    cases.put("objectIds ", a -> a.put("objectIds", many));
    cases.put("gridCode", a -> a.put("gridCode", "NO-SUCH-GRID"));
    cases.put("clientId", a -> a.put("clientId", "not-a-uuid"));
    cases.put("source", a -> a.put("source", "VISIT"));
    int activities = count("SELECT count(*) FROM publicity_activity");
    for (var c : cases.entrySet()) {
      Map<String, Object> a = activity(o.grid(), List.of(o.shopA()));
      c.getValue().accept(a);
      JsonNode problem = call("heping.street", post("/api/v1/publicity-activities"), a, 422);
      assertThat(problem.get("errors").get(0).get("field").asString())
          .as(c.getKey())
          .isEqualTo(c.getKey().strip());
    }
    // explained in English too
    Map<String, Object> bad = activity(o.grid(), List.of());
    bad.put("endsAt", START.minusHours(1).toString());
    JsonNode en = call("heping.street", post("/api/v1/publicity-activities"), bad, 422, "en");
    assertThat(en.get("errors").get(0).get("message").asString())
        .isEqualTo("The end is before the start");
    JsonNode zh = call("heping.street", post("/api/v1/publicity-activities"), bad, 422);
    assertThat(zh.get("errors").get(0).get("message").asString()).isEqualTo("结束时间不能早于开始时间");
    // a PDF is not a photo
    MockMultipartFile part =
        new MockMultipartFile(
            "activity",
            "",
            MediaType.APPLICATION_JSON_VALUE,
            json.writeValueAsBytes(activity(o.grid(), List.of(o.shopA()))));
    MockMultipartFile pdf =
        new MockMultipartFile("photos", "a.png", "image/png", "%PDF-1.4 x".getBytes());
    JsonNode p =
        call(
            "heping.street",
            multipart("/api/v1/publicity-activities").file(part).file(pdf),
            null,
            422);
    assertThat(p.get("errors").get(0).get("field").asString()).isEqualTo("photos");
    // all or nothing
    assertThat(count("SELECT count(*) FROM publicity_activity")).isEqualTo(activities);
    // a grid of another district is refused
    call("xiqing.admin", post("/api/v1/publicity-activities"), activity(o.grid(), List.of()), 422);
  }

  @Test
  void aPublicityVisitOnThePhoneIsOneVisitActivity() throws Exception {
    DocumentFixture.Officer o = fx().officerWithShops();
    Map<String, Object> v = visit(o.shopA());
    JsonNode recorded = call(o.username(), post("/api/v1/inspections"), v, 201);
    call(o.username(), post("/api/v1/inspections"), v, 200);
    long inspection = recorded.get("id").asLong();
    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT a.* FROM publicity_activity a JOIN publicity_object p"
                    + " ON p.activity_id = a.id WHERE p.inspection_id = ?")
            .param(inspection)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("type")).isEqualTo("DOOR_TO_DOOR");
    assertThat(rows.get(0).get("source")).isEqualTo("VISIT");
    assertThat(rows.get(0).get("grid_code")).isEqualTo(o.grid());
    long id = ((Number) rows.get(0).get("id")).longValue();
    // a second visit the same day adds its object to the same activity
    call(o.username(), post("/api/v1/inspections"), visit(o.shopB()), 201);
    assertThat(count("SELECT count(*) FROM publicity_object WHERE activity_id = ?", id))
        .isEqualTo(2);
    assertThat(count("SELECT audience_size FROM publicity_activity WHERE id = ?", id)).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM publicity_activity WHERE recorded_by ="
                    + " (SELECT id FROM app_user WHERE username = ?)",
                o.username()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM audit_event WHERE action = 'publicity.visit'"
                    + " AND target_id = ?",
                "" + id))
        .isEqualTo(2);
    JsonNode detail = call("heping.street", get("/api/v1/publicity-activities/" + id), null, 200);
    assertThat(detail.get("objects").get(0).get("inspectionId").asLong()).isEqualTo(inspection);
  }

  @Test
  void coverageByHand() throws Exception {
    DocumentFixture.Officer o = fx().officerInAFreshGrid();
    int shops = fx().shops(o.grid()).size();
    // the same shop reached twice counts once
    call(
        "heping.street",
        post("/api/v1/publicity-activities"),
        activity(o.grid(), List.of(o.shopA(), o.shopB())),
        201);
    Map<String, Object> again = activity(o.grid(), List.of(o.shopA()));
    again.put("type", "LEAFLETS");
    call("heping.street", post("/api/v1/publicity-activities"), again, 201);
    JsonNode cov =
        call(
            "heping.street",
            get("/api/v1/publicity-coverage")
                .param("year", "" + START.getYear())
                .param("street", "120101001"),
            null,
            200);
    JsonNode row = null;
    for (JsonNode r : cov.get("items")) {
      if (o.grid().equals(r.get("gridCode").asString())
          && "SMALL_SHOP".equals(r.get("kind").asString())) {
        row = r;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.get("reached").asInt()).isEqualTo(2);
    assertThat(row.get("total").asInt()).isEqualTo(shops);
    assertThat(row.get("rate").asDouble()).isEqualTo(Math.round(2 * 1000.0 / shops) / 10.0);
    // a year with nothing
    JsonNode empty =
        call("heping.street", get("/api/v1/publicity-coverage").param("year", "2001"), null, 200);
    assertThat(empty.get("totals").get("reached").asInt()).isZero();
    // another district does not see the grid
    assertThat(call("xiqing.admin", get("/api/v1/publicity-coverage"), null, 200).toString())
        .doesNotContain(o.grid());
  }

  static Map<String, Object> visit(long object) throws Exception {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("clientId", UUID.randomUUID().toString());
    v.put("kind", "PUBLICITY");
    v.put("objectId", object);
    v.put("startedAt", OffsetDateTime.now().minusMinutes(5).toString());
    v.put("endedAt", OffsetDateTime.now().toString());
    v.put("signerName", "王店长");
    v.put(
        "signature",
        "data:image/png;base64," + Base64.getEncoder().encodeToString(DocumentFixture.png()));
    v.put("findings", "发放燃气安全宣传单，讲解灭火器使用");
    return v;
  }
}
