package cn.anwang.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Whose tokens a caller sees and revokes, and what a new token's request may ask for. */
@IntegrationTest
class ApiTokenScopeTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  TokenCalls calls;

  @BeforeEach
  void setUp() {
    calls = new TokenCalls(rest, jdbc);
  }

  @AfterEach
  void cleanUp() {
    calls.cleanUp();
  }

  @Test
  void anotherUsersTokenIsNeitherListedNorRevocable() {
    Map<String, Object> created = calls.created("heping.officer", "READ");
    long id = TokenCalls.id(created);

    assertThat(calls.basic("xiqing.officer", HttpMethod.GET, "/api/v1/tokens/" + id))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    assertThat(calls.basic("xiqing.officer", HttpMethod.DELETE, "/api/v1/tokens/" + id))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    assertThat(calls.list("xiqing.officer", "/api/v1/tokens").getBody())
        .noneSatisfy(t -> assertThat(TokenCalls.id(t)).isEqualTo(id));
    // a user who administers nobody may not ask for someone else's list
    long officer = calls.userId("heping.officer");
    assertThat(
            calls
                .basic("xiqing.officer", HttpMethod.GET, "/api/v1/tokens?userId=" + officer)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertTokenActive(id);
  }

  @Test
  void administratorsListAndRevokeTokensOfTheirTerritoryOnly() {
    Map<String, Object> created = calls.created("heping.officer", "WRITE");
    long id = TokenCalls.id(created);
    String secret = (String) created.get("token");
    long officer = calls.userId("heping.officer");

    // another district's administrator: as if the user and the token did not exist
    assertThat(
            calls
                .basic("xiqing.admin", HttpMethod.GET, "/api/v1/tokens?userId=" + officer)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(calls.basic("xiqing.admin", HttpMethod.GET, "/api/v1/tokens/" + id))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    assertThat(calls.basic("xiqing.admin", HttpMethod.DELETE, "/api/v1/tokens/" + id))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    assertTokenActive(id);
    // the city administrator lies outside a district administrator's territory
    long cityAdmin = calls.userId("admin");
    assertThat(
            calls
                .basic("heping.admin", HttpMethod.GET, "/api/v1/tokens?userId=" + cityAdmin)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<List<Map<String, Object>>> listed =
        calls.list("heping.admin", "/api/v1/tokens?userId=" + officer);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody())
        .anySatisfy(t -> assertThat(TokenCalls.id(t)).isEqualTo(id))
        .allSatisfy(t -> assertThat(t).containsEntry("username", "heping.officer"));
    assertThat(listed.getBody().toString()).doesNotContain(secret);
    ResponseEntity<Map<String, Object>> revoked =
        calls.basic("heping.street", HttpMethod.DELETE, "/api/v1/tokens/" + id);

    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calls.basic("heping.officer", HttpMethod.GET, "/api/v1/tokens/" + id).getBody())
        .containsEntry("revokedBy", "heping.street");
    assertThat(calls.lastAudit("token.revoke", String.valueOf(id)))
        .containsEntry("actor_username", "heping.street")
        .containsEntry("territory_code", "120101001");
  }

  @Test
  void refusesBadRequestsWith422NamingTheFieldInTheCallersLanguage() {
    assertRefused(TokenCalls.body(null, TokenCalls.inDays(10), "READ"), "name", null, "name");
    assertRefused(TokenCalls.body("   ", TokenCalls.inDays(10), "READ"), "name", null, "name");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), TokenCalls.inDays(-1), "READ"),
        "expiresOn",
        null,
        "past");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), TokenCalls.inDays(367), "READ"),
        "expiresOn",
        null,
        "at most a year");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), "next tuesday", "READ"), "expiresOn", null, "date");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), TokenCalls.inDays(10), "ADMIN"),
        "scope",
        null,
        "READ or WRITE");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), TokenCalls.inDays(10), null),
        "scope",
        null,
        "READ or WRITE");
    assertRefused(
        TokenCalls.body(TokenCalls.name(), TokenCalls.inDays(-1), "READ"),
        "expiresOn",
        "zh-CN",
        "已过去");
    assertThat(calls.list("heping.officer", "/api/v1/tokens").getBody())
        .as("nothing created by the refused requests")
        .isEmpty();
  }

  @Test
  void withoutAnExpiryATokenLastsNinetyDaysAndAYearIsAllowed() {
    ResponseEntity<Map<String, Object>> defaulted =
        calls.create(
            "heping.officer",
            TokenCalls.DEMO_PASSWORD,
            TokenCalls.body(TokenCalls.name(), null, "read"),
            null);
    ResponseEntity<Map<String, Object>> year =
        calls.create(
            "heping.officer",
            TokenCalls.DEMO_PASSWORD,
            TokenCalls.body(
                TokenCalls.name(),
                LocalDate.now(ApiTokenService.ZONE).plusYears(1).toString(),
                "WRITE"),
            null);

    assertThat(defaulted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat((String) defaulted.getBody().get("expiresAt"))
        .startsWith(TokenCalls.inDays(90)); // midnight after the 90th day, Beijing = 16:00Z
    assertThat(defaulted.getBody()).containsEntry("scope", "READ");
    assertThat(defaulted.getHeaders().getCacheControl()).contains("no-store");
    assertThat(year.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private void assertRefused(Map<String, Object> body, String field, String language, String text) {
    ResponseEntity<Map<String, Object>> response =
        calls.create("heping.officer", TokenCalls.DEMO_PASSWORD, body, language);
    assertThat(response.getStatusCode())
        .as(body.toString())
        .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> fields = (List<Map<String, Object>>) response.getBody().get("fields");
    assertThat(fields).singleElement().satisfies(f -> assertThat(f).containsEntry("field", field));
    assertThat((String) response.getBody().get("detail")).contains(text);
  }

  private void assertTokenActive(long id) {
    assertThat(
            jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }
}
