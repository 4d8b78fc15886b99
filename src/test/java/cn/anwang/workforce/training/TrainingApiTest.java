package cn.anwang.workforce.training;

import static cn.anwang.workforce.training.TrainingFixtures.HEPING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.XIQING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Courses, sessions, exams, certificates and the annual plan over real HTTP. */
@IntegrationTest
class TrainingApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  TrainingFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new TrainingFixtures(jdbc);
  }

  // ------------------------------------------------------------------ courses

  @Test
  void aDistrictCourseIsTheDistrictsOwnAndValidatedInTheCallersLanguage() throws Exception {
    String code = unique("HP-COURSE");
    var created =
        call(
            "heping.admin",
            HttpMethod.POST,
            "/api/v1/training/courses",
            course(code, "4", "60", 12, "STREET", "120101"),
            null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode course = json.readTree(created.getBody());
    long id = course.get("id").asLong();
    assertThat(course.get("districtCode").asString()).isEqualTo("120101");

    assertThat(
            call("xiqing.admin", HttpMethod.GET, "/api/v1/training/courses/" + id, null, null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            call("xiqing.admin", HttpMethod.GET, "/api/v1/training/courses", null, null).getBody())
        .doesNotContain(code)
        .contains("GRID-PRE-POST");
    assertThat(
            call("heping.street", HttpMethod.GET, "/api/v1/training/courses", null, null).getBody())
        .contains(code);

    var badHours =
        call(
            "heping.admin",
            HttpMethod.POST,
            "/api/v1/training/courses",
            course(unique("X"), "0", "60", 12, "ALL", "120101"),
            "zh-CN");
    assertThat(badHours.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            badHours
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat(json.readTree(badHours.getBody()).at("/fields/0/field").asString())
        .isEqualTo("hours");
    assertThat(badHours.getBody()).contains("学时须大于 0");
    var badMark =
        call(
            "heping.admin",
            HttpMethod.POST,
            "/api/v1/training/courses",
            course(unique("X"), "4", "101", 12, "ALL", "120101"),
            "en");
    assertThat(badMark.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badMark.getBody()).contains("passMark").contains("between 0 and 100");
    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.POST,
                    "/api/v1/training/courses",
                    course(code, "4", "60", 12, "ALL", "120101"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.POST,
                    "/api/v1/training/courses",
                    course(unique("X"), "4", "60", 12, "ALL", null),
                    null)
                .getStatusCode())
        .as("a city-wide course is the city administrator's")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            call(
                    "heping.street",
                    HttpMethod.POST,
                    "/api/v1/training/courses",
                    course(unique("X"), "4", "60", 12, "ALL", "120101"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String update = course(code, "6", "70", 24, "ALL", "120101").replace("}", ",\"version\":0}");
    var updated =
        call("heping.admin", HttpMethod.PUT, "/api/v1/training/courses/" + id, update, null);
    assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(updated.getBody()).get("version").asInt()).isEqualTo(1);
    assertThat(
            call("heping.admin", HttpMethod.PUT, "/api/v1/training/courses/" + id, update, null)
                .getStatusCode())
        .as("version 0 is stale now")
        .isEqualTo(HttpStatus.CONFLICT);
    var deactivated =
        call(
            "heping.admin",
            HttpMethod.POST,
            "/api/v1/training/courses/" + id + "/deactivate?version=1",
            null,
            null);
    assertThat(json.readTree(deactivated.getBody()).get("active").asBoolean()).isFalse();
    assertThat(auditCount("training.course.update", String.valueOf(id))).isEqualTo(1);
  }

  // ------------------------------------------------------------------ sessions and exams

  @Test
  void theExamPassesAtThePassMarkAndIssuesACertificateValidForTheCoursesMonths() throws Exception {
    long course = fixtures.course("120101", unique("EXAM"), 60, 24);
    long atMark = fixtures.streetOfficer("刚好及格", HEPING_STREET);
    long below = fixtures.streetOfficer("差半分", HEPING_STREET);
    long session = session("heping.admin", course, "120101", "2026-03-10");

    var recorded =
        call(
            "heping.admin",
            HttpMethod.PUT,
            "/api/v1/training/sessions/" + session + "/attendance",
            "[{\"officerId\":"
                + atMark
                + ",\"attended\":true,\"score\":60},"
                + "{\"officerId\":"
                + below
                + ",\"attended\":true,\"score\":59.5}]",
            null);
    assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.OK);

    JsonNode passed = certificates(atMark);
    assertThat(passed.size()).isEqualTo(1);
    assertThat(passed.get(0).get("number").asString()).matches("TJ-120101-2026-\\d{5}");
    assertThat(passed.get(0).get("issuedOn").asString()).isEqualTo("2026-03-10");
    assertThat(passed.get(0).get("expiresOn").asString()).isEqualTo("2028-03-10");
    assertThat(passed.get(0).get("sessionId").asLong()).isEqualTo(session);
    assertThat(certificates(below).size()).isZero();

    JsonNode view =
        json.readTree(
            call(
                    "heping.street",
                    HttpMethod.GET,
                    "/api/v1/training/sessions/" + session,
                    null,
                    null)
                .getBody());
    assertThat(view.at("/session/passed").asInt()).isEqualTo(1);
    assertThat(view.get("attendance").size()).isEqualTo(2);
    assertThat(
            auditCount(
                "training.certificate.issue", String.valueOf(passed.get(0).get("id").asLong())))
        .isEqualTo(1);

    // recording the same passing score again issues nothing new
    call(
        "heping.admin",
        HttpMethod.PUT,
        "/api/v1/training/sessions/" + session + "/attendance",
        "[{\"officerId\":" + atMark + ",\"attended\":true,\"score\":75}]",
        null);
    assertThat(certificates(atMark).size()).isEqualTo(1);
  }

  @Test
  void aRescoreBelowThePassMarkRevokesTheSessionsCertificateAndPassingAgainIssuesANewOne()
      throws Exception {
    long course = fixtures.course("120101", unique("RESCORE"), 70, 12);
    long officer = fixtures.streetOfficer("重评", HEPING_STREET);
    long session = session("heping.admin", course, "120101", "2026-05-20");
    String path = "/api/v1/training/sessions/" + session + "/attendance";

    call(
        "heping.admin",
        HttpMethod.PUT,
        path,
        "[{\"officerId\":" + officer + ",\"attended\":true,\"score\":80}]",
        null);
    JsonNode first = certificates(officer).get(0);
    assertThat(first.get("expiresOn").asString()).isEqualTo("2027-05-20");
    assertThat(first.get("status").asString()).isIn("VALID", "EXPIRING", "EXPIRED");

    call(
        "heping.admin",
        HttpMethod.PUT,
        path,
        "[{\"officerId\":" + officer + ",\"attended\":true,\"score\":69.5}]",
        null);
    JsonNode afterRescore = certificates(officer);
    assertThat(afterRescore.size()).isEqualTo(1);
    assertThat(afterRescore.get(0).get("status").asString()).isEqualTo("REVOKED");
    assertThat(afterRescore.get(0).get("revokedReason").asString()).contains("69.5").contains("70");

    call(
        "heping.admin",
        HttpMethod.PUT,
        path,
        "[{\"officerId\":" + officer + ",\"attended\":true,\"score\":90}]",
        null);
    JsonNode again = certificates(officer);
    assertThat(again.size()).isEqualTo(2);
    assertThat(again.get(0).get("status").asString()).isNotEqualTo("REVOKED");
    assertThat(again.get(0).get("number").asString()).isNotEqualTo(first.get("number").asString());

    // and by hand, with a reason
    long id = again.get(0).get("id").asLong();
    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.POST,
                    "/api/v1/training/certificates/" + id + "/revoke",
                    "{\"reason\":\"证书信息有误\"}",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(certificates(officer).get(0).get("status").asString()).isEqualTo("REVOKED");
    assertThat(
            call(
                    "heping.admin",
                    HttpMethod.POST,
                    "/api/v1/training/certificates/" + id + "/revoke",
                    "{\"reason\":\"再次\"}",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void xiqingUsersSeeNothingOfHepingsSessionsOfficersAndCertificates() throws Exception {
    long course = fixtures.course(null, unique("SCOPE"), 60, 12);
    long heping = fixtures.streetOfficer("和平网格员", HEPING_STREET);
    long xiqing = fixtures.streetOfficer("西青网格员", XIQING_STREET);
    long hepingSession = session("heping.admin", course, "120101", "2026-04-01");
    long xiqingSession = session("xiqing.admin", course, "120111", "2026-04-02");
    call(
        "heping.admin",
        HttpMethod.PUT,
        "/api/v1/training/sessions/" + hepingSession + "/attendance",
        "[{\"officerId\":" + heping + ",\"attended\":true,\"score\":88}]",
        null);
    long certificate = certificates(heping).get(0).get("id").asLong();

    for (String user : List.of("xiqing.admin", "xiqing.street", "xiqing.shijian")) {
      assertThat(
              call(user, HttpMethod.GET, "/api/v1/training/sessions/" + hepingSession, null, null)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              call(
                      user,
                      HttpMethod.GET,
                      "/api/v1/training/certificates?officerId=" + heping,
                      null,
                      null)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(
              call(
                      user,
                      HttpMethod.GET,
                      "/api/v1/training/officers/" + heping + "/record",
                      null,
                      null)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(call(user, HttpMethod.GET, "/api/v1/training/sessions", null, null).getBody())
          .as(user)
          .doesNotContain("\"id\":" + hepingSession + ",");
      assertThat(
              call(user, HttpMethod.GET, "/api/v1/training/plans/120101/2026", null, null)
                  .getStatusCode())
          .as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(
            call(
                    "xiqing.admin",
                    HttpMethod.PUT,
                    "/api/v1/training/sessions/" + hepingSession + "/attendance",
                    "[{\"officerId\":" + xiqing + ",\"attended\":true,\"score\":88}]",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    var foreignOfficer =
        call(
            "xiqing.admin",
            HttpMethod.PUT,
            "/api/v1/training/sessions/" + xiqingSession + "/attendance",
            "[{\"officerId\":" + heping + ",\"attended\":true,\"score\":88}]",
            null);
    assertThat(foreignOfficer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            call(
                    "xiqing.admin",
                    HttpMethod.POST,
                    "/api/v1/training/certificates/" + certificate + "/revoke",
                    "{\"reason\":\"x\"}",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            call(
                    "xiqing.admin",
                    HttpMethod.POST,
                    "/api/v1/training/sessions",
                    "{\"courseId\":"
                        + course
                        + ",\"districtCode\":\"120101\",\"heldOn\":\"2026-04-03\",\"place\":\"x\",\"trainer\":\"y\"}",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    var otherDistrict =
        call(
            "admin",
            HttpMethod.PUT,
            "/api/v1/training/sessions/" + hepingSession + "/attendance",
            "[{\"officerId\":" + xiqing + ",\"attended\":true,\"score\":88}]",
            "en");
    assertThat(otherDistrict.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    assertThat(otherDistrict.getBody())
        .contains("does not belong to the session's district 120101");
    assertThat(certificates(heping).get(0).get("status").asString()).isNotEqualTo("REVOKED");
  }

  // ------------------------------------------------------------------ annual plan

  @Test
  void planCoverageCountsTrainedDueAndOverdueOfficersPerStreet() throws Exception {
    int thisYear = LocalDate.now(CertificateService.ZONE).getYear();
    int last = thisYear - 1;
    int next = thisYear + 1;
    long course = fixtures.course("120101", unique("PLAN"), 60, 12);
    long validNow = fixtures.streetOfficer("甲 今天有效", HEPING_STREET);
    long validThen = fixtures.streetOfficer("乙 截止日有效", HEPING_STREET);
    long candidate = fixtures.officer("丙 候选无证", HEPING_STREET, "STREET", "CANDIDATE", null);
    long village =
        fixtures.officer("丁 村居无证", fixtures.villageOf(HEPING_STREET), "VILLAGE", "ACTIVE", null);
    long left = fixtures.officer("戊 已离职", HEPING_STREET, "STREET", "LEFT", null);
    LocalDate today = LocalDate.now(CertificateService.ZONE);
    fixtures.certificate(
        validNow, course, today.minusDays(1).toString(), today.plusMonths(6).toString());
    fixtures.certificate(validThen, course, last + "-01-01", last + "-06-01");
    long revoked =
        fixtures.certificate(
            village, course, today.minusDays(1).toString(), today.plusMonths(6).toString());
    jdbc.sql("UPDATE training_certificate SET revoked_at = now() WHERE id = ?")
        .param(revoked)
        .update();

    assertThat(
            call(
                    "heping.street",
                    HttpMethod.PUT,
                    "/api/v1/training/plans/120101/" + last,
                    "[{\"courseId\":"
                        + course
                        + ",\"tier\":\"STREET\",\"dueBy\":\""
                        + last
                        + "-01-31\"}]",
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    var lastPlan =
        call(
            "heping.admin",
            HttpMethod.PUT,
            "/api/v1/training/plans/120101/" + last,
            "[{\"courseId\":" + course + ",\"tier\":\"STREET\",\"dueBy\":\"" + last + "-01-31\"}]",
            null);
    assertThat(lastPlan.getStatusCode()).isEqualTo(HttpStatus.OK);
    call(
        "heping.admin",
        HttpMethod.PUT,
        "/api/v1/training/plans/120101/" + next,
        "[{\"courseId\":" + course + ",\"tier\":\"ALL\",\"dueBy\":\"" + next + "-12-31\"}]",
        null);

    JsonNode pastItem =
        json.readTree(
                call(
                        "heping.street",
                        HttpMethod.GET,
                        "/api/v1/training/plans/120101/" + last,
                        null,
                        null)
                    .getBody())
            .at("/items/0");
    assertThat(pastItem.get("trained").asInt()).isEqualTo(2);
    JsonNode street = street(pastItem, HEPING_STREET);
    assertThat(ids(street.get("trainedOfficers"))).containsExactlyInAnyOrder(validNow, validThen);
    assertThat(ids(street.get("overdueOfficers")))
        .contains(candidate)
        .doesNotContain(village, left, validNow, validThen);
    assertThat(ids(street.get("dueOfficers"))).isEmpty();
    assertThat(street.get("overdue").asInt()).isEqualTo(street.get("overdueOfficers").size());

    JsonNode futureItem =
        json.readTree(
                call(
                        "heping.admin",
                        HttpMethod.GET,
                        "/api/v1/training/plans/120101/" + next,
                        null,
                        null)
                    .getBody())
            .at("/items/0");
    assertThat(futureItem.get("trained").asInt()).isEqualTo(1);
    List<Long> due = new ArrayList<>();
    for (JsonNode s : futureItem.get("streets")) {
      due.addAll(ids(s.get("dueOfficers")));
      assertThat(s.get("overdue").asInt()).isZero();
    }
    assertThat(due).contains(validThen, candidate, village).doesNotContain(validNow, left);

    var wrongYear =
        call(
            "heping.admin",
            HttpMethod.PUT,
            "/api/v1/training/plans/120101/" + next,
            "[{\"courseId\":" + course + ",\"tier\":\"ALL\",\"dueBy\":\"" + last + "-12-31\"}]",
            "en");
    assertThat(wrongYear.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(wrongYear.getBody()).contains("items[0].dueBy");
  }

  // ------------------------------------------------------------------ helpers

  private long session(String user, long course, String district, String day) throws Exception {
    var created =
        call(
            user,
            HttpMethod.POST,
            "/api/v1/training/sessions",
            "{\"courseId\":"
                + course
                + ",\"districtCode\":\""
                + district
                + "\",\"heldOn\":\""
                + day
                + "\",\"place\":\"区应急局会议室\",\"trainer\":\"李老师\"}",
            null);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asLong();
  }

  private JsonNode certificates(long officer) throws Exception {
    var response =
        call(
            "heping.admin",
            HttpMethod.GET,
            "/api/v1/training/certificates?officerId=" + officer,
            null,
            null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(response.getBody());
  }

  private static JsonNode street(JsonNode item, String code) {
    for (JsonNode s : item.get("streets")) {
      if (s.get("streetCode").asString().equals(code)) {
        return s;
      }
    }
    throw new AssertionError("no street " + code + " in " + item);
  }

  private static List<Long> ids(JsonNode officers) {
    List<Long> ids = new ArrayList<>();
    officers.forEach(o -> ids.add(o.get("id").asLong()));
    return ids;
  }

  private long auditCount(String action, String targetId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
        .params(action, targetId)
        .query(Long.class)
        .single();
  }

  private static String course(
      String code, String hours, String passMark, int months, String requiredFor, String district) {
    return "{\"code\":\""
        + code
        + "\",\"title\":\"测试课程\",\"topic\":\"安全\",\"hours\":"
        + hours
        + ",\"passMark\":"
        + passMark
        + ",\"validityMonths\":"
        + months
        + ",\"requiredFor\":\""
        + requiredFor
        + "\",\"prePost\":false"
        + (district == null ? "" : ",\"districtCode\":\"" + district + "\"")
        + "}";
  }

  ResponseEntity<String> call(
      String user, HttpMethod method, String path, String body, String language) {
    HttpHeaders headers = new HttpHeaders();
    if (body != null) {
      headers.setContentType(MediaType.APPLICATION_JSON);
    }
    if (language != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return TrainingFixtures.as(rest, user)
        .exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }
}
