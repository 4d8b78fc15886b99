package cn.anwang.workforce.officer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.workforce.officer.OfficerFixtures.Answer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /api/v1/assignments} over real HTTP: train before post, village rules, scope, the gaps and
 * the grid quality report's list of grids without an active officer.
 */
@IntegrationTest
class AssignmentApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  OfficerFixtures f;

  @BeforeEach
  void setUp() {
    f = new OfficerFixtures(rest, jdbc, json);
  }

  private Answer assign(String user, long officer, String grid, String language) {
    return f.call(
        user,
        HttpMethod.POST,
        "/api/v1/assignments",
        Map.of("officerId", officer, "gridCode", grid, "reason", "测试"),
        language);
  }

  @Test
  void anUntrainedOfficerIsRefusedSayingWhyInChineseAndEnglish() {
    String village = f.freeVillage("120101");
    String grid = f.gridsOf(village).get(0);
    long id = f.createOfficer("heping.admin", "未培训", village, Tier.VILLAGE);
    Answer zh = assign("heping.admin", id, grid, "zh-CN");
    assertThat(zh.status()).isEqualTo(422);
    assertThat(zh.body().get("reason").asString()).isEqualTo("NOT_TRAINED");
    assertThat(zh.body().get("detail").asString())
        .startsWith("先培训后上岗：网格员 未培训")
        .contains("网格员岗前安全生产培训");
    Answer en = assign("heping.admin", id, grid, "en");
    assertThat(en.status()).isEqualTo(422);
    assertThat(en.body().get("detail").asString())
        .startsWith("Train before post: officer 未培训 has no valid pre-post training certificate");
    assertThat(
            jdbc.sql("SELECT count(*) FROM officer_assignment WHERE officer_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(f.get("heping.admin", "/api/v1/officers/" + id).body().get("status").asString())
        .isEqualTo("CANDIDATE");
  }

  @Test
  void anExpiredCertificateIsRefusedWithItsExpiry() {
    String village = f.freeVillage("120101");
    long id = f.createOfficer("heping.admin", "证书过期", village, Tier.VILLAGE);
    LocalDate expired = LocalDate.now().minusDays(1);
    f.certify(id, expired.minusYears(2), expired);
    Answer refused = assign("heping.admin", id, f.gridsOf(village).get(0), "zh-CN");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("reason").asString()).isEqualTo("NOT_TRAINED");
    assertThat(refused.body().get("detail").asString()).contains(expired.toString());
  }

  @Test
  void aTrainedOfficerTakesAGridOnceBecomesActiveAndTheGridLeavesTheGaps() {
    String village = f.freeVillage("120101");
    List<String> grids = f.gridsOf(village);
    String grid = grids.get(0);
    JsonNode before = f.get("heping.admin", "/api/v1/assignments/gaps?division=" + village).body();
    assertThat(codes(before.get("grids"))).containsAll(grids);
    assertThat(before.get("uncovered").asInt()).isEqualTo(grids.size());

    long id = f.createOfficer("heping.admin", "已培训", village, Tier.VILLAGE);
    f.certify(id);
    Answer made = assign("heping.admin", id, grid, "zh-CN");
    assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
    assertThat(made.body().get("gridCode").asString()).isEqualTo(grid);
    assertThat(made.body().get("startsOn").asString()).isEqualTo(LocalDate.now().toString());
    assertThat(made.body().get("officerName").asString()).isEqualTo("已培训");
    assertThat(f.get("heping.admin", "/api/v1/officers/" + id).body().get("status").asString())
        .isEqualTo("ACTIVE");

    Answer twice = assign("heping.admin", id, grid, "en");
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.body().get("reason").asString()).isEqualTo("ALREADY_ASSIGNED");
    assertThat(twice.body().get("detail").asString()).contains("already holds grid " + grid);

    JsonNode after = f.get("heping.admin", "/api/v1/assignments/gaps?division=" + village).body();
    assertThat(codes(after.get("grids"))).doesNotContain(grid).contains(grids.get(1));
    assertThat(after.get("uncovered").asInt()).isEqualTo(grids.size() - 1);
    assertThat(after.get("total").asInt()).isEqualTo(grids.size());

    // the district's gaps: counted per street and district, the street's row agrees
    JsonNode district = f.get("heping.admin", "/api/v1/assignments/gaps").body();
    assertThat(district.get("division").asString()).isEqualTo("120101");
    assertThat(codes(district.get("grids"))).doesNotContain(grid).contains(grids.get(1));
    JsonNode street = null;
    for (JsonNode s : district.get("byStreet")) {
      if (s.get("code").asString().equals(village.substring(0, 9))) {
        street = s;
      }
    }
    assertThat(street).isNotNull();
    assertThat(street.get("name").asString()).isNotBlank();
    assertThat(street.get("uncovered").asInt()).isLessThan(street.get("grids").asInt());
    assertThat(district.get("byDistrict").get(0).get("uncovered").asInt())
        .isEqualTo(district.get("uncovered").asInt());

    // the current list shows it; ending keeps it as history
    JsonNode current = f.get("heping.admin", "/api/v1/assignments?officerId=" + id).body();
    assertThat(current).hasSize(1);
    long assignment = current.get(0).get("id").asLong();
    Answer ended =
        f.post(
            "heping.admin", "/api/v1/assignments/" + assignment + "/end", Map.of("reason", "调整"));
    assertThat(ended.status()).isEqualTo(200);
    assertThat(ended.body().get("current").asBoolean()).isFalse();
    assertThat(f.get("heping.admin", "/api/v1/assignments?officerId=" + id).body()).isEmpty();
    assertThat(f.get("heping.admin", "/api/v1/assignments?history=true&officerId=" + id).body())
        .hasSize(1);
    assertThat(
            codes(
                f.get("heping.admin", "/api/v1/assignments/gaps?division=" + village)
                    .body()
                    .get("grids")))
        .contains(grid);
  }

  @Test
  void aVillageOfficerOnlyTakesGridsOfTheirVillage() {
    List<String> villages = f.freeVillages("120101", 1);
    String home = villages.get(villages.size() - 1);
    String elsewhere = null;
    for (String v : villages) {
      if (v.startsWith(home.substring(0, 9)) && !v.equals(home)) {
        elsewhere = v;
      }
    }
    assertThat(elsewhere).as("two free villages in one street").isNotNull();
    long id = f.createOfficer("heping.admin", "村居外", home, Tier.VILLAGE);
    f.certify(id);
    Answer refused = assign("heping.admin", id, f.gridsOf(elsewhere).get(0), "zh-CN");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body().get("reason").asString()).isEqualTo("OUTSIDE_VILLAGE");
    assertThat(refused.body().get("detail").asString()).contains("只能承担本村居的网格");
  }

  @Test
  void bothTheOfficerAndTheGridMustBeInTheCallersTerritory() {
    String heping = f.freeVillage("120101");
    long hepingOfficer = f.createOfficer("heping.admin", "和平甲", heping, Tier.VILLAGE);
    f.certify(hepingOfficer);
    String xiqing = f.freeVillage("120111");
    long xiqingOfficer = f.createOfficer("xiqing.admin", "西青甲", xiqing, Tier.VILLAGE);
    f.certify(xiqingOfficer);
    assertThat(assign("xiqing.admin", hepingOfficer, f.gridsOf(heping).get(0), "en").status())
        .isEqualTo(404);
    assertThat(assign("heping.admin", hepingOfficer, f.gridsOf(xiqing).get(0), "en").status())
        .isEqualTo(404);
    assertThat(assign("heping.admin", xiqingOfficer, f.gridsOf(xiqing).get(0), "en").status())
        .isEqualTo(404);
    Answer made = assign("xiqing.admin", xiqingOfficer, f.gridsOf(xiqing).get(0), "en");
    assertThat(made.status()).isEqualTo(201);
    long assignment = made.body().get("id").asLong();
    assertThat(
            f.post(
                    "heping.admin",
                    "/api/v1/assignments/" + assignment + "/end",
                    Map.of("reason", "x"))
                .status())
        .isEqualTo(404);
    assertThat(f.get("heping.admin", "/api/v1/assignments?officerId=" + xiqingOfficer).body())
        .isEmpty();
    assertThat(f.get("heping.admin", "/api/v1/assignments/gaps?division=120111").status())
        .isEqualTo(404);
  }

  @Test
  void theGridQualityReportListsTheGridsWithoutAnActiveOfficer() {
    String village = f.freeVillage("120101");
    List<String> grids = f.gridsOf(village);
    long id = f.createOfficer("heping.admin", "质量报告", village, Tier.VILLAGE);
    f.certify(id);
    assertThat(assign("heping.admin", id, grids.get(0), "zh-CN").status()).isEqualTo(201);
    Answer report =
        f.call(
            "heping.admin",
            HttpMethod.GET,
            "/api/v1/grids/quality?division=" + village.substring(0, 9),
            null,
            "en");
    assertThat(report.status()).isEqualTo(200);
    JsonNode officers = report.body().get("officers");
    assertThat(officers.get("dataAvailable").asBoolean()).isTrue();
    List<String> uncovered = new ArrayList<>();
    officers.get("gridsWithoutOfficer").forEach(n -> uncovered.add(n.asString()));
    assertThat(uncovered).doesNotContain(grids.get(0)).contains(grids.get(1));
    assertThat(officers.get("uncoveredCount").asInt()).isEqualTo(uncovered.size());
    assertThat(officers.get("note").asString()).contains("have no active officer");
  }

  private static List<String> codes(JsonNode grids) {
    List<String> codes = new ArrayList<>();
    grids.forEach(g -> codes.add(g.get("code").asString()));
    return codes;
  }
}
