package cn.anwang.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Calls for the token tests: Basic to manage tokens, Bearer to use them, and clean-up. */
final class TokenCalls {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final String ADMIN_PASSWORD = "admin-test-password";

  /** Every token a test creates is named with this, so clean-up finds them. */
  static final String NAME_MARK = "tokentest-";

  static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};
  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
      new ParameterizedTypeReference<>() {};
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final TestRestTemplate rest;
  private final JdbcClient jdbc;

  TokenCalls(TestRestTemplate rest, JdbcClient jdbc) {
    this.rest = rest;
    this.jdbc = jdbc;
  }

  static String name() {
    return NAME_MARK + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
  }

  static Map<String, Object> body(String name, String expiresOn, String scope) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("expiresOn", expiresOn);
    body.put("scope", scope);
    return body;
  }

  static String inDays(int days) {
    return LocalDate.now(ApiTokenService.ZONE).plusDays(days).toString();
  }

  ResponseEntity<Map<String, Object>> create(
      String user, String password, Map<String, Object> body, String language) {
    HttpHeaders headers = new HttpHeaders();
    if (language != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return rest.withBasicAuth(user, password)
        .exchange("/api/v1/tokens", HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
  }

  /** A new token of the demo user; answers the creation's body (with the secret). */
  Map<String, Object> created(String user, String scope) {
    String password = user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
    ResponseEntity<Map<String, Object>> response =
        create(user, password, body(name(), inDays(30), scope), null);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return response.getBody();
  }

  ResponseEntity<Map<String, Object>> basic(String user, HttpMethod method, String path) {
    String password = user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
    return rest.withBasicAuth(user, password).exchange(path, method, null, JSON);
  }

  ResponseEntity<List<Map<String, Object>>> list(String user, String path) {
    String password = user.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD;
    return rest.withBasicAuth(user, password).exchange(path, HttpMethod.GET, null, LIST);
  }

  ResponseEntity<Map<String, Object>> bearer(
      String token, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), JSON);
  }

  long userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = :u")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  long auditCount(String action, String targetId) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_id = :id")
        .param("action", action)
        .param("id", targetId)
        .query(Long.class)
        .single();
  }

  Map<String, Object> lastAudit(String action, String targetId) {
    return jdbc.sql(
            "SELECT actor_username, territory_code, before::text AS before, after::text AS after"
                + " FROM audit_event WHERE action = :action AND target_id = :id"
                + " ORDER BY id DESC LIMIT 1")
        .param("action", action)
        .param("id", targetId)
        .query()
        .singleRow();
  }

  void cleanUp() {
    jdbc.sql("DELETE FROM api_token WHERE name LIKE :mark").param("mark", NAME_MARK + "%").update();
  }

  static long id(Map<String, Object> map) {
    return ((Number) map.get("id")).longValue();
  }
}
