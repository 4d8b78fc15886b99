package cn.anwang.workforce.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.workforce.officer.Assignments;
import cn.anwang.workforce.officer.Coverage;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staffing norms, compliance, workload and rebalancing over real HTTP on the embedded PostgreSQL.
 * Each test builds its own street in 武清区 (outer; demo mode leaves it without grids and the other
 * tests do not use it), so the expected figures are known by hand.
 */
@IntegrationTest
class StaffingApiTest {

  static final String DEMO = "anwang-demo-2026";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Assignments assignments;
  @Autowired Coverage coverage;
  @Autowired JsonMapper json;
  @Autowired MockMvc mvc;

  StaffingFixture fx;

  @BeforeEach
  void fixture() {
    fx = new StaffingFixture(jdbc, assignments);
  }

  // ------------------------------------------------------------------ norms

  @Test
  void normsOfACentralAndAnOuterDistrictApplyToTheirStreets() {
    JsonNode norms = call("heping.admin", HttpMethod.GET, "/api/v1/staffing/norms", null).body;
    assertThat(norms.get("mayEdit").asBoolean()).isFalse();
    JsonNode districts = norms.get("districts");
    assertThat(category(districts, "120101")).isEqualTo("CENTRAL");
    assertThat(category(districts, "120111")).isEqualTo("OUTER");

    JsonNode heping =
        call("heping.admin", HttpMethod.GET, "/api/v1/staffing?division=120101", null).body;
    assertThat(heping.get("streets").size()).isGreaterThan(3);
    for (JsonNode s : heping.get("streets")) {
      assertThat(s.get("category").asString()).isEqualTo("CENTRAL");
      assertThat(s.get("min").asInt()).isEqualTo(5);
      assertThat(s.get("max").asInt()).isEqualTo(10);
    }
    JsonNode xiqing =
        call("xiqing.admin", HttpMethod.GET, "/api/v1/staffing?division=120111", null).body;
    assertThat(xiqing.get("streets").size()).isGreaterThan(3);
    for (JsonNode s : xiqing.get("streets")) {
      assertThat(s.get("category").asString()).isEqualTo("OUTER");
      assertThat(s.get("min").asInt()).isEqualTo(10);
      assertThat(s.get("max").asInt()).isEqualTo(20);
      // no officers yet in a fresh 西青 street: below the norm by the whole minimum
      if (s.get("officers").asInt() == 0) {
        assertThat(s.get("status").asString()).isEqualTo("BELOW");
        assertThat(s.get("shortfall").asInt()).isEqualTo(10);
      }
    }
    // the default is the caller's territory
    assertThat(
            call("xiqing.admin", HttpMethod.GET, "/api/v1/staffing", null)
                .body
                .get("division")
                .asString())
        .isEqualTo("120111");
  }

