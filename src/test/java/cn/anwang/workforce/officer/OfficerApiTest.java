package cn.anwang.workforce.officer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.workforce.officer.OfficerFixtures.Answer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code /api/v1/officers} over real HTTP on the embedded PostgreSQL, as the demo users. */
@IntegrationTest
class OfficerApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  OfficerFixtures f;

  @BeforeEach
  void setUp() {
    f = new OfficerFixtures(rest, jdbc, json);
  }

  @Test
  void createsAnOfficerWithTheIdNumberProtectedAndShowsThePhoneOnlyToAdministrators() {
    String village = f.freeVillage("120101");
    String idNumber = OfficerFixtures.idNumber();
    Answer created =
        f.post(
            "heping.admin",
            "/api/v1/officers",
            Map.of(
                "name", "测试网格员甲",
                "divisionCode", village,
                "tier", "VILLAGE",
                "employment", "STAFF",
                "enforcementPower", true,
                "phone", "139 1234 5678",
                "idNumber", idNumber.toLowerCase()));
    assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("status").asString()).isEqualTo("CANDIDATE");
    assertThat(created.body().get("idNumber").asString())
        .isEqualTo("****" + idNumber.substring(14));
    assertThat(created.body().toString()).doesNotContain(idNumber);
    assertThat(created.body().get("districtCode").asString()).isEqualTo("120101");

    // stored encrypted, hashed and by tail only
    Map<String, Object> row =
        jdbc.sql(
                "SELECT id_number_cipher, id_number_hash, id_number_tail FROM officer WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(
            new String(
                (byte[]) row.get("id_number_cipher"), java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain(idNumber.substring(0, 10));
    assertThat((String) row.get("id_number_hash")).hasSize(64);
    assertThat(row.get("id_number_tail")).isEqualTo(idNumber.substring(14));
    assertThat(f.auditCount("officer.create", id)).isEqualTo(1);

    // an administrator sees the phone in full, and the read is audited
    Answer asAdmin = f.get("heping.admin", "/api/v1/officers/" + id);
    assertThat(asAdmin.body().get("phone").asString()).isEqualTo("13912345678");
    assertThat(asAdmin.body().get("phoneMasked").asBoolean()).isFalse();
    assertThat(f.auditCount("officer.phone.read", id)).isEqualTo(1);
    // department staff of the district see it masked, not audited
    Answer asStaff = f.get("heping.yingji", "/api/v1/officers/" + id);
    assertThat(asStaff.status()).isEqualTo(200);
    assertThat(asStaff.body().get("phone").asString()).isEqualTo("139****5678");
    assertThat(f.auditCount("officer.phone.read", id)).isEqualTo(1);

    // listed with the filters, phones masked
    Answer list =
        f.get(
            "heping.admin",
            "/api/v1/officers?division="
                + village
                + "&tier=VILLAGE&status=CANDIDATE&employment=STAFF&q=甲");
    assertThat(list.body().get("total").asLong()).isEqualTo(1);
    assertThat(list.body().get("officers").get(0).get("phone").asString()).isEqualTo("139****5678");
    assertThat(
            f.get("heping.admin", "/api/v1/officers?division=" + village + "&tier=STREET")
                .body()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void anotherDistrictCannotSeeOrChangeTheOfficer() {
    long id = f.createOfficer("heping.admin", "和平网格员", f.freeVillage("120101"), Tier.VILLAGE);
    Answer seen = f.get("xiqing.admin", "/api/v1/officers/" + id);
    assertThat(seen.status()).isEqualTo(404);
    assertThat(seen.body().get("detail").asString()).contains("不存在");
    Answer list = f.get("xiqing.admin", "/api/v1/officers?size=200&q=和平网格员");
    assertThat(list.body().get("total").asLong()).isZero();
    Answer patch =
        f.call(
            "xiqing.admin",
            HttpMethod.PATCH,
            "/api/v1/officers/" + id,
            Map.of("name", "x", "version", 0),
            "en");
    assertThat(patch.status()).isEqualTo(404);
    Answer suspend =
        f.post("xiqing.admin", "/api/v1/officers/" + id + "/suspend", Map.of("reason", "x"));
    assertThat(suspend.status()).isEqualTo(404);
    // and a heping administrator cannot register an officer in xiqing
    Answer outside =
        f.call(
            "heping.admin",
            HttpMethod.POST,
            "/api/v1/officers",
            Map.of(
                "name", "越界",
                "divisionCode", f.freeVillage("120111"),
                "tier", "VILLAGE",
                "employment", "STAFF",
                "idNumber", OfficerFixtures.idNumber()),
            "en");
    assertThat(outside.status()).isEqualTo(422);
    assertThat(outside.body().get("field").asString()).isEqualTo("divisionCode");
    assertThat(outside.body().get("detail").asString())
        .contains("outside the territory you manage");
  }

  @Test
  void refusesBadFieldsNamingTheFieldInTheCallersLanguage() {
    String village = f.freeVillage("120101");
    Map<String, Object> body = new HashMap<>();
    body.put("name", "校验");
    body.put("divisionCode", village);
    body.put("tier", "VILLAGE");
    body.put("employment", "PART_TIME");
    body.put("idNumber", OfficerFixtures.withWrongCheck(OfficerFixtures.idNumber()));
    Answer zh = f.call("heping.admin", HttpMethod.POST, "/api/v1/officers", body, "zh-CN");
    assertThat(zh.status()).isEqualTo(422);
    assertThat(zh.body().get("field").asString()).isEqualTo("idNumber");
    assertThat(zh.body().get("detail").asString()).isEqualTo("身份证号校验位不正确");
    Answer en = f.call("heping.admin", HttpMethod.POST, "/api/v1/officers", body, "en");
    assertThat(en.body().get("detail").asString())
        .isEqualTo("The check digit of the ID number is wrong");

    body.put("idNumber", "120101900101123"); // 15 digits
    assertThat(f.post("heping.admin", "/api/v1/officers", body).body().get("detail").asString())
        .contains("18 位");

    // a street code for a village officer
    body.put("idNumber", OfficerFixtures.idNumber());
    body.put("divisionCode", village.substring(0, 9));
    Answer level = f.post("heping.admin", "/api/v1/officers", body);
    assertThat(level.status()).isEqualTo(422);
    assertThat(level.body().get("field").asString()).isEqualTo("divisionCode");
    assertThat(level.body().get("detail").asString()).contains("村居网格员须属于一个村居");

    body.put("divisionCode", village);
    body.put("phone", "12345");
    assertThat(f.post("heping.admin", "/api/v1/officers", body).body().get("field").asString())
        .isEqualTo("phone");

    // department staff may not register officers
    body.put("phone", "13812345678");
    assertThat(f.post("heping.yingji", "/api/v1/officers", body).status()).isEqualTo(403);
  }

  @Test
  void aSecondOfficerWithTheSameIdNumberIsAConflictNamingTheFirst() {
    String idNumber = OfficerFixtures.idNumber();
    Map<String, Object> body = new HashMap<>();
    body.put("name", "重复甲");
    body.put("divisionCode", f.freeVillage("120101"));
    body.put("tier", "VILLAGE");
    body.put("employment", "STAFF");
    body.put("idNumber", idNumber);
    Answer first = f.post("heping.admin", "/api/v1/officers", body);
    assertThat(first.status()).isEqualTo(201);
    body.put("name", "重复乙");
    body.put("idNumber", " " + idNumber.toLowerCase() + " ");
    Answer second = f.post("heping.admin", "/api/v1/officers", body);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body().get("existingId").asLong()).isEqualTo(first.body().get("id").asLong());
    assertThat(second.body().get("detail").asString()).contains("重复甲");
    // someone who cannot see the first officer learns only that the number is taken
    body.put("divisionCode", f.freeVillage("120111"));
    Answer elsewhere = f.post("xiqing.admin", "/api/v1/officers", body);
    assertThat(elsewhere.status()).isEqualTo(409);
    assertThat(elsewhere.body().has("existingId")).isFalse();
    assertThat(elsewhere.body().get("detail").asString()).doesNotContain("重复甲");
  }

  @Test
  void updatesWithTheVersionReadAndRefusesAStaleOne() {
    long id = f.createOfficer("heping.admin", "改名前", f.freeVillage("120101"), Tier.VILLAGE);
    Answer changed =
        f.call(
            "heping.admin",
            HttpMethod.PATCH,
            "/api/v1/officers/" + id,
            Map.of("name", "改名后", "enforcementPower", true, "version", 0),
            "zh-CN");
    assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
    assertThat(changed.body().get("name").asString()).isEqualTo("改名后");
    assertThat(changed.body().get("version").asInt()).isEqualTo(1);
    Answer stale =
        f.call(
            "heping.admin",
            HttpMethod.PATCH,
            "/api/v1/officers/" + id,
            Map.of("name", "又改", "version", 0),
            "zh-CN");
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().get("detail").asString()).contains("第 0 版").contains("第 1 版");
    assertThat(f.get("heping.admin", "/api/v1/officers/" + id).body().get("name").asString())
        .isEqualTo("改名后");
    assertThat(f.auditCount("officer.update", id)).isEqualTo(1);
  }

  @Test
  void suspendingEndsTheGridsAndReactivationNeedsANewAssignment() {
    String village = f.freeVillage("120101");
    String grid = f.gridsOf(village).get(0);
    long id = f.createOfficer("heping.admin", "暂停测试", village, Tier.VILLAGE);
    f.certify(id);
    assertThat(
            f.post("heping.admin", "/api/v1/assignments", Map.of("officerId", id, "gridCode", grid))
                .status())
        .isEqualTo(201);
    Answer suspended =
        f.post("heping.admin", "/api/v1/officers/" + id + "/suspend", Map.of("reason", "病假"));
    assertThat(suspended.status()).as(suspended.body().toString()).isEqualTo(200);
    assertThat(suspended.body().get("status").asString()).isEqualTo("SUSPENDED");
    assertThat(suspended.body().get("currentGrids")).isEmpty();
    JsonNode history =
        f.get("heping.admin", "/api/v1/assignments?history=true&officerId=" + id).body();
    assertThat(history.get(0).get("endReason").asString()).isEqualTo("病假");
    assertThat(history.get(0).get("current").asBoolean()).isFalse();
    // suspended: no grid
    Answer refused =
        f.post("heping.admin", "/api/v1/assignments", Map.of("officerId", id, "gridCode", grid));
    assertThat(refused.body().get("reason").asString()).isEqualTo("OFFICER_CANNOT_HOLD_GRID");
    Answer back =
        f.post("heping.admin", "/api/v1/officers/" + id + "/reactivate", Map.of("reason", "复岗"));
    assertThat(back.body().get("status").asString()).isEqualTo("CANDIDATE");
    Answer again =
        f.post("heping.admin", "/api/v1/assignments", Map.of("officerId", id, "gridCode", grid));
    assertThat(again.status()).isEqualTo(201);
    assertThat(f.get("heping.admin", "/api/v1/officers/" + id).body().get("status").asString())
        .isEqualTo("ACTIVE");
    assertThat(f.auditCount("officer.suspend", id)).isEqualTo(1);
    assertThat(f.auditCount("officer.reactivate", id)).isEqualTo(1);
  }

  @Test
  void anOfficerReadsTheirOwnRecordOnly() {
    Long userId =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.officer'")
            .query(Long.class)
            .single();
    String street =
        jdbc.sql("SELECT territory_code FROM app_user WHERE id = ?")
            .param(userId)
            .query(String.class)
            .single();
    Long linked =
        jdbc.sql("SELECT id FROM officer WHERE user_id = ?")
            .param(userId)
            .query(Long.class)
            .optional()
            .orElse(null);
    if (linked == null) {
      Map<String, Object> body = new HashMap<>();
      body.put("name", "劝业场网格员");
      body.put("divisionCode", street);
      body.put("tier", "STREET");
      body.put("employment", "STAFF");
      body.put("idNumber", OfficerFixtures.idNumber());
      body.put("userId", userId);
      Answer created = f.post("heping.admin", "/api/v1/officers", body);
      assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
      linked = created.body().get("id").asLong();
      // the account cannot be linked twice, nor to a village officer
      body.put("idNumber", OfficerFixtures.idNumber());
      Answer twice = f.post("heping.admin", "/api/v1/officers", body);
      assertThat(twice.status()).isEqualTo(422);
      assertThat(twice.body().get("field").asString()).isEqualTo("userId");
    }
    Answer me = f.get("heping.officer", "/api/v1/officers/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("id").asLong()).isEqualTo(linked);
    assertThat(me.body().get("username").asString()).isEqualTo("heping.officer");
    assertThat(f.get("heping.officer", "/api/v1/officers/" + linked).status()).isEqualTo(200);
    long other = f.createOfficer("heping.admin", "别人", f.freeVillage("120101"), Tier.VILLAGE);
    assertThat(f.get("heping.officer", "/api/v1/officers/" + other).status()).isEqualTo(404);
    assertThat(f.get("heping.officer", "/api/v1/officers").body().get("total").asLong())
        .isEqualTo(1);
    assertThat(f.get("xiqing.officer", "/api/v1/officers/me").status()).isEqualTo(404);
  }
}
