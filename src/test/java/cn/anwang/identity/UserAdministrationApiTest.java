package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class UserAdministrationApiTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final String ADMIN_PASSWORD = "admin-test-password";
  static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void cityAdministratorCreatesAUserWhoCanThenLogIn() {
    String username = unique("officer");
    ResponseEntity<Map<String, Object>> created =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(username, "STREET_OFFICER", "120101001", "officer-password-1"));

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    assertThat(user(created.getBody()))
        .containsEntry("username", username)
        .doesNotContainKey("passwordHash");
    assertThat(created.getBody().get("oneTimePassword")).isNull();
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void generatesAOneTimePasswordWhenNoneIsGiven() {
    String username = unique("generated");
    ResponseEntity<Map<String, Object>> created =
        post(
            "admin", ADMIN_PASSWORD, "/api/v1/users", newUser(username, "AUDITOR", "120101", null));

    String oneTime = (String) created.getBody().get("oneTimePassword");
    assertThat(oneTime).hasSizeGreaterThanOrEqualTo(10);
    assertThat(get(username, oneTime, "/api/v1/me").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void districtAdministratorCannotSeeOrManageAUserOfAnotherDistrict() {
    long xiqingUser = createAsAdmin(unique("xiqing"), "STREET_OFFICER", "120111001");

    assertThat(get("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + xiqingUser).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + xiqingUser + "/disable", null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            patch(
                    "heping.admin",
                    DEMO_PASSWORD,
                    "/api/v1/users/" + xiqingUser,
                    Map.of("displayName", "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<Map<String, Object>> list =
        get("heping.admin", DEMO_PASSWORD, "/api/v1/users?size=200");
    assertThat(list.getBody().get("users").toString()).doesNotContain("120111").contains("120101");
  }

  @Test
  void districtAdministratorCannotGrantCityAdministrator() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "heping.admin",
            DEMO_PASSWORD,
            "/api/v1/users",
            newUser(unique("boss"), "CITY_ADMIN", "12", null));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
    assertThat((String) response.getBody().get("detail"))
        .contains("CITY_ADMIN")
        .contains("above your own");
  }

  @Test
  void districtAdministratorCannotPromoteAUserAboveTheirOwnRole() {
    long officer = createAsAdmin(unique("promote"), "STREET_OFFICER", "120101001");

    ResponseEntity<Map<String, Object>> response =
        patch(
            "heping.admin",
            DEMO_PASSWORD,
            "/api/v1/users/" + officer,
            Map.of("role", "CITY_ADMIN", "territoryCode", "12"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void districtAdministratorReassignsAUserInsideTheDistrict() {
    long officer = createAsAdmin(unique("move"), "STREET_OFFICER", "120101001");

    ResponseEntity<Map<String, Object>> response =
        patch(
            "heping.admin",
            DEMO_PASSWORD,
            "/api/v1/users/" + officer,
            Map.of("territoryCode", "120101002", "departmentCode", "yingji", "displayName", "王网格"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .containsEntry("territoryCode", "120101002")
        .containsEntry("departmentCode", "yingji")
        .containsEntry("displayName", "王网格");
  }

  @Test
  void streetAdministratorManagesOnlyInsideTheStreet() {
    ResponseEntity<Map<String, Object>> inside =
        post(
            "heping.street",
            DEMO_PASSWORD,
            "/api/v1/users",
            newUser(unique("inside"), "STREET_OFFICER", "120101001", null));
    ResponseEntity<Map<String, Object>> otherStreet =
        post(
            "heping.street",
            DEMO_PASSWORD,
            "/api/v1/users",
            newUser(unique("outside"), "STREET_OFFICER", "120101002", null));
    long neighbour = createAsAdmin(unique("neighbour"), "STREET_OFFICER", "120101002");

    assertThat(inside.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(otherStreet.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(otherStreet.getBody()).containsEntry("field", "territoryCode");
    assertThat(get("heping.street", DEMO_PASSWORD, "/api/v1/users/" + neighbour).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void streetAdministratorCannotGrantDistrictAdministrator() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "heping.street",
            DEMO_PASSWORD,
            "/api/v1/users",
            newUser(unique("up"), "DISTRICT_ADMIN", "120101", null));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void officersMayNotAdministerUsers() {
    ResponseEntity<Map<String, Object>> response =
        get("heping.officer", DEMO_PASSWORD, "/api/v1/users");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .isTrue();
  }

  @Test
  void rejectsATakenUsernameWithConflict() {
    String username = unique("twice");
    createAsAdmin(username, "AUDITOR", "12");

    ResponseEntity<Map<String, Object>> again =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(username.toUpperCase(), "AUDITOR", "12", null));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void rejectsAShortPassword() {
    ResponseEntity<Map<String, Object>> response =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(unique("weak"), "AUDITOR", "12", "short"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "password");
  }

  @Test
  void rejectsATerritoryOfTheWrongLevelOrUnknown() {
    ResponseEntity<Map<String, Object>> wrongLevel =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(unique("lvl"), "DISTRICT_ADMIN", "120101001", null));
    ResponseEntity<Map<String, Object>> unknown =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(unique("unk"), "STREET_ADMIN", "120199999", null));

    assertThat(wrongLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) wrongLevel.getBody().get("detail")).contains("street");
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) unknown.getBody().get("detail")).contains("120199999");
  }

  @Test
  void rejectsInvalidFieldsWithTheirNames() {
    ResponseEntity<Map<String, Object>> response =
        post("admin", ADMIN_PASSWORD, "/api/v1/users", newUser("x", "AUDITOR", "abc", null));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("fields").toString())
        .contains("username")
        .contains("territoryCode");
  }

  @Test
  void disablingPreventsLogInAndEnablingRestoresIt() {
    String username = unique("disabled");
    long id = createAsAdmin(username, "STREET_OFFICER", "120101001");

    assertThat(
            post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + id + "/disable", null).getBody())
        .containsEntry("enabled", false);
    ResponseEntity<Map<String, Object>> refused = get(username, "officer-password-1", "/api/v1/me");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat((String) refused.getBody().get("detail")).contains("disabled");

    post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + id + "/enable", null);
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void administratorsCannotDisableThemselves() {
    long self =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'xiqing.admin'")
            .query(Long.class)
            .single();

    ResponseEntity<Map<String, Object>> response =
        post("xiqing.admin", DEMO_PASSWORD, "/api/v1/users/" + self + "/disable", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) response.getBody().get("detail")).contains("own account");
  }

  @Test
  void resetPasswordReturnsAOneTimePasswordThatWorks() {
    String username = unique("reset");
    long id = createAsAdmin(username, "STREET_OFFICER", "120101001");

    ResponseEntity<Map<String, Object>> reset =
        post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + id + "/reset-password", null);

    String oneTime = (String) reset.getBody().get("oneTimePassword");
    assertThat(get(username, oneTime, "/api/v1/me").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aPasswordVerifiedMomentsAgoStopsWorkingTheMomentItIsReset() {
    String username = unique("cached");
    long id = createAsAdmin(username, "STREET_OFFICER", "120101001");
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + id + "/reset-password", null);

    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aUserVerifiedMomentsAgoIsRefusedTheMomentTheyAreDisabled() {
    String username = unique("cached.disabled");
    long id = createAsAdmin(username, "STREET_OFFICER", "120101001");
    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);

    post("heping.admin", DEMO_PASSWORD, "/api/v1/users/" + id + "/disable", null);

    assertThat(get(username, "officer-password-1", "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void auditsCreateAndUpdateWithBeforeAndAfterButNeverTheHash() {
    String username = unique("audited");
    long id = createAsAdmin(username, "STREET_OFFICER", "120101001");
    patch("admin", ADMIN_PASSWORD, "/api/v1/users/" + id, Map.of("displayName", "改名"));

    Map<String, Object> create = auditRow("user.create", id);
    Map<String, Object> update = auditRow("user.update", id);

    assertThat(create)
        .containsEntry("actor_username", "admin")
        .containsEntry("territory_code", "120101001");
    assertThat(create.get("before")).isNull();
    assertThat((String) create.get("after")).contains(username).doesNotContain("password");
    assertThat((String) update.get("before")).contains("\"displayName\": \"" + username + "\"");
    assertThat((String) update.get("after"))
        .contains("改名")
        .doesNotContain("$2a$")
        .doesNotContain("{bcrypt}");
  }

  // --- helpers

  static String unique(String prefix) {
    return "t" + SEQUENCE.incrementAndGet() + "." + prefix + "." + System.nanoTime() % 100000;
  }

  static Map<String, Object> newUser(
      String username, String role, String territory, String password) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("displayName", username);
    body.put("role", role);
    body.put("territoryCode", territory);
    body.put("password", password);
    return body;
  }

  long createAsAdmin(String username, String role, String territory) {
    ResponseEntity<Map<String, Object>> created =
        post(
            "admin",
            ADMIN_PASSWORD,
            "/api/v1/users",
            newUser(username, role, territory, "officer-password-1"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) user(created.getBody()).get("id")).longValue();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> user(Map<String, Object> created) {
    return (Map<String, Object>) created.get("user");
  }

  Map<String, Object> auditRow(String action, long targetId) {
    return jdbc.sql(
            "SELECT actor_username, territory_code, before::text AS before, after::text AS after"
                + " FROM audit_event WHERE action = :action AND target_id = :id ORDER BY id DESC"
                + " LIMIT 1")
        .param("action", action)
        .param("id", String.valueOf(targetId))
        .query()
        .singleRow();
  }

  ResponseEntity<Map<String, Object>> get(String user, String password, String path) {
    return rest.withBasicAuth(user, password).exchange(path, HttpMethod.GET, null, JSON);
  }

  ResponseEntity<Map<String, Object>> post(String user, String password, String path, Object body) {
    return rest.withBasicAuth(user, password)
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  ResponseEntity<Map<String, Object>> patch(
      String user, String password, String path, Object body) {
    return rest.withBasicAuth(user, password)
        .exchange(path, HttpMethod.PATCH, new HttpEntity<>(body), JSON);
  }
}
