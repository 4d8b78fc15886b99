package cn.anwang.inspection.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** The phone page shells, the service worker and the manifest are served as the SW needs them. */
@IntegrationTest
class MobilePagesTest {

  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate rest;
  @Autowired UserDetailsService users;

  private String page(String path, String lang) throws Exception {
    var request = get(path).with(user(users.loadUserByUsername("heping.officer")));
    if (lang != null) {
      request = request.param("lang", lang);
    }
    var response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void everyPhonePageRendersInChineseAndEnglishWithTheOutboxBadge() throws Exception {
    for (String path :
        new String[] {
          "/m/", "/m/map", "/m/inspect/_", "/m/inspect/42", "/m/report", "/m/cases", "/m/outbox"
        }) {
      assertThat(page(path, null))
          .as(path)
          .contains("id=\"m-outbox-badge\"")
          .contains("待同步")
          .contains("data-texts=\"{&quot;offline&quot;:&quot;离线&quot;")
          .contains("data-user=\"heping.officer\"");
    }
    assertThat(page("/m/outbox", "en"))
        .contains("To sync")
        .contains("&quot;retry&quot;:&quot;Retry&quot;");
    assertThat(page("/m/inspect/7", "zh-CN"))
        .contains("capture=\"environment\"")
        .contains("id=\"m-signature\"");
  }

  @Test
  void mRedirectsToTheScopeOfTheServiceWorker() throws Exception {
    var response =
        mvc.perform(get("/m").with(user(users.loadUserByUsername("heping.officer"))))
            .andReturn()
            .getResponse();
    assertThat(response.getRedirectedUrl()).isEqualTo("/m/");
  }

  @Test
  void theServiceWorkerScriptsAndManifestAreStaticAndPublic() {
    ResponseEntity<String> sw = rest.getForEntity("/m/sw.js", String.class);
    assertThat(sw.getStatusCode().value()).isEqualTo(200);
    assertThat(sw.getHeaders().getContentType().toString()).contains("javascript");
    assertThat(sw.getBody()).contains("addEventListener('fetch'").contains("'/m/inspect/_'");
    assertThat(rest.getForEntity("/m/js/outbox.js", String.class).getBody())
        .contains("Idempotency-Key");
    ResponseEntity<String> manifest = rest.getForEntity("/m/manifest.json", String.class);
    assertThat(manifest.getBody()).contains("\"scope\": \"/m/\"");
    // the pages themselves stay behind the log-in
    assertThat(rest.getForEntity("/m/outbox", String.class).getStatusCode().is2xxSuccessful())
        .isTrue();
    assertThat(rest.getForEntity("/m/outbox", String.class).getBody())
        .doesNotContain("m-outbox-badge");
  }
}
