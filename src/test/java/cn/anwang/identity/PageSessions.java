package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Logs in through the real form, as a browser would, and hands back the session cookie (sessions
 * live in PostgreSQL through Spring Session, so the cookie is what a browser would keep).
 */
final class PageSessions {

  private PageSessions() {}

  static Cookie logIn(MockMvc mvc, String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    // grid officers land on their phone pages, everyone else on the home page
    assertThat(result.getResponse().getRedirectedUrl()).isIn("/", "/m/");
    Cookie session = result.getResponse().getCookie("SESSION");
    assertThat(session).as("session cookie after log-in").isNotNull();
    return session;
  }
}
