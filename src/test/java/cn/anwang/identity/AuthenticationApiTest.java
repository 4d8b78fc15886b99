package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@IntegrationTest
class AuthenticationApiTest {

  @Autowired TestRestTemplate rest;

  @Test
  void answersUnauthenticatedApiCallsWith401ProblemJson() {
    ResponseEntity<String> response = rest.getForEntity("/api/v1/users", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getContentType())
        .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(response.getBody())
        .contains("\"status\":401")
        .contains("\"title\":\"Unauthorized\"");
  }

  @Test
  void acceptsTheAdministratorOverHttpBasic() {
    ResponseEntity<String> response =
        rest.withBasicAuth("admin", "admin-test-password").getForEntity("/api/v1/me", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"username\":\"admin\"").contains("CITY_ADMIN");
  }

  @Test
  void describesTheUserAndAuditApiWithBasicAuthenticationInOpenApi() {
    ResponseEntity<String> response = rest.getForEntity("/v3/api-docs", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .contains("/api/v1/users/{id}/reset-password")
        .contains("/api/v1/audit")
        .contains("basicAuth");
  }
}
