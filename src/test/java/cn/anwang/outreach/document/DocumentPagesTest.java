package cn.anwang.outreach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The document pages: the form previews the count and publishes once per form, a refusal comes back
 * on the form naming the field, the document page counts the deliveries, the enterprise reads and
 * acknowledges on its page; in zh-CN and en.
 */
@IntegrationTest
class DocumentPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void publishFromTheFormThenReadAndAcknowledgeOnTheEnterprisePage() throws Exception {
    DocumentFixture fx = new DocumentFixture(mvc, json, jdbc);
    DocumentFixture.Officer officer = fx.officerWithShops();
    String enterprise = fx.enterpriseOf(officer.shopA());
    int shops = fx.shops(officer.grid()).size();

    mvc.perform(get("/documents/new").with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"clientId\"")))
        .andExpect(content().string(containsString("value=\"" + officer.grid() + "\"")));
    mvc.perform(get("/documents/new").param("lang", "en").with(login("heping.street")))
        .andExpect(content().string(containsString("Preview the count")));

    String clientId = UUID.randomUUID().toString();
    mvc.perform(
            multipart("/documents/new")
                .param("clientId", clientId)
                .param("action", "preview")
                .param("grids", officer.grid())
                .param("kinds", "SMALL_SHOP")
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-count=\"" + shops + "\"")));
    // a refusal comes back on the form, with what was typed
    mvc.perform(
            multipart("/documents/new")
                .param("clientId", clientId)
                .param("title", "页面发布的通知")
                .param("issuer", "劝业场街道办事处")
                .param("receiptDeadline", DocumentFixture.TODAY.minusDays(3).toString())
                .param("grids", officer.grid())
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"document-failure\"")))
        .andExpect(content().string(containsString("签收期限")))
        .andExpect(content().string(containsString("value=\"页面发布的通知\"")));
    String location =
        mvc.perform(
                multipart("/documents/new")
                    .param("clientId", clientId)
                    .param("title", "页面发布的通知")
                    .param("issuer", "劝业场街道办事处")
                    .param("receiptDeadline", DocumentFixture.TODAY.plusDays(7).toString())
                    .param("grids", officer.grid())
                    .param("kinds", "SMALL_SHOP")
                    .with(login("heping.street"))
                    .with(csrf()))
            .andExpect(redirectedUrlPattern("/documents/*?published=" + shops))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.replaceAll("^/documents/(\\d+).*$", "$1"));
    // the same form sent twice is one document
    mvc.perform(
            multipart("/documents/new")
                .param("clientId", clientId)
                .param("title", "页面发布的通知")
                .param("issuer", "劝业场街道办事处")
                .param("receiptDeadline", DocumentFixture.TODAY.plusDays(7).toString())
                .param("grids", officer.grid())
                .param("kinds", "SMALL_SHOP")
                .with(login("heping.street"))
                .with(csrf()))
        .andExpect(redirectedUrlPattern("/documents/" + id + "?published=*"));

    mvc.perform(get("/documents/" + id).with(login("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("data-total=\"" + shops + "\"")))
        .andExpect(content().string(containsString("data-received=\"0\"")));
    mvc.perform(get("/documents").with(login("heping.admin")))
        .andExpect(content().string(containsString("data-id=\"" + id + "\"")));
    mvc.perform(get("/documents").with(login("xiqing.admin")))
        .andExpect(content().string(not(containsString("data-id=\"" + id + "\""))));
    mvc.perform(get("/documents/" + id).with(login("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/documents/rates").param("by", "grid").with(login("heping.street")))
        .andExpect(content().string(containsString("data-code=\"" + officer.grid() + "\"")));

    long delivery =
        jdbc.sql("SELECT id FROM outreach_delivery WHERE document_id = ? AND object_id = ?")
            .params(id, officer.shopA())
            .query(Long.class)
            .single();
    mvc.perform(get("/documents/mine").with(login(enterprise)))
        .andExpect(content().string(containsString("data-id=\"" + delivery + "\"")));
    mvc.perform(get("/documents/mine/" + delivery).with(login(enterprise)))
        .andExpect(content().string(containsString("id=\"mine-acknowledge\"")));
    mvc.perform(
            post("/documents/mine/" + delivery + "/receipt").with(login(enterprise)).with(csrf()))
        .andExpect(redirectedUrl("/documents/mine/" + delivery));
    mvc.perform(get("/documents/mine/" + delivery).with(login(enterprise)).param("lang", "en"))
        .andExpect(content().string(containsString("data-status=\"RECEIVED\"")))
        .andExpect(content().string(containsString("Electronic")));
    mvc.perform(get("/documents/" + id).with(login("heping.street")))
        .andExpect(content().string(containsString("data-received=\"1\"")));
    assertThat(
            jdbc.sql("SELECT method FROM outreach_delivery WHERE id = ?")
                .param(delivery)
                .query(String.class)
                .single())
        .isEqualTo("ELECTRONIC");
  }
}
