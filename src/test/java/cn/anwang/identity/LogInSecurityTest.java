package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LogInSecurityTest {

  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void formLogInWithCsrfTokenAuthenticatesAndIsAudited() throws Exception {
    long before = count("auth.login", "heping.officer");

    mvc.perform(formLogin("/login").user("heping.officer").password("anwang-demo-2026"))
        .andExpect(status().is3xxRedirection())
        // grid officers work on the phone pages
        .andExpect(redirectedUrl("/m/"))
        .andExpect(authenticated().withUsername("heping.officer").withRoles("STREET_OFFICER"));

    assertThat(count("auth.login", "heping.officer")).isEqualTo(before + 1);
  }

  @Test
  void othersLandOnTheHomePageAfterLogIn() throws Exception {
    mvc.perform(formLogin("/login").user("heping.street").password("anwang-demo-2026"))
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withRoles("STREET_ADMIN"));
  }

  @Test
  void wrongPasswordOnTheFormRedirectsWithAnErrorAndIsAudited() throws Exception {
    long before = count("auth.login-failed", "heping.street");

    mvc.perform(formLogin("/login").user("heping.street").password("not-the-password"))
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());

    assertThat(count("auth.login-failed", "heping.street")).isEqualTo(before + 1);
    resetFailures("heping.street");
  }

  @Test
  void postWithoutCsrfTokenToAPageIsRejected() throws Exception {
    mvc.perform(post("/login").param("username", "admin").param("password", "admin-test-password"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/logout")).andExpect(status().isForbidden());
  }

  @Test
  void pagesRedirectAnonymousVisitorsToTheLogInPage() throws Exception {
    mvc.perform(get("/users"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
  }

  @Test
  void logInPageIsBilingualAndSendsSecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("用户名")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    mvc.perform(get("/login").param("lang", "en"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Username")));
  }

  @Test
  void locksTheAccountAfterFiveFailuresUntilAnAdministratorUnlocksIt() throws Exception {
    String username = UserAdministrationApiTest.unique("locked");
    ResponseEntity<Map<String, Object>> created =
        rest.withBasicAuth("admin", "admin-test-password")
            .exchange(
                "/api/v1/users",
                HttpMethod.POST,
                new HttpEntity<>(
                    UserAdministrationApiTest.newUser(
                        username, "STREET_OFFICER", "120101001", "right-password-1")),
                UserAdministrationApiTest.JSON);
    long id = ((Number) UserAdministrationApiTest.user(created.getBody()).get("id")).longValue();

    for (int i = 0; i < 4; i++) {
      assertThat(me(username, "wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(me(username, "right-password-1").getStatusCode()).isEqualTo(HttpStatus.OK);
    for (int i = 0; i < 5; i++) {
      assertThat(me(username, "wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    ResponseEntity<Map<String, Object>> whileLocked = me(username, "right-password-1");
    assertThat(whileLocked.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat((String) whileLocked.getBody().get("detail")).contains("locked");
    mvc.perform(formLogin("/login").user(username).password("right-password-1"))
        .andExpect(redirectedUrl("/login?locked"));
    mvc.perform(get("/login").param("locked", ""))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("账户已被临时锁定")));
    assertThat(count("user.lock", "system")).isPositive();

    ResponseEntity<Map<String, Object>> unlocked =
        rest.withBasicAuth("heping.admin", "anwang-demo-2026")
            .exchange(
                "/api/v1/users/" + id + "/unlock",
                HttpMethod.POST,
                null,
                UserAdministrationApiTest.JSON);
    assertThat(unlocked.getBody()).containsEntry("locked", false);
    assertThat(me(username, "right-password-1").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void failedFormLogInsCountTowardsTheLockOutOfTheApiToo() throws Exception {
    String username = UserAdministrationApiTest.unique("formlock");
    rest.withBasicAuth("admin", "admin-test-password")
        .exchange(
            "/api/v1/users",
            HttpMethod.POST,
            new HttpEntity<>(
                UserAdministrationApiTest.newUser(username, "AUDITOR", "12", "right-password-1")),
            UserAdministrationApiTest.JSON);

    for (int i = 0; i < 5; i++) {
      mvc.perform(formLogin("/login").user(username).password("wrong-password"))
          .andExpect(redirectedUrl("/login?error"));
    }

    assertThat(me(username, "right-password-1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            jdbc.sql("SELECT locked_until > now() FROM app_user WHERE username = :u")
                .param("u", username)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void healthIsPublicAndEverythingElseNeedsALogIn() {
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(rest.getForEntity("/api/v1/audit", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void logOutEndsTheSessionAndIsAudited() throws Exception {
    long before = count("auth.logout", "xiqing.street");
    var session = PageSessions.logIn(mvc, "xiqing.street", "anwang-demo-2026");

    mvc.perform(
            post("/logout")
                .cookie(session)
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(redirectedUrl("/login?logout"));

    assertThat(count("auth.logout", "xiqing.street")).isEqualTo(before + 1);
  }

  private ResponseEntity<Map<String, Object>> me(String username, String password) {
    return rest.withBasicAuth(username, password)
        .exchange("/api/v1/me", HttpMethod.GET, null, UserAdministrationApiTest.JSON);
  }

  private long count(String action, String actor) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = :action AND actor_username = :actor")
        .param("action", action)
        .param("actor", actor)
        .query(Long.class)
        .single();
  }

  private void resetFailures(String username) {
    jdbc.sql("UPDATE app_user SET failed_attempts = 0 WHERE username = :u")
        .param("u", username)
        .update();
  }
}
