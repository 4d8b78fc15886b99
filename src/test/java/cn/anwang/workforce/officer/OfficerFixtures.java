package cn.anwang.workforce.officer;

import cn.anwang.shared.pii.ResidentIdNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Test data and HTTP calls shared by the officer tests (real HTTP, real PostgreSQL). */
final class OfficerFixtures {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final AtomicInteger SEQ = new AtomicInteger();

  final TestRestTemplate rest;
  final JdbcClient jdbc;
  final ObjectMapper json;

  OfficerFixtures(TestRestTemplate rest, JdbcClient jdbc, ObjectMapper json) {
    this.rest = rest;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A valid resident ID number nobody has used in this JVM (random sequence part). */
  static String idNumber() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String first17 =
        String.format(
            "120101%04d%02d%02d%03d",
            1970 + r.nextInt(35), 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(1000));
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /** The same number with a wrong check character. */
  static String withWrongCheck(String number) {
    char right = number.charAt(17);
    char wrong = right == '0' ? '1' : '0';
    return number.substring(0, 17) + wrong;
  }

  static String password(String user) {
    return user.equals("admin") ? "admin-test-password" : DEMO_PASSWORD;
  }

  /** A call's status and its body as JSON. */
  record Answer(int status, JsonNode body) {}

  Answer call(String user, HttpMethod method, String path, Object body, String language) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<String> r =
        rest.withBasicAuth(user, password(user))
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    String text = r.getBody();
    return new Answer(
        r.getStatusCode().value(),
        text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text));
  }

  Answer get(String user, String path) {
    return call(user, HttpMethod.GET, path, null, "zh-CN");
  }

  Answer post(String user, String path, Object body) {
    return call(user, HttpMethod.POST, path, body, "zh-CN");
  }

  /** Villages of a district with at least {@code grids} grids, none of them currently assigned. */
  List<String> freeVillages(String district, int grids) {
    return jdbc.sql(
            """
            SELECT g.division_code FROM grid g
             WHERE g.district_code = ? AND length(g.division_code) = 12
             GROUP BY g.division_code
            HAVING count(*) >= ? AND NOT EXISTS (
                   SELECT 1 FROM officer_assignment a
                    WHERE a.grid_division_code = g.division_code AND a.ends_on IS NULL)
                   AND NOT EXISTS (SELECT 1 FROM officer o WHERE o.division_code = g.division_code)
             ORDER BY g.division_code
            """)
        .params(district, grids)
        .query(String.class)
        .list();
  }

  /** A free village (distinct for each call in this JVM, as far as there are enough). */
  String freeVillage(String district) {
    List<String> villages = freeVillages(district, 2);
    if (villages.isEmpty()) {
      throw new IllegalStateException(
          "No village of " + district + " with two grids and no officer is left for this test JVM");
    }
    return villages.get(SEQ.getAndIncrement() % Math.min(villages.size(), 5));
  }

  List<String> gridsOf(String division) {
    return jdbc.sql("SELECT code FROM grid WHERE division_code = ? ORDER BY code")
        .param(division)
        .query(String.class)
        .list();
  }

  /** Creates an officer through the API (as the given administrator); returns its id. */
  long createOfficer(String user, String name, String division, Tier tier) {
    Answer a =
        post(
            user,
            "/api/v1/officers",
            Map.of(
                "name",
                name,
                "divisionCode",
                division,
                "tier",
                tier.name(),
                "employment",
                "PURCHASED",
                "phone",
                "13812345678",
                "idNumber",
                idNumber()));
    if (a.status() != 201) {
      throw new AssertionError("create officer: " + a.status() + " " + a.body());
    }
    return a.body().get("id").asLong();
  }

  /** A pre-post certificate valid from {@code issued} to {@code expires}. */
  void certify(long officerId, LocalDate issued, LocalDate expires) {
    jdbc.sql(
            """
            INSERT INTO training_certificate (officer_id, course_id, district_code, number,
                issued_on, expires_on)
            SELECT o.id, c.id, o.district_code, ?, ?, ? FROM officer o, training_course c
             WHERE o.id = ? AND c.code = 'GRID-PRE-POST'
            """)
        .params("TEST-" + officerId + "-" + SEQ.incrementAndGet(), issued, expires, officerId)
        .update();
  }

  void certify(long officerId) {
    certify(officerId, LocalDate.now().minusDays(30), LocalDate.now().plusYears(2));
  }

  long auditCount(String action, long officerId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
        .params(action, Long.toString(officerId))
        .query(Long.class)
        .single();
  }
}
