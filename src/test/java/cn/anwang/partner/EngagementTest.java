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
 * Engagements over HTTP: made by the district for a qualified, not blacklisted organisation over
 * its own grids and objects only, read inside the district, ended once with a reason, audited.
 */
@IntegrationTest
class EngagementTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    return new PartnerFixture(mvc, json).call(user, r, body, expect);
  }

  private long organisation(LocalDate validFrom) throws Exception {
    return new PartnerFixture(mvc, json)
        .organisation("天津隐患排查服务中心", "SAFETY_ASSESSMENT", validFrom, validFrom.plusYears(5));
  }

  private Map<String, Object> engagement(long org, List<String> grids, List<Long> objects) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("organisationId", org);
    e.put("kind", "GOVERNMENT_PURCHASE");
    e.put("client", "和平区应急管理局");
    e.put("services", List.of("HAZARD_SURVEY", "RECTIFICATION_GUIDANCE"));
    e.put("contractRef", "HPYJ-2026-018");
    e.put("startsOn", TODAY.minusDays(10).toString());
    e.put("endsOn", TODAY.plusMonths(6).toString());
    e.put("noticeOn", TODAY.minusDays(20).toString());
    e.put("grids", grids);
    e.put("objects", objects);
    return e;
  }

  @Test
  void anEngagementCoversItsDistrictsGridsAndObjectsOnly() throws Exception {
    long org = organisation(TODAY.minusYears(1));
    List<String> grids =
        jdbc.sql("SELECT code FROM grid WHERE code LIKE '120101001%' ORDER BY code LIMIT 2")
            .query(String.class)
            .list();
    assertThat(grids).hasSize(2);
    long ours =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE district_code = '120101' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    long theirs =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE district_code = '120111' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    String xiqingGrid =
        jdbc.sql("SELECT code FROM grid WHERE code LIKE '120111%' ORDER BY code LIMIT 1")
            .query(String.class)
            .single();

    call(
        "heping.street",
        post("/api/v1/partner-engagements"),
        engagement(org, grids, List.of()),
        403);
    call(
        "heping.admin",
        post("/api/v1/partner-engagements"),
        engagement(org, grids, List.of(theirs)),
        422);
    call(
        "heping.admin",
        post("/api/v1/partner-engagements"),
        engagement(org, List.of(xiqingGrid), List.of()),
        422);
    call(
        "heping.admin",
        post("/api/v1/partner-engagements"),
        engagement(org, List.of(), List.of()),
        422);
    Map<String, Object> reversed = engagement(org, grids, List.of());
    reversed.put("endsOn", TODAY.minusMonths(1).toString());
    call("heping.admin", post("/api/v1/partner-engagements"), reversed, 422);
    Map<String, Object> lateNotice = engagement(org, grids, List.of());
    lateNotice.put("noticeOn", TODAY.toString());
    call("heping.admin", post("/api/v1/partner-engagements"), lateNotice, 422);
    long unqualified = organisation(TODAY.plusDays(5));
    call(
        "heping.admin",
        post("/api/v1/partner-engagements"),
        engagement(unqualified, grids, List.of()),
        422);
    long black = organisation(TODAY.minusYears(1));
    call(
        "heping.admin",
        post("/api/v1/partners/" + black + "/blacklist"),
        Map.of("reason", "虚假报告"),
        200);
    call(
        "heping.admin",
        post("/api/v1/partner-engagements"),
        engagement(black, grids, List.of()),
        422);
    assertThat(
            jdbc.sql("SELECT count(*) FROM partner_engagement WHERE organisation_id IN (?, ?, ?)")
                .params(org, unqualified, black)
                .query(Long.class)
                .single())
        .isZero();

    JsonNode e =
        call(
            "heping.admin",
            post("/api/v1/partner-engagements"),
            engagement(org, grids, List.of(ours)),
            201);
    long id = e.get("id").asLong();
    assertThat(e.get("district").asString()).isEqualTo("120101");
    assertThat(e.get("active").asBoolean()).isTrue();
    assertThat(e.get("grids")).hasSize(grids.size());
    assertThat(e.get("objects").get(0).asLong()).isEqualTo(ours);
    assertThat(e.get("services").toString())
        .contains("HAZARD_SURVEY")
        .contains("RECTIFICATION_GUIDANCE");

    // read inside the district only
    call("heping.street", get("/api/v1/partner-engagements/" + id), null, 200);
    call("xiqing.admin", get("/api/v1/partner-engagements/" + id), null, 404);
    call("heping.officer", get("/api/v1/partner-engagements"), null, 403);
    assertThat(
            call("xiqing.admin", get("/api/v1/partner-engagements?organisation=" + org), null, 200))
        .isEmpty();
    assertThat(
            call(
                "heping.admin",
                get("/api/v1/partner-engagements?active=true&organisation=" + org),
                null,
                200))
        .hasSize(1);

    // ended once, with a reason
    call(
        "heping.admin",
        post("/api/v1/partner-engagements/" + id + "/end"),
        Map.of("reason", ""),
        422);
    JsonNode ended =
        call(
            "heping.admin",
            post("/api/v1/partner-engagements/" + id + "/end"),
            Map.of("reason", "合同提前终止"),
            200);
    assertThat(ended.get("active").asBoolean()).isFalse();
    call(
        "heping.admin",
        post("/api/v1/partner-engagements/" + id + "/end"),
        Map.of("reason", "again"),
        409);
    assertThat(
            call(
                "heping.admin",
                get("/api/v1/partner-engagements?active=false&organisation=" + org),
                null,
                200))
        .hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE target_id = ?"
                        + " AND action LIKE 'partner.engagement.%'")
                .param(Long.toString(id))
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }
}
