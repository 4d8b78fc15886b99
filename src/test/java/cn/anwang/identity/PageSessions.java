package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Logs in through the real form, as a browser would, and hands back the session. */
final class PageSessions {

  private PageSessions() {}

  static MockHttpSession logIn(MockMvc mvc, String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    return (MockHttpSession) result.getRequest().getSession(false);
  }
}
