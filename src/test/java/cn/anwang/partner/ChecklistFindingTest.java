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
 * A partner user's checklist at an object in scope (the inspection checklist that applies to it):
 * every NO becomes one case of source THIRD_PARTY, once for a retried client id; refusals name the
 * item; the street dispatches such a case, and the performance counts each finding once.
 */
@IntegrationTest
class ChecklistFindingTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private PartnerFixture fixture() {
    return new PartnerFixture(mvc, json);
  }

  private JsonNode call(String user, MockHttpServletRequestBuilder r, Object body, int expect)
      throws Exception {
    return fixture().call(user, r, body, expect);
  }

  private static Map<String, Object> submission(
      long engagement, long object, long checklist, String clientId, List<Map<String, Object>> a) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("engagementId", engagement);
    s.put("objectId", object);
    s.put("checklistId", checklist);
    s.put("clientId", clientId);
    s.put("answers", a);
    return s;
  }

  private static Map<String, Object> answer(String item, String answer, String note) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("itemId", item);
    a.put("answer", answer);
    a.put("note", note);
    return a;
  }

  /** YES to every YES/NO/NA item but the first two, which are NO with a note. */
  private static List<Map<String, Object>> twoNos(JsonNode checklist) {
    List<Map<String, Object>> out = new ArrayList<>();
    int nos = 0;
    for (JsonNode item : checklist.get("items")) {
      if (!"YES_NO_NA".equals(item.get("answerType").asString())) {
        continue;
      }
      boolean no = nos++ < 2;
      out.add(answer(item.get("key").asString(), no ? "NO" : "YES", no ? "现场发现问题" : null));
    }
    return out;
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  @Test
  void aChecklistWithTwoNosMakesTwoThirdPartyCasesOnce() throws Exception {
    String partner = fixture().partnerAccount("第三方检查员");
    List<Long> street =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 2")
            .query(Long.class)
            .list();
    long object = street.get(0);
    long outside = street.get(1);
    long org =
        fixture()
            .organisation("天津清单检查服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(4));
    long mine = fixture().engagement(org, List.of(), List.of(object));
    long other =
        fixture()
            .engagement(
                fixture()
                    .organisation(
                        "天津另一服务", "SAFETY_ASSESSMENT", TODAY.minusYears(1), TODAY.plusYears(4)),
                List.of(),
                List.of(outside));
    fixture().grant(org, partner);

    // the checklist of an object in scope; outside the scope and another's engagement 404
    String base = "/api/v1/partner-engagements/";
    JsonNode checklist =
        call(partner, get(base + mine + "/objects/" + object + "/checklist"), null, 200);
    long checklistId = checklist.get("id").asLong();
    assertThat(checklist.get("items").size()).isGreaterThanOrEqualTo(3);
    call(partner, get(base + mine + "/objects/" + outside + "/checklist"), null, 404);
    call(partner, get(base + other + "/objects/" + outside + "/checklist"), null, 404);
    call("heping.officer", get(base + mine + "/objects/" + object + "/checklist"), null, 403);

    // refusals name the field or the item, and write nothing
    List<Map<String, Object>> answers = twoNos(checklist);
    String firstItem = (String) answers.get(0).get("itemId");
    String lastItem = (String) answers.get(answers.size() - 1).get("itemId");
    List<Map<String, Object>> unknown = new ArrayList<>(answers);
    unknown.add(answer("no-such-item", "NO", "x"));
    assertThat(
            call(
                    partner,
                    post("/api/v1/partner-findings"),
                    submission(mine, object, checklistId, "c-1", unknown),
                    422)
                .get("detail")
                .asString())
        .contains("no-such-item");
    List<Map<String, Object>> missing = new ArrayList<>(answers.subList(0, answers.size() - 1));
    assertThat(
            call(
                    partner,
                    post("/api/v1/partner-findings"),
                    submission(mine, object, checklistId, "c-1", missing),
                    422)
                .get("detail")
                .asString())
        .contains(lastItem)
        .contains("not answered");
    List<Map<String, Object>> maybe = new ArrayList<>(answers);
    maybe.set(0, answer(firstItem, "MAYBE", null));
    assertThat(
            call(
                    partner,
                    post("/api/v1/partner-findings"),
                    submission(mine, object, checklistId, "c-1", maybe),
                    422)
                .get("errors")
                .get(0)
                .get("field")
                .asString())
        .isEqualTo("answers");
    JsonNode wrongList =
        call(
            partner,
            post("/api/v1/partner-findings"),
            submission(mine, object, 999999999L, "c-1", answers),
            422);
    assertThat(wrongList.get("errors").get(0).get("field").asString()).isEqualTo("checklistId");
    JsonNode noClient =
        call(
            partner,
            post("/api/v1/partner-findings"),
            submission(mine, object, checklistId, " ", answers),
            422);
    assertThat(noClient.get("errors").get(0).get("field").asString()).isEqualTo("clientId");
    call(
        partner,
        post("/api/v1/partner-findings"),
        submission(mine, outside, checklistId, "c-2", answers),
        404);
    call(
        "heping.officer",
        post("/api/v1/partner-findings"),
        submission(mine, object, checklistId, "c-3", answers),
        403);
    assertThat(count("SELECT count(*) FROM partner_finding WHERE organisation_id = ?", org))
        .isZero();
    assertThat(count("SELECT count(*) FROM partner_submission WHERE organisation_id = ?", org))
        .isZero();

    // two NOs, two cases of source THIRD_PARTY; a retry makes none
    String clientId = "sub-" + System.nanoTime();
    JsonNode made =
        call(
            partner,
            post("/api/v1/partner-findings"),
            submission(mine, object, checklistId, clientId, answers),
            201);
    assertThat(made.get("created").asBoolean()).isTrue();
    assertThat(made.get("findings")).hasSize(2);
    long caseA = made.get("findings").get(0).get("caseId").asLong();
    long caseB = made.get("findings").get(1).get("caseId").asLong();
    assertThat(caseA).isNotEqualTo(caseB);
    assertThat(made.get("findings").get(0).get("itemId").asString()).isEqualTo(firstItem);
    assertThat(
            count(
                "SELECT count(*) FROM safety_case WHERE id IN (?, ?) AND source = 'THIRD_PARTY'",
                caseA,
                caseB))
        .isEqualTo(2);
    long casesBefore = count("SELECT count(*) FROM safety_case WHERE source = 'THIRD_PARTY'");
    JsonNode again =
        call(
            partner,
            post("/api/v1/partner-findings"),
            submission(mine, object, checklistId, clientId, answers),
            201);
    assertThat(again.get("created").asBoolean()).isFalse();
    assertThat(again.get("findings").get(0).get("caseId").asLong()).isEqualTo(caseA);
    assertThat(again.get("findings").get(1).get("caseId").asLong()).isEqualTo(caseB);
    assertThat(count("SELECT count(*) FROM safety_case WHERE source = 'THIRD_PARTY'"))
        .isEqualTo(casesBefore);
    assertThat(count("SELECT count(*) FROM partner_finding WHERE organisation_id = ?", org))
        .isEqualTo(2);

    // all YES: no case, but the submission is kept
    List<Map<String, Object>> allYes =
        answers.stream().map(a -> answer((String) a.get("itemId"), "YES", null)).toList();
    JsonNode clean =
        call(
            partner,
            post("/api/v1/partner-findings"),
            submission(mine, object, checklistId, clientId + "-ok", allYes),
            201);
    assertThat(clean.get("findings")).isEmpty();

    // he sees his cases and his findings; the street registers and dispatches one
    call(partner, get("/api/v1/cases/" + caseA), null, 200);
    call("heping.street", post("/api/v1/cases/" + caseA + "/register"), Map.of(), 200);
    JsonNode dispatched =
        call(
            "heping.street",
            post("/api/v1/cases/" + caseA + "/dispatch"),
            Map.of("handlerType", "STREET", "handlerCode", "120101001"),
            200);
    assertThat(dispatched.get("status").asString()).isEqualTo("DISPATCHED");
    String numberA = made.get("findings").get(0).get("caseNumber").asString();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode list = call(partner, get("/api/v1/partner-findings"), null, 200);
              return list.size() == 2
                  && numberA.equals(list.get(1).get("caseNumber").asString())
                  && "DISPATCHED".equals(list.get(1).get("caseStatus").asString())
                  && "REPORTED".equals(list.get(0).get("caseStatus").asString());
            });
    call("heping.officer", get("/api/v1/partner-findings"), null, 403);

    // the performance counts one finding per case
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode p =
                  call("heping.admin", get("/api/v1/partners/" + org + "/performance"), null, 200);
              return p.get("totals").get("findings").asLong() == 2
                  && p.get("totals").get("confirmed").asLong() == 1
                  && p.get("totals").get("confirmedShare").asDouble() == 0.5;
            });
  }
}
