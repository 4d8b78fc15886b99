package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A STREET scheme of 和平区 for 2024 (a year before any demo data, so the fixture's cases are all a
 * street counts) scored by hand, ranked, drilled to its records, commented on, signed and locked.
 */
@IntegrationTest
class SchemeApiTest {

  /*
   * Items: case.closeRate 40 points, LINEAR 50 → 100; case.onTimeRate 30 points, STEPS 40 → ½,
   * 90 → all; document.receiptRate 30 points, LINEAR 0 → 100.
   * The fixture's street, due in 2024: c1 closed on time, c2 closed late, c3 open, c4 closed on
   * time. closeRate 3 / 4 = 75 %: (75 − 50) / (100 − 50) = 0.5 × 40 = 20 points. onTimeRate
   * 2 / 4 = 50 %: reaches 40, not 90: ½ × 30 = 15 points. No document due in 2024: receiptRate
   * 0 / 0, left out, its 30 points leave the sum. Total (20 + 15) × 100 / 70 = 50.
   */
  static final String ITEMS =
      """
      [{"code": "case.closeRate", "weight": 40,
        "curve": {"kind": "LINEAR", "floor": 50, "target": 100}},
       {"code": "case.onTimeRate", "weight": 30,
        "curve": {"kind": "STEPS", "steps": [{"threshold": 40, "fraction": 0.5},
                                             {"threshold": 90, "fraction": 1}]}},
       {"code": "document.receiptRate", "weight": 30,
        "curve": {"kind": "LINEAR", "floor": 0, "target": 100}}]
      """;

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void aStreetSchemeIsScoredByHandRankedLockedAndItsHistoryKept() throws Exception {
    Long id = null;
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      String g = f.grids.get(0);
      long c1 = closed(f, g, "2024-03-01T09:00:00Z", true);
      long c2 = closed(f, g, "2024-04-01T09:00:00Z", false);
      long c3 =
          f.addCase(
              g,
              "OTHER",
              "RECTIFYING",
              "2024-02-01T02:00:00Z",
              "2024-05-01T09:00:00Z",
              null,
              null,
              "2024-05-01T09:00:00Z");
      MvcResult made = send("heping.admin", post("/api/v1/assessment-schemes"), draft(ITEMS), "en");
      assertThat(made.getResponse().getStatus()).isEqualTo(201);
      JsonNode scheme = read(made);
      id = scheme.path("id").asLong();
      assertThat(scheme.path("owner").asText()).isEqualTo("120101");
      assertThat(scheme.path("status").asText()).isEqualTo("DRAFT");
      assertThat(scheme.path("weightSum").asDouble()).isEqualTo(100.0);
      String base = "/api/v1/assessment-schemes/" + id;
      // a draft has no sheets
      assertThat(status("heping.admin", get(base + "/sheets"))).isEqualTo(409);
      // a draft's name alone is replaced, its items kept
      JsonNode renamed =
          read(send("heping.admin", put(base), "{\"name\": \"2024 年度考核（测试）\"}", "en"));
      assertThat(renamed.path("name").asText()).isEqualTo("2024 年度考核（测试）");
      assertThat(renamed.path("items")).hasSize(3);
      assertThat(status("heping.admin", post(base + "/publish"))).isEqualTo(200);
      MvcResult edit = send("heping.admin", put(base), draft(ITEMS), "zh-CN");
      assertThat(edit.getResponse().getStatus()).isEqualTo(409);
      assertThat(text(edit)).contains("已发布，不能再修改");

      // first reading: c1, c2 closed of c1–c3 (its figures recorded as COMPUTED)
      String sheetUrl = base + "/sheets/" + f.street;
      JsonNode first = read(call("heping.admin", get(sheetUrl)));
      assertThat(line(first, 0).path("figure").path("numerator").asLong()).isEqualTo(2);
      long c4 = closed(f, g, "2024-06-01T09:00:00Z", true);
      JsonNode sheet = read(call("heping.admin", get(sheetUrl)));
      assertThat(sheet.path("status").asText()).isEqualTo("OPEN");
      assertLine(line(sheet, 0), 3, 4, 75.0, 20.0);
      assertLine(line(sheet, 1), 2, 4, 50.0, 15.0);
      assertThat(line(sheet, 2).path("counted").asBoolean()).isFalse();
      assertThat(line(sheet, 2).path("points").isNull()).isTrue();
      assertThat(sheet.path("weightSum").asDouble()).isEqualTo(100.0);
      assertThat(sheet.path("weightCounted").asDouble()).isEqualTo(70.0);
      assertThat(sheet.path("total").asDouble()).isEqualTo(50.0);

      // the evidence links: the API's and the page's, resolving to the street's cases
      JsonNode links = line(sheet, 0).path("records");
      assertThat(links.path("denominator").asText())
          .isEqualTo(
              "/api/v1/indicators/case.closeRate/records?division=120101&unit="
                  + f.street
                  + "&part=denominator&year=2024");
      assertThat(line(sheet, 0).path("pages").path("numerator").asText())
          .startsWith("/assessment/indicators/case.closeRate/records?division=120101&unit=");
      assertThat(ids(links.path("denominator").asText()))
          .containsExactlyInAnyOrder("" + c1, "" + c2, "" + c3, "" + c4);
      assertThat(ids(links.path("numerator").asText()))
          .containsExactlyInAnyOrder("" + c1, "" + c2, "" + c4);

      // ranking: the street first with 50; the others count nothing in 2024 and have no rank
      JsonNode ranking = read(call("heping.admin", get(base + "/sheets")));
      assertThat(ranking.get(0).path("unit").asText()).isEqualTo(f.street);
      assertThat(ranking.get(0).path("rank").asInt()).isEqualTo(1);
      assertThat(ranking.get(0).path("total").asDouble()).isEqualTo(50.0);
      assertThat(ranking.size()).isGreaterThan(1);
      for (int i = 1; i < ranking.size(); i++) {
        assertThat(ranking.get(i).path("rank").isNull()).isTrue();
      }

      // the assessed street reads its own sheet only, and may not comment or sign
      String own = "120101001";
      String other = f.street.equals(own) ? "120101002" : f.street;
      assertThat(status("heping.street", get(base + "/sheets/" + own))).isEqualTo(200);
      assertThat(status("heping.street", get(base + "/sheets/" + other))).isEqualTo(404);
      assertThat(status("heping.street", get(base + "/sheets"))).isEqualTo(404);
      assertThat(status("heping.street", post(base + "/sheets/" + own + "/sign"))).isEqualTo(403);
      assertThat(status("xiqing.admin", get(sheetUrl))).isEqualTo(404);
      assertThat(status("heping.officer", get(base))).isEqualTo(403);
      assertThat(status("auditor", get(sheetUrl))).isEqualTo(200);

      // comment, sign; then neither again
      String comment = "{\"comment\": \"结案及时率偏低，请整改\"}";
      assertThat(
              send("heping.admin", post(sheetUrl + "/comments"), comment, "zh-CN")
                  .getResponse()
                  .getStatus())
          .isEqualTo(201);
      JsonNode signed = read(call("heping.admin", post(sheetUrl + "/sign")));
      assertThat(signed.path("status").asText()).isEqualTo("LOCKED");
      assertThat(signed.path("signedBy").asText()).isEqualTo("heping.admin");
      MvcResult twice = send("heping.admin", post(sheetUrl + "/sign"), "{}", "en");
      assertThat(twice.getResponse().getStatus()).isEqualTo(409);
      assertThat(text(twice)).contains("already signed");
      MvcResult late = send("heping.admin", post(sheetUrl + "/comments"), comment, "zh-CN");
      assertThat(late.getResponse().getStatus()).isEqualTo(409);
      assertThat(text(late)).contains("已签字锁定");

      // the data changes after sign-off (a fifth case closed on time): the sheet does not
      closed(f, g, "2024-07-01T09:00:00Z", true);
      assertThat(ids(links.path("denominator").asText())).hasSize(5);
      JsonNode locked = read(call("heping.admin", get(sheetUrl)));
      assertLine(line(locked, 0), 3, 4, 75.0, 20.0);
      assertThat(locked.path("total").asDouble()).isEqualTo(50.0);
      assertThat(read(call("heping.admin", get(base + "/sheets"))).get(0).path("total").asDouble())
          .isEqualTo(50.0);

      // history: computed (2 of 3 closed), recomputed (3 of 4), the comment, the sign-off
      JsonNode history = locked.path("history");
      List<String> kinds = new ArrayList<>();
      history.forEach(e -> kinds.add(e.path("kind").asText()));
      assertThat(kinds).containsExactly("COMPUTED", "RECOMPUTED", "COMMENTED", "SIGNED");
      assertThat(history.get(0).path("username").asText()).isEqualTo("heping.admin");
      assertThat(
              history
                  .get(0)
                  .path("score")
                  .path("lines")
                  .get(0)
                  .path("figure")
                  .path("value")
                  .asDouble())
          .isEqualTo(66.67);
      assertThat(history.get(2).path("comment").asText()).isEqualTo("结案及时率偏低，请整改");
      assertThat(history.get(3).path("score").path("total").asDouble()).isEqualTo(50.0);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE target_type = 'assessment-sheet' AND target_id = ?")
                  .param(id + "/" + f.street)
                  .query(Long.class)
                  .single())
          .isEqualTo(2);
    } finally {
      if (id != null) {
        jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
      }
    }
  }

  @Test
  void badItemsAndWrongRolesAreRefusedInTheReadersLanguageAndNothingIsWritten() throws Exception {
    long before = jdbc.sql("SELECT count(*) FROM assessment_scheme").query(Long.class).single();
    assertRefused("zh-CN", item("hazard.perHundredObjects", 10, linear(0, 10)), 422, "只作参考");
    assertRefused("en", item("officer.loginDays", 10, linear(0, 10)), 422, "no such indicator");
    String close = item("case.closeRate", 10, linear(50, 100));
    assertRefused("en", close + "," + close, 422, "Item 2 (case.closeRate): an indicator may");
    assertRefused(
        "zh-CN", item("case.closeRate", 0, linear(50, 100)), 422, "第 1 项（case.closeRate）");
    // a higher-is-better indicator whose target lies below its floor
    assertRefused("en", item("case.closeRate", 10, linear(100, 50)), 422, "must be better");
    // a lower-is-better one: the floor above the target is right, steps must get lower
    String steps =
        "{\"kind\": \"STEPS\", \"steps\": [{\"threshold\": 10, \"fraction\": 0.5},"
            + " {\"threshold\": 20, \"fraction\": 1}]}";
    assertRefused("en", item("case.overdueRate", 10, steps), 422, "from the easiest");
    // the city administrator makes DISTRICT schemes, not STREET ones; a street administrator none
    MvcResult city =
        send("admin", post("/api/v1/assessment-schemes"), draft("[" + close + "]"), "en");
    assertThat(city.getResponse().getStatus()).isEqualTo(403);
    assertThat(
            send("heping.street", post("/api/v1/assessment-schemes"), draft("[]"), "en")
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(jdbc.sql("SELECT count(*) FROM assessment_scheme").query(Long.class).single())
        .isEqualTo(before);
    // a lower-is-better linear curve with the floor above the target is accepted
    MvcResult ok =
        send(
            "heping.admin",
            post("/api/v1/assessment-schemes"),
            draft("[" + item("case.overdueRate", 10, linear(30, 5)) + "]"),
            "en");
    assertThat(ok.getResponse().getStatus()).isEqualTo(201);
    long id = read(ok).path("id").asLong();
    try {
      assertThat(status("xiqing.admin", get("/api/v1/assessment-schemes/" + id))).isEqualTo(404);
      assertThat(status("xiqing.admin", post("/api/v1/assessment-schemes/" + id + "/publish")))
          .isEqualTo(404);
      assertThat(status("auditor", post("/api/v1/assessment-schemes/" + id + "/publish")))
          .isEqualTo(403);
      assertThat(status("auditor", get("/api/v1/assessment-schemes/" + id))).isEqualTo(200);
    } finally {
      jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
    }
  }

  @Test
  void theCityAssessesItsDistrictsAndADistrictReadsOnlyItsOwnSheet() throws Exception {
    String items = "[" + item("case.closeRate", 100, linear(50, 100)) + "]";
    String body = draft(items).replace("\"STREET\"", "\"DISTRICT\"");
    assertThat(
            send("heping.admin", post("/api/v1/assessment-schemes"), body, "en")
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    JsonNode scheme = read(send("admin", post("/api/v1/assessment-schemes"), body, "en"));
    long id = scheme.path("id").asLong();
    String base = "/api/v1/assessment-schemes/" + id;
    try {
      assertThat(scheme.path("owner").asText()).isEqualTo("12");
      // a draft is not shown to the districts it will assess
      assertThat(status("heping.admin", get(base))).isEqualTo(404);
      assertThat(status("admin", post(base + "/publish"))).isEqualTo(200);
      assertThat(status("heping.admin", get(base))).isEqualTo(200);
      JsonNode own = read(call("heping.admin", get(base + "/sheets/120101")));
      assertThat(own.path("unit").asText()).isEqualTo("120101");
      assertThat(own.path("lines").get(0).path("records").path("numerator").asText())
          .contains("division=12&unit=120101");
      assertThat(status("heping.admin", get(base + "/sheets/120102"))).isEqualTo(404);
      assertThat(status("heping.admin", post(base + "/sheets/120101/sign"))).isEqualTo(403);
      JsonNode ranking = read(call("admin", get(base + "/sheets")));
      List<String> units = new ArrayList<>();
      ranking.forEach(p -> units.add(p.path("unit").asText()));
      assertThat(units).contains("120101", "120102").allMatch(u -> u.length() == 6);
    } finally {
      jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
    }
  }

  @Test
  void theDemoDistrictHasAPublishedStreetSchemeItsStreetsRead() throws Exception {
    JsonNode list = read(call("heping.street", get("/api/v1/assessment-schemes")));
    JsonNode demo = null;
    for (JsonNode s : list) {
      if (s.path("name").asText().contains("（演示）") && "120101".equals(s.path("owner").asText())) {
        demo = s;
      }
    }
    assertThat(demo).as(list.toString()).isNotNull();
    assertThat(demo.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(demo.path("weightSum").asDouble()).isEqualTo(100.0);
    JsonNode sheet =
        read(
            call(
                "heping.street",
                get(
                    "/api/v1/assessment-schemes/"
                        + demo.path("id").asLong()
                        + "/sheets/120101001")));
    assertThat(sheet.path("lines")).hasSize(4);
    assertThat(sheet.path("mayAssess").asBoolean()).isFalse();
  }

  private void assertRefused(String lang, String items, int status, String text) throws Exception {
    MvcResult r =
        send("heping.admin", post("/api/v1/assessment-schemes"), draft("[" + items + "]"), lang);
    assertThat(r.getResponse().getStatus()).as(items).isEqualTo(status);
    assertThat(text(r)).as(items).contains(text);
  }

  private static String item(String code, double weight, String curve) {
    return "{\"code\": \"" + code + "\", \"weight\": " + weight + ", \"curve\": " + curve + "}";
  }

  private static String linear(double floor, double target) {
    return "{\"kind\": \"LINEAR\", \"floor\": " + floor + ", \"target\": " + target + "}";
  }

  private static String draft(String items) {
    return "{\"name\": \"2024 年度街道安全生产考核（测试）\", \"year\": 2024, \"level\": \"STREET\","
        + " \"items\": "
        + items
        + "}";
  }

  private static long closed(IndicatorFixture f, String grid, String due, boolean onTime) {
    String closedAt = due.replace("T09:00:00Z", "T08:00:00Z");
    String closedWhen = onTime ? closedAt : due.replace("-01T09", "-20T09");
    return f.addCase(
        grid, "GENERAL_HAZARD", "CLOSED", "2024-01-10T02:00:00Z", due, closedWhen, onTime, null);
  }

  private List<String> ids(String url) throws Exception {
    List<String> ids = new ArrayList<>();
    read(call("heping.admin", get(url))).forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private static JsonNode line(JsonNode sheet, int n) {
    return sheet.path("lines").get(n);
  }

  private static void assertLine(
      JsonNode line, long numerator, long denominator, double value, double points) {
    assertThat(line.path("figure").path("numerator").asLong()).isEqualTo(numerator);
    assertThat(line.path("figure").path("denominator").asLong()).isEqualTo(denominator);
    assertThat(line.path("figure").path("value").asDouble()).isEqualTo(value);
    assertThat(line.path("points").asDouble()).isEqualTo(points);
  }

  private MvcResult send(String user, MockHttpServletRequestBuilder r, String body, String lang)
      throws Exception {
    return call(
        user,
        r.contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", lang));
  }

  private int status(String user, MockHttpServletRequestBuilder r) throws Exception {
    return call(user, r).getResponse().getStatus();
  }

  private JsonNode read(MvcResult r) throws Exception {
    assertThat(r.getResponse().getStatus()).as(text(r)).isBetween(200, 201);
    return json.readTree(text(r));
  }

  private static String text(MvcResult r) throws Exception {
    return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
  }
}
