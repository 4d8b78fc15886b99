package cn.anwang.partner;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The partner page tests' requests: each user logged in once on the form, with CSRF. */
final class PartnerPages {

  private final MockMvc mvc;
  private final Map<String, Cookie> sessions = new HashMap<>();

  PartnerPages(MockMvc mvc) {
    this.mvc = mvc;
  }

  MvcResult page(String user, MockHttpServletRequestBuilder r, int expect) throws Exception {
    String password =
        user.startsWith("partner.") ? PartnerFixture.PARTNER_PASSWORD : "anwang-demo-2026";
    Cookie session =
        sessions.computeIfAbsent(
            user,
            u -> {
              try {
                return mvc.perform(
                        SecurityMockMvcRequestBuilders.formLogin("/login")
                            .user(u)
                            .password(password))
                    .andReturn()
                    .getResponse()
                    .getCookie("SESSION");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    return mvc.perform(r.cookie(session).with(csrf())).andExpect(status().is(expect)).andReturn();
  }

  String html(String user, String path) throws Exception {
    return page(user, get(path), 200).getResponse().getContentAsString();
  }
}
