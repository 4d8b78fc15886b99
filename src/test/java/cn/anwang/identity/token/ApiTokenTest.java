package cn.anwang.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creating a token, using it as Bearer, its scope, expiry, revocation and the audit of it all. */
@IntegrationTest
class ApiTokenTest {

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
  void showsTheSecretOnceAndStoresOnlyItsHash() {
    Map<String, Object> created = calls.created("heping.officer", "READ");
    String secret = (String) created.get("token");
    String id = String.valueOf(TokenCalls.id(created));

    assertThat(secret).startsWith("anw_").hasSize(47);
    assertThat(created).containsEntry("prefix", secret.substring(0, 12));
    ResponseEntity<List<Map<String, Object>>> list = calls.list("heping.officer", "/api/v1/tokens");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody())
        .anySatisfy(
            t ->
                assertThat(t)
                    .containsEntry("name", created.get("name"))
                    .containsEntry("prefix", secret.substring(0, 12))
                    .containsEntry("scope", "READ")
                    .containsKeys("createdAt", "expiresAt", "lastUsedAt", "revokedAt"));
    assertThat(list.getBody().toString()).doesNotContain(secret);
    assertThat(calls.basic("heping.officer", HttpMethod.GET, "/api/v1/tokens/" + id).getBody())
        .doesNotContainKey("token")
        .doesNotContainValue(secret);
    // the database: the SHA-256 only, nowhere the secret itself (rows of tokens and audit)
    assertThat(
            jdbc.sql("SELECT secret_sha256 FROM api_token WHERE id = :id")
                .param("id", Long.parseLong(id))
                .query(String.class)
                .single())
        .isEqualTo(TokenSecrets.sha256(secret));
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_token t WHERE t::text LIKE :s")
                .param("s", "%" + secret.substring(12) + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event a WHERE a::text LIKE :s")
                .param("s", "%" + secret.substring(12) + "%")
                .query(Long.class)
                .single())
        .isZero();
    Map<String, Object> audit = calls.lastAudit("token.create", id);
    assertThat(audit).containsEntry("actor_username", "heping.officer");
    assertThat((String) audit.get("after")).contains(secret.substring(0, 12)).contains("READ");
  }

  @Test
  void bearerAuthenticatesAsTheTokensUserAndItsUseIsAudited() {
    Map<String, Object> created = calls.created("heping.officer", "READ");
    String secret = (String) created.get("token");
    String id = String.valueOf(TokenCalls.id(created));

    ResponseEntity<Map<String, Object>> me =
        calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null);
    ResponseEntity<Map<String, Object>> again =
        calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null);

    assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getBody())
        .containsEntry("username", "heping.officer")
        .containsEntry("role", "STREET_OFFICER");
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(me.getHeaders().get(HttpHeaders.SET_COOKIE)).as("no session").isNull();
    // reading uses: one audit entry and one last-used write per token and minute
    assertThat(calls.auditCount("token.use", id)).isEqualTo(1);
    Map<String, Object> use = calls.lastAudit("token.use", id);
    assertThat(use).containsEntry("actor_username", "heping.officer");
    assertThat((String) use.get("after"))
        .contains(secret.substring(0, 12))
        .contains("\"GET\"")
        .contains("/api/v1/me");
    assertThat(calls.basic("heping.officer", HttpMethod.GET, "/api/v1/tokens/" + id).getBody())
        .extractingByKey("lastUsedAt")
        .isNotNull();
    // still scoped like the user: an officer may not list users
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/users", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aReadTokenIsRefusedAnythingButReadingAndWritesNothing() {
    Map<String, Object> created = calls.created("heping.admin", "READ");
    String secret = (String) created.get("token");
    String id = String.valueOf(TokenCalls.id(created));
    String username = "tokentest.read." + System.nanoTime() % 100000;

    ResponseEntity<Map<String, Object>> post =
        calls.bearer(secret, HttpMethod.POST, "/api/v1/users", newUser(username, "STREET_OFFICER"));
    ResponseEntity<Map<String, Object>> delete =
        calls.bearer(secret, HttpMethod.DELETE, "/api/v1/tokens/" + id, null);

    assertThat(post.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) post.getBody().get("detail")).contains("read-only").contains("GET");
    assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT revoked_at IS NULL FROM api_token WHERE id = :id")
                .param("id", Long.parseLong(id))
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(calls.auditCount("token.refused", id)).isEqualTo(2);
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/users", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void aWriteTokenChangesDataAsItsUserAndEveryWriteIsAudited() {
    Map<String, Object> created = calls.created("heping.admin", "WRITE");
    String secret = (String) created.get("token");
    String id = String.valueOf(TokenCalls.id(created));
    String username = "tokentest.write." + System.nanoTime() % 100000;
    try {
      ResponseEntity<Map<String, Object>> post =
          calls.bearer(
              secret, HttpMethod.POST, "/api/v1/users", newUser(username, "STREET_OFFICER"));

      assertThat(post.getStatusCode()).isEqualTo(HttpStatus.CREATED);
      long userId = calls.userId(username);
      assertThat(calls.lastAudit("user.create", String.valueOf(userId)))
          .containsEntry("actor_username", "heping.admin");
      Map<String, Object> use = calls.lastAudit("token.use", id);
      assertThat((String) use.get("after")).contains("\"POST\"").contains("/api/v1/users");
      // a token may not mint tokens, not even a WRITE one
      String minted = TokenCalls.name();
      ResponseEntity<Map<String, Object>> mint =
          calls.bearer(
              secret, HttpMethod.POST, "/api/v1/tokens", TokenCalls.body(minted, null, "WRITE"));
      assertThat(mint.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(calls.list("heping.admin", "/api/v1/tokens").getBody())
          .noneSatisfy(t -> assertThat(t.get("name")).isEqualTo(minted));
    } finally {
      jdbc.sql("DELETE FROM app_user WHERE username = :u").param("u", username).update();
    }
  }

  @Test
  void anExpiredTokenIsRefusedWith401AndAudited() {
    Map<String, Object> created = calls.created("heping.officer", "READ");
    String secret = (String) created.get("token");
    jdbc.sql(
            "UPDATE api_token SET created_at = now() - interval '2 days',"
                + " expires_at = now() - interval '1 second' WHERE id = :id")
        .param("id", TokenCalls.id(created))
        .update();

    ResponseEntity<Map<String, Object>> response =
        calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
        .contains("invalid_token");
    String detail = (String) response.getBody().get("detail");
    Map<String, Object> audit = calls.lastAudit("auth.token-failed", secret.substring(0, 12));
    assertThat(audit).containsEntry("actor_username", "heping.officer");
    assertThat((String) audit.get("after")).contains("expired").contains("/api/v1/me");
    // the same answer for an unknown and a malformed token: nothing tells them apart
    ResponseEntity<Map<String, Object>> unknown =
        calls.bearer("anw_" + "A".repeat(43), HttpMethod.GET, "/api/v1/me", null);
    ResponseEntity<Map<String, Object>> malformed =
        calls.bearer("not-a-token", HttpMethod.GET, "/api/v1/me", null);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(unknown.getBody().get("detail")).isEqualTo(detail);
    assertThat(malformed.getBody().get("detail")).isEqualTo(detail);
    assertThat(calls.lastAudit("auth.token-failed", "anw_AAAAAAAA"))
        .containsEntry("actor_username", "(token)");
  }

  @Test
  void aRevokedTokenIsRefusedAtOnceAndRevokingTwiceIsAConflict() {
    Map<String, Object> created = calls.created("heping.officer", "WRITE");
    String secret = (String) created.get("token");
    long id = TokenCalls.id(created);
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<Map<String, Object>> revoked =
        calls.basic("heping.officer", HttpMethod.DELETE, "/api/v1/tokens/" + id);

    assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calls.basic("heping.officer", HttpMethod.DELETE, "/api/v1/tokens/" + id))
        .satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
    Map<String, Object> audit = calls.lastAudit("token.revoke", String.valueOf(id));
    assertThat(audit)
        .containsEntry("actor_username", "heping.officer")
        .containsEntry("territory_code", "120101001");
    assertThat((String) audit.get("after")).contains("revokedAt");
    assertThat((String) calls.lastAudit("auth.token-failed", secret.substring(0, 12)).get("after"))
        .contains("revoked");
  }

  @Test
  void aDisabledOrLockedAccountsTokensAreRefused() {
    Map<String, Object> created = calls.created("xiqing.officer", "READ");
    String secret = (String) created.get("token");
    try {
      jdbc.sql("UPDATE app_user SET enabled = false WHERE username = 'xiqing.officer'").update();
      assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
      jdbc.sql(
              "UPDATE app_user SET enabled = true, locked_until = now() + interval '1 hour'"
                  + " WHERE username = 'xiqing.officer'")
          .update();
      assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    } finally {
      jdbc.sql(
              "UPDATE app_user SET enabled = true, locked_until = NULL"
                  + " WHERE username = 'xiqing.officer'")
          .update();
    }
    assertThat(calls.bearer(secret, HttpMethod.GET, "/api/v1/me", null).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void tokensWorkOnTheApiOnlyAndBasicKeepsWorking() {
    String secret = (String) calls.created("admin", "WRITE").get("token");

    assertThat(calls.bearer(secret, HttpMethod.GET, "/actuator/metrics", null).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(calls.basic("admin", HttpMethod.GET, "/api/v1/me").getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  static Map<String, Object> newUser(String username, String role) {
    return Map.of(
        "username",
        username,
        "displayName",
        username,
        "role",
        role,
        "territoryCode",
        "120101001",
        "password",
        "officer-password-1");
  }
}
