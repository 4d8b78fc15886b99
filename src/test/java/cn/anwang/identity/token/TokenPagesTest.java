package cn.anwang.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The page {@code /account/tokens}: the secret shown once, revoking with CSRF, no tokens. */
@IntegrationTest
class TokenPagesTest {

  private static final Pattern SECRET =
      Pattern.compile("id=\"new-token-secret\">(anw_[A-Za-z0-9_-]{43})<");

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Cookie session;

  @BeforeEach
  void logIn() throws Exception {
    MvcResult result =
        mvc.perform(formLogin("/login").user("heping.street").password(TokenCalls.DEMO_PASSWORD))
            .andReturn();
    session = result.getResponse().getCookie("SESSION");
    assertThat(session).isNotNull();
  }

  @AfterEach
  void cleanUp() {
    jdbc.sql("DELETE FROM api_token WHERE name LIKE :mark")
        .param("mark", TokenCalls.NAME_MARK + "%")
        .update();
  }

  @Test
  void createsATokenShownOnceAndRevokesItWithTheCsrfToken() throws Exception {
    String name = TokenCalls.name();
    mvc.perform(get("/").cookie(session))
        .andExpect(content().string(containsString("href=\"/account/tokens\"")));

    MvcResult created =
        mvc.perform(
                post("/account/tokens")
                    .cookie(session)
                    .with(csrf())
                    .param("name", name)
                    .param("expiresOn", TokenCalls.inDays(7))
                    .param("scope", "READ"))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("no-store")))
            .andExpect(content().string(containsString("id=\"new-token\"")))
            .andReturn();
    Matcher matcher = SECRET.matcher(created.getResponse().getContentAsString());
    assertThat(matcher.find()).as("the secret on the page").isTrue();
    String secret = matcher.group(1);
    long id =
        jdbc.sql("SELECT id FROM api_token WHERE name = :name")
            .param("name", name)
            .query(Long.class)
            .single();

    // the list afterwards: name and prefix, never the secret again; a revoke form with CSRF
    String page =
        mvc.perform(get("/account/tokens").cookie(session))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString(secret))))
            .andExpect(content().string(not(containsString("id=\"new-token\""))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(name).contains(secret.substring(0, 12));
    Matcher form =
        Pattern.compile(
                "<form action=\"/account/tokens/"
                    + id
                    + "/revoke\" method=\"post\"[^>]*>\\s*"
                    + "<input type=\"hidden\" name=\"_csrf\"")
            .matcher(page);
    assertThat(form.find()).as("revoke form with its CSRF field").isTrue();
    assertThat(
            mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);

    mvc.perform(post("/account/tokens/" + id + "/revoke").cookie(session))
        .andExpect(status().isForbidden());
    assertThat(revoked(id)).as("no revocation without the CSRF token").isFalse();
    mvc.perform(post("/account/tokens/" + id + "/revoke").cookie(session).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/account/tokens"));
    assertThat(revoked(id)).isTrue();
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void showsTheRefusalAtItsFieldInTheUsersLanguage() throws Exception {
    mvc.perform(
            post("/account/tokens")
                .cookie(session)
                .with(csrf())
                .param("name", "")
                .param("expiresOn", TokenCalls.inDays(7))
                .param("scope", "READ"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("请填写令牌名称")))
        .andExpect(content().string(not(containsString("id=\"new-token\""))));
    mvc.perform(
            post("/account/tokens?lang=en")
                .cookie(session)
                .with(csrf())
                .param("name", TokenCalls.name())
                .param("expiresOn", TokenCalls.inDays(400))
                .param("scope", "WRITE"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("at most a year")));
  }

  @Test
  void pagesDoNotAcceptTokens() throws Exception {
    String valid = createdSecret();

    mvc.perform(get("/account/tokens").header("Authorization", "Bearer " + valid))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string(HttpHeaders.LOCATION, containsString("/login")));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + valid))
        .andExpect(status().isOk());
  }

  private String createdSecret() throws Exception {
    String body =
        mvc.perform(
                post("/account/tokens")
                    .cookie(session)
                    .with(csrf())
                    .param("name", TokenCalls.name())
                    .param("scope", "WRITE"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher matcher = SECRET.matcher(body);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private boolean revoked(long id) {
    return jdbc.sql("SELECT revoked_at IS NOT NULL FROM api_token WHERE id = :id")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }
}