  @Test
  void onlyTheCityAdministratorChangesNormsValidatedAndVersioned() {
    Res denied =
        call(
            "heping.admin",
            HttpMethod.PUT,
            "/api/v1/staffing/norms/OUTER",
            Map.of(
                "minPerStreet",
                1,
                "maxPerStreet",
                2,
                "heavyVillageMinObjects",
                1,
                "heavyVillageMinHighRisk",
                1));
    assertThat(denied.status).isEqualTo(403);

    Res invalid =
        callAs(
            "admin",
            "admin-test-password",
            "zh-CN",
            HttpMethod.PUT,
            "/api/v1/staffing/norms/OUTER",
            Map.of(
                "minPerStreet",
                12,
                "maxPerStreet",
                8,
                "heavyVillageMinObjects",
                0,
                "heavyVillageMinHighRisk",
                10));
    assertThat(invalid.status).isEqualTo(422);
    assertThat(invalid.contentType).contains("application/problem+json");
    assertThat(fields(invalid.body))
        .containsEntry("maxPerStreet", "不能小于最少人数 12")
        .containsEntry("heavyVillageMinObjects", "必须大于 0");
    Res invalidEn =
        callAs(
            "admin",
            "admin-test-password",
            "en",
            HttpMethod.PUT,
            "/api/v1/staffing/norms/OUTER",
            Map.of("minPerStreet", -1, "heavyVillageMinObjects", 5, "heavyVillageMinHighRisk", 5));
    assertThat(fields(invalidEn.body))
        .containsEntry("minPerStreet", "must be at least 0")
        .containsEntry("maxPerStreet", "is required");

    int version = outer().get("version").asInt();
    try {
      Res ok =
          call(
              "admin",
              HttpMethod.PUT,
              "/api/v1/staffing/norms/OUTER",
              Map.of(
                  "minPerStreet",
                  11,
                  "maxPerStreet",
                  21,
                  "heavyVillageMinObjects",
                  150,
                  "heavyVillageMinHighRisk",
                  10,
                  "version",
                  version));
      assertThat(ok.status).isEqualTo(200);
      assertThat(ok.body.get("minPerStreet").asInt()).isEqualTo(11);
      assertThat(ok.body.get("version").asInt()).isEqualTo(version + 1);
      JsonNode xiqing =
          call("xiqing.admin", HttpMethod.GET, "/api/v1/staffing?division=120111", null).body;
      assertThat(xiqing.get("streets").get(0).get("min").asInt()).isEqualTo(11);
      Res stale =
          call(
              "admin",
              HttpMethod.PUT,
              "/api/v1/staffing/norms/OUTER",
              Map.of(
                  "minPerStreet",
                  12,
                  "maxPerStreet",
                  21,
                  "heavyVillageMinObjects",
                  150,
                  "heavyVillageMinHighRisk",
                  10,
                  "version",
                  version));
      assertThat(stale.status).isEqualTo(409);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE action = 'staffing.norm.update'"
                          + " AND target_id = 'OUTER'")
                  .query(Integer.class)
                  .single())
          .isGreaterThan(0);
    } finally {
      jdbc.sql(
              "UPDATE staffing_norm SET min_per_street = 10, max_per_street = 20,"
                  + " heavy_village_min_objects = 150, heavy_village_min_high_risk = 10"
                  + " WHERE category = 'OUTER'")
          .update();
    }
  }

  @Test
  void theCityAdministratorMovesADistrictBetweenCategories() {
    try {
      Res moved =
          call(
              "admin",
              HttpMethod.PUT,
              "/api/v1/staffing/norms/districts/120113",
              Map.of("category", "CENTRAL"));
      assertThat(moved.status).isEqualTo(200);
      JsonNode norms = call("admin", HttpMethod.GET, "/api/v1/staffing/norms", null).body;
      assertThat(category(norms.get("districts"), "120113")).isEqualTo("CENTRAL");
      assertThat(
              call(
                      "admin",
                      HttpMethod.PUT,
                      "/api/v1/staffing/norms/districts/120113",
                      Map.of("category", "NOPE"))
                  .status)
          .isEqualTo(422);
      assertThat(
              call(
                      "heping.admin",
                      HttpMethod.PUT,
                      "/api/v1/staffing/norms/districts/120101",
                      Map.of("category", "OUTER"))
                  .status)
          .isEqualTo(403);
    } finally {
      jdbc.sql("DELETE FROM staffing_district_category WHERE district_code = '120113'").update();
    }
  }

  // ------------------------------------------------------------------ compliance

  @Test
  void complianceOfASmallStreetMatchesTheCountByHand() {
    String street = "120114120";
    List<String> villages = fx.villages(street);
    String v1 = villages.get(0);
    String v2 = villages.get(1);
    String g1 = fx.grid(v1);
    String g2 = fx.grid(v1);
    String g3 = fx.grid(v1);
    String g4 = fx.grid(v2);
    String g5 = fx.grid(v2);
    fx.objects(g1, "RED", 12); // v1: 12 red → heavy (≥ 10 red/orange)
    fx.objects(g2, "BLUE", 5);
    fx.objects(g4, "YELLOW", 3); // v2: 3 objects → not heavy
    long a = fx.trainedOfficer(street, "STREET");
    long b = fx.trainedOfficer(street, "STREET");
    long c = fx.trainedOfficer(street, "STREET");
    fx.assign(a, g1);
    fx.assign(b, g2);
    fx.assign(c, g4);
    fx.officer(street, "STREET", "SUSPENDED", true); // not counted
    long village2 = fx.trainedOfficer(v2, "VILLAGE"); // village tier: not a street officer
    fx.officer(v1, "VILLAGE", "CANDIDATE", true); // a candidate does not count for v1

    JsonNode s = street(call("admin", HttpMethod.GET, "/api/v1/staffing?division=" + street, null));
    assertThat(s.get("category").asString()).isEqualTo("OUTER"); // 武清区: 10–20
    assertThat(s.get("min").asInt()).isEqualTo(10);
    assertThat(s.get("officers").asInt()).isEqualTo(3);
    assertThat(s.get("status").asString()).isEqualTo("BELOW");
    assertThat(s.get("shortfall").asInt()).isEqualTo(7);
    assertThat(s.get("grids").asInt()).isEqualTo(5);
    assertThat(s.get("uncoveredGrids").asInt()).isEqualTo(2); // g3, g5
    assertThat(s.get("heavyVillagesWithoutOfficer")).hasSize(1);
    JsonNode heavy = s.get("heavyVillagesWithoutOfficer").get(0);
    assertThat(heavy.get("code").asString()).isEqualTo(v1);
    assertThat(heavy.get("objects").asInt()).isEqualTo(17);
    assertThat(heavy.get("highRisk").asInt()).isEqualTo(12);
    assertThat(heavy.get("name").asString()).isNotEqualTo(v1).isNotBlank();

    // a village officer for v1 on g3: v1 no longer listed, one grid fewer uncovered
    long village1 = fx.trainedOfficer(v1, "VILLAGE");
    fx.assign(village1, g3);
    fx.assign(village2, g5);
    fx.assign(fx.trainedOfficer(street, "STREET"), g2);
    fx.assign(fx.trainedOfficer(street, "STREET"), g1);
    s = street(call("admin", HttpMethod.GET, "/api/v1/staffing?division=" + street, null));
    assertThat(s.get("heavyVillagesWithoutOfficer")).isEmpty();
    assertThat(s.get("uncoveredGrids").asInt()).isZero();
    assertThat(s.get("officers").asInt()).isEqualTo(5);
    assertThat(s.get("status").asString()).isEqualTo("BELOW");
    assertThat(s.get("shortfall").asInt()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      fx.officer(street, "STREET", "ACTIVE", true);
    }
    s = street(call("admin", HttpMethod.GET, "/api/v1/staffing?division=" + street, null));
    assertThat(s.get("officers").asInt()).isEqualTo(10);
    assertThat(s.get("status").asString()).isEqualTo("WITHIN");
    assertThat(s.get("shortfall").asInt()).isZero();

    // the district's roll-up is the sum of its streets
    JsonNode district =
        call("admin", HttpMethod.GET, "/api/v1/staffing?division=120114", null).body;
    int shortfall = 0;
    int below = 0;
    for (JsonNode st : district.get("streets")) {
      shortfall += st.get("shortfall").asInt();
      below += "BELOW".equals(st.get("status").asString()) ? 1 : 0;
    }
    JsonNode total = district.get("total");
    assertThat(total.get("shortfall").asInt()).isEqualTo(shortfall);
    assertThat(total.get("streetsBelow").asInt()).isEqualTo(below);
    assertThat(total.get("streets").asInt()).isEqualTo(district.get("streets").size());
    JsonNode city = call("admin", HttpMethod.GET, "/api/v1/staffing?division=12", null).body;
    assertThat(city.get("districts").size()).isEqualTo(16);
    JsonNode wuqing = null;
    for (JsonNode d : city.get("districts")) {
      if (d.get("code").asString().equals("120114")) {
        wuqing = d;
      }
    }
    assertThat(wuqing.get("shortfall").asInt()).isEqualTo(shortfall);
  }

  @Test
  void everyFigureIsScopedAndOutOfTerritoryAnswers404() {
    assertThat(
            call("heping.admin", HttpMethod.GET, "/api/v1/staffing?division=120111", null).status)
        .isEqualTo(404);
    Res street = call("heping.street", HttpMethod.GET, "/api/v1/staffing?division=120101", null);
    assertThat(street.status).isEqualTo(404);
    assertThat(street.contentType).contains("application/problem+json");
    assertThat(
            call("heping.street", HttpMethod.GET, "/api/v1/staffing", null)
                .body
                .get("division")
                .asString())
        .isEqualTo("120101001");
    assertThat(call("heping.officer", HttpMethod.GET, "/api/v1/staffing", null).status)
        .isEqualTo(404);
    assertThat(
            call("xiqing.admin", HttpMethod.GET, "/api/v1/staffing/workload?division=120101", null)
                .status)
        .isEqualTo(404);
    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.POST,
                    "/api/v1/staffing/rebalance?street=120102002",
                    null)
                .status)
        .isEqualTo(404);
    assertThat(call("auditor", HttpMethod.GET, "/api/v1/staffing?division=120101", null).status)
        .isEqualTo(200);
  }

  // ------------------------------------------------------------------ workload

  @Test
  void workloadWeighsRiskLevelsAndSplitsSharedGrids() {
    String street = "120114121";
    String v = fx.villages(street).get(0);
    String g1 = fx.grid(v);
    String g2 = fx.grid(v);
    fx.objects(g1, "RED", 1);
    fx.objects(g1, "ORANGE", 1);
    fx.objects(g1, "YELLOW", 1);
    fx.objects(g1, "BLUE", 1); // 8 + 4 + 2 + 1 = 15
    fx.objects(g2, "RED", 2); // 16, shared by two
    long a = fx.trainedOfficer(street, "STREET");
    long b = fx.trainedOfficer(street, "STREET");
    long c = fx.officer(street, "STREET", "ACTIVE", true); // active, no grid
    fx.assign(a, g1, g2);
    fx.assign(b, g2);

    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.GET,
                    "/api/v1/staffing/workload?division=" + street,
                    null)
                .status)
        .isEqualTo(404);
    JsonNode report;
    report =
        call("admin", HttpMethod.GET, "/api/v1/staffing/workload?division=" + street, null).body;
    assertThat(load(report, a).get("load").asDouble()).isEqualTo(23.0);
    assertThat(load(report, b).get("load").asDouble()).isEqualTo(8.0);
    assertThat(load(report, c).get("load").asDouble()).isEqualTo(0.0);
    assertThat(load(report, a).get("streetMean").asDouble()).isEqualTo(10.33);
    assertThat(load(report, a).get("flag").asString()).isEqualTo("OVER"); // > 1.3 × 10.33
    assertThat(load(report, b).get("flag").asString()).isEqualTo("OK"); // ≥ 0.7 × 10.33
    assertThat(load(report, c).get("flag").asString()).isEqualTo("UNDER");
    JsonNode summary = report.get("streets").get(0);
    assertThat(summary.get("over").asInt()).isEqualTo(1);
    assertThat(summary.get("under").asInt()).isEqualTo(1);
    int histogram = 0;
    for (JsonNode bucket : report.get("histogram")) {
      histogram += bucket.get("officers").asInt();
    }
    assertThat(histogram).isEqualTo(3);

    // a district weight setting changes the load
    try {
      Res set =
          call(
              "admin",
              HttpMethod.PUT,
              "/api/v1/staffing/workload-settings/120114",
              Map.of(
                  "weightRed",
                  10,
                  "weightOrange",
                  4,
                  "weightYellow",
                  2,
                  "weightBlue",
                  1,
                  "overRatio",
                  1.5,
                  "underRatio",
                  0.5,
                  "version",
                  0));
      assertThat(set.status).isEqualTo(200);
      report =
          call("admin", HttpMethod.GET, "/api/v1/staffing/workload?division=" + street, null).body;
      assertThat(load(report, a).get("load").asDouble()).isEqualTo(27.0); // 17 + 20/2
      assertThat(load(report, b).get("flag").asString()).isEqualTo("OK");
    } finally {
      jdbc.sql("DELETE FROM workload_setting WHERE scope_code = '120114'").update();
    }
  }

  @Test
  void workloadSettingsAreScopedValidatedAndVersioned() {
    JsonNode inherited =
        call("heping.admin", HttpMethod.GET, "/api/v1/staffing/workload-settings/120101", null)
            .body;
    assertThat(inherited.get("inherited").asBoolean()).isTrue();
    assertThat(inherited.get("weightRed").asDouble()).isEqualTo(8.0);
    assertThat(
            call("heping.admin", HttpMethod.GET, "/api/v1/staffing/workload-settings/120111", null)
                .status)
        .isEqualTo(404);
    Map<String, Object> good =
        Map.of(
            "weightRed",
            9,
            "weightOrange",
            4,
            "weightYellow",
            2,
            "weightBlue",
            1,
            "overRatio",
            1.4,
            "underRatio",
            0.6,
            "version",
            0);
    assertThat(
            call("heping.admin", HttpMethod.PUT, "/api/v1/staffing/workload-settings/12", good)
                .status)
        .isEqualTo(403);
    assertThat(
            call("heping.street", HttpMethod.PUT, "/api/v1/staffing/workload-settings/120101", good)
                .status)
        .isEqualTo(404); // a street administrator does not see the district's setting
    Res bad =
        callAs(
            "heping.admin",
            DEMO,
            "zh",
            HttpMethod.PUT,
            "/api/v1/staffing/workload-settings/120101",
            Map.of(
                "weightRed",
                -1,
                "weightOrange",
                4,
                "weightYellow",
                2,
                "weightBlue",
                1,
                "overRatio",
                0.9,
                "underRatio",
                1.2));
    assertThat(bad.status).isEqualTo(422);
    assertThat(fields(bad.body))
        .containsEntry("weightRed", "应在 0 到 9999 之间")
        .containsEntry("overRatio", "应大于 1 且不超过 10")
        .containsEntry("underRatio", "应大于 0 且小于 1");
    try {
      Res created =
          call("heping.admin", HttpMethod.PUT, "/api/v1/staffing/workload-settings/120101", good);
      assertThat(created.status).isEqualTo(200);
      assertThat(created.body.get("inherited").asBoolean()).isFalse();
      assertThat(created.body.get("weightRed").asDouble()).isEqualTo(9.0);
      Res stale =
          call("heping.admin", HttpMethod.PUT, "/api/v1/staffing/workload-settings/120101", good);
      assertThat(stale.status).isEqualTo(409);
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM audit_event WHERE action = 'staffing.workload.settings'"
                          + " AND target_id = '120101'")
                  .query(Integer.class)
                  .single())
          .isGreaterThan(0);
    } finally {
      jdbc.sql("DELETE FROM workload_setting WHERE scope_code = '120101'").update();
    }
  }

  @Test
  void theOfficerLoadFragmentShowsGridsMeanAndFlagInScopeOnly() throws Exception {
    String street = "120114124";
    String v = fx.villages(street).get(0);
    String g1 = fx.grid(v);
    String g2 = fx.grid(v);
    fx.objects(g1, "RED", 2); // 16
    fx.objects(g2, "BLUE", 1); // 1
    long a = fx.trainedOfficer(street, "STREET");
    long b = fx.trainedOfficer(street, "STREET");
    fx.assign(a, g1);
    fx.assign(b, g2);
    Cookie admin = logIn("admin", "admin-test-password");
    String html =
        mvc.perform(get("/workforce/officers/" + a + "/load").cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"officer-load\"").contains(g1).doesNotContain(g2);
    assertThat(html).contains(">16.0<").contains("8.5");
    assertThat(html).containsAnyOf("超负荷", ">Over<");
    mvc.perform(get("/workforce/officers/" + a + "/load").cookie(logIn("xiqing.admin", DEMO)))
        .andExpect(status().isNotFound());
  }

  /** Logs in through the form; the session lives in the database, so the cookie carries it. */
  private Cookie logIn(String user, String password) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(formLogin("/login").user(user).password(password))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse();
    Cookie cookie = response.getCookies().length == 0 ? null : response.getCookies()[0];
    assertThat(cookie).as("session cookie").isNotNull();
    return cookie;
  }

  // ------------------------------------------------------------------ rebalancing

  @Test
  void rebalancingEvensTheLoadRespectingVillageRuleAndQualification() {
    String street = "120114122";
    List<String> villages = fx.villages(street);
    String v1 = villages.get(0);
    String v2 = villages.get(1);
    String[] g = {fx.grid(v1), fx.grid(v1), fx.grid(v1), fx.grid(v1), fx.grid(v2), fx.grid(v2)};
    fx.objects(g[0], "RED", 5); // 40
    fx.objects(g[1], "RED", 4); // 32
    fx.objects(g[2], "RED", 3); // 24
    fx.objects(g[3], "RED", 2); // 16
    fx.objects(g[4], "BLUE", 10); // 10
    fx.objects(g[5], "RED", 1); // 8
    long heavy = fx.trainedOfficer(street, "STREET");
    fx.assign(heavy, g[0], g[1], g[2], g[3]); // 112
    long light = fx.trainedOfficer(street, "STREET");
    fx.assign(light, g[5]); // 8
    long villageHolder = fx.trainedOfficer(v2, "VILLAGE");
    fx.assign(villageHolder, g[4]); // 10
    long idleVillage = fx.officer(v2, "VILLAGE", "ACTIVE", true); // may only take v2 grids
    long untrained = fx.officer(street, "STREET", "ACTIVE", false); // may take nothing
    Set<String> coveredBefore = coverage.coveredGridCodes(street);

    double spreadBefore = spread(street);
    Res proposed =
        call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance?street=" + street, null);
    assertThat(proposed.status).isEqualTo(201);
    JsonNode p = proposed.body;
    assertThat(p.get("status").asString()).isEqualTo("PROPOSED");
    assertThat(p.get("spreadMetric").asString()).isEqualTo("MAX_MINUS_MIN");
    assertThat(p.get("spreadBefore").asDouble()).isEqualTo(spreadBefore).isEqualTo(112.0);
    assertThat(p.get("spreadAfter").asDouble()).isLessThan(p.get("spreadBefore").asDouble());
    assertThat(p.get("moves").size()).isPositive();
    Set<String> v1Grids = Set.of(g[0], g[1], g[2], g[3]);
    for (JsonNode m : p.get("moves")) {
      long to = m.get("toOfficerId").asLong();
      assertThat(to).isNotEqualTo(untrained);
      if (to == idleVillage || to == villageHolder) {
        assertThat(v1Grids).doesNotContain(m.get("gridCode").asString());
      }
    }
    assertThat(p.get("officers")).hasSize(5);
    long id = p.get("id").asLong();
    JsonNode read = call("admin", HttpMethod.GET, "/api/v1/staffing/rebalance/" + id, null).body;
    assertThat(read.get("basisCurrent").asBoolean()).isTrue();
    assertThat(
            call("xiqing.admin", HttpMethod.GET, "/api/v1/staffing/rebalance/" + id, null).status)
        .isEqualTo(404);
    assertThat(
            call(
                    "admin",
                    HttpMethod.POST,
                    "/api/v1/staffing/rebalance/" + id + "/apply?version=7",
                    null)
                .status)
        .isEqualTo(409);

    Res applied =
        call(
            "admin",
            HttpMethod.POST,
            "/api/v1/staffing/rebalance/" + id + "/apply?version=" + read.get("version").asInt(),
            null);
    assertThat(applied.status).isEqualTo(200);
    assertThat(applied.body.get("status").asString()).isEqualTo("APPLIED");

    // recomputed from the database: the load is more even, and the proposal said so
    double spreadAfter = spread(street);
    assertThat(spreadAfter).isLessThan(spreadBefore).isEqualTo(p.get("spreadAfter").asDouble());
    // every grid covered before still is; nobody broke the village rule or is untrained
    assertThat(coverage.coveredGridCodes(street)).containsAll(coveredBefore);
    List<Map<String, Object>> current =
        jdbc.sql(
                "SELECT a.officer_id, a.grid_code, a.grid_division_code, o.tier, o.division_code"
                    + " FROM officer_assignment a JOIN officer o ON o.id = a.officer_id"
                    + " WHERE a.grid_division_code LIKE ? AND a.ends_on IS NULL")
            .param(street + "%")
            .query()
            .listOfRows();
    for (Map<String, Object> row : current) {
      if ("VILLAGE".equals(row.get("tier"))) {
        assertThat(row.get("grid_division_code")).isEqualTo(row.get("division_code"));
      }
      assertThat(((Number) row.get("officer_id")).longValue()).isNotEqualTo(untrained);
    }
    // history kept: the moved assignments ended with the reason, the new ones name the proposal
    int moves = p.get("moves").size();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM officer_assignment WHERE rebalance_id = ?"
                        + " AND ends_on IS NULL")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(moves);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM officer_assignment WHERE grid_division_code LIKE ?"
                        + " AND ends_on IS NOT NULL AND end_reason = ?")
                .params(street + "%", "rebalance #" + id)
                .query(Integer.class)
                .single())
        .isEqualTo(moves);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'staffing.rebalance.apply'"
                        + " AND target_id = ?")
                .param(Long.toString(id))
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    // applied once only
    assertThat(
            call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance/" + id + "/apply", null)
                .status)
        .isEqualTo(409);
    JsonNode history =
        call("admin", HttpMethod.GET, "/api/v1/staffing/rebalance?street=" + street, null).body;
    assertThat(history.get(0).get("id").asLong()).isEqualTo(id);
  }

  @Test
  void aProposalBecomesStaleWhenTheStreetsAssignmentsChange() {
    String street = "120114123";
    String v = fx.villages(street).get(0);
    String g1 = fx.grid(v);
    String g2 = fx.grid(v);
    String g3 = fx.grid(v);
    fx.objects(g1, "RED", 3);
    fx.objects(g2, "RED", 3);
    long a = fx.trainedOfficer(street, "STREET");
    fx.assign(a, g1, g2);
    long b = fx.officer(street, "STREET", "ACTIVE", true);
    JsonNode p =
        call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance?street=" + street, null).body;
    assertThat(p.get("moves")).hasSize(1);
    long id = p.get("id").asLong();

    fx.assign(b, g3); // someone changes the street meanwhile
    assertThat(
            call("admin", HttpMethod.GET, "/api/v1/staffing/rebalance/" + id, null)
                .body
                .get("basisCurrent")
                .asBoolean())
        .isFalse();
    Res refused =
        callAs(
            "admin",
            "admin-test-password",
            "zh",
            HttpMethod.POST,
            "/api/v1/staffing/rebalance/" + id + "/apply",
            null);
    assertThat(refused.status).isEqualTo(409);
    assertThat(refused.body.get("detail").asString()).contains("已过时");
    assertThat(
            call("admin", HttpMethod.GET, "/api/v1/staffing/rebalance/" + id, null)
                .body
                .get("status")
                .asString())
        .isEqualTo("STALE");
    // nothing was moved
    assertThat(
            jdbc.sql("SELECT count(*) FROM officer_assignment WHERE rebalance_id = ?")
                .param(id)
                .query(Integer.class)
                .single())
        .isZero();

    // a new proposal can be discarded, and is kept
    long second =
        call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance?street=" + street, null)
            .body
            .get("id")
            .asLong();
    Res discarded =
        call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance/" + second + "/discard", null);
    assertThat(discarded.body.get("status").asString()).isEqualTo("DISCARDED");
    assertThat(
            call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance/" + second + "/apply", null)
                .status)
        .isEqualTo(409);
    assertThat(
            call("admin", HttpMethod.GET, "/api/v1/staffing/rebalance?street=" + street, null).body)
        .hasSize(2);
  }

  @Test
  void aStreetAdministratorRebalancesTheirStreetOnly() {
    assertThat(
            call(
                    "heping.street",
                    HttpMethod.POST,
                    "/api/v1/staffing/rebalance?street=120101001",
                    null)
                .status)
        .isEqualTo(201);
    assertThat(
            call(
                    "heping.street",
                    HttpMethod.POST,
                    "/api/v1/staffing/rebalance?street=120101002",
                    null)
                .status)
        .isEqualTo(404);
    assertThat(
            call("auditor", HttpMethod.POST, "/api/v1/staffing/rebalance?street=120101001", null)
                .status)
        .isEqualTo(403);
    assertThat(
            call("admin", HttpMethod.POST, "/api/v1/staffing/rebalance?street=120101", null).status)
        .isEqualTo(400);
  }

  // ------------------------------------------------------------------ helpers

  private double spread(String street) {
    JsonNode report =
        call("admin", HttpMethod.GET, "/api/v1/staffing/workload?division=" + street, null).body;
    double min = Double.MAX_VALUE;
    double max = 0;
    for (JsonNode o : report.get("officers")) {
      min = Math.min(min, o.get("load").asDouble());
      max = Math.max(max, o.get("load").asDouble());
    }
    return max - min;
  }

  private JsonNode outer() {
    for (JsonNode n :
        call("admin", HttpMethod.GET, "/api/v1/staffing/norms", null).body.get("categories")) {
      if (n.get("category").asString().equals("OUTER")) {
        return n;
      }
    }
    throw new AssertionError("no OUTER");
  }

  private static String category(JsonNode districts, String code) {
    for (JsonNode d : districts) {
      if (d.get("districtCode").asString().equals(code)) {
        return d.get("category").asString();
      }
    }
    throw new AssertionError("no district " + code);
  }

  private static JsonNode street(Res res) {
    assertThat(res.status).isEqualTo(200);
    assertThat(res.body.get("streets")).hasSize(1);
    return res.body.get("streets").get(0);
  }

  private static JsonNode load(JsonNode report, long officer) {
    for (JsonNode o : report.get("officers")) {
      if (o.get("officerId").asLong() == officer) {
        return o;
      }
    }
    throw new AssertionError("no officer " + officer + " in " + report);
  }

  private static Map<String, String> fields(JsonNode problem) {
    Map<String, String> out = new java.util.HashMap<>();
    for (JsonNode f : problem.get("fields")) {
      out.put(f.get("field").asString(), f.get("message").asString());
    }
    return out;
  }

  record Res(int status, String contentType, JsonNode body) {}

  private Res call(String user, HttpMethod method, String path, Object body) {
    return callAs(
        user, user.equals("admin") ? "admin-test-password" : DEMO, null, method, path, body);
  }

  private Res callAs(
      String user, String password, String lang, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (lang != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
    }
    ResponseEntity<String> r =
        rest.withBasicAuth(user, password)
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    JsonNode node = r.getBody() == null ? null : json.readTree(r.getBody());
    String type =
        r.getHeaders().getContentType() == null ? "" : r.getHeaders().getContentType().toString();
    return new Res(r.getStatusCode().value(), type, node);
  }
}
