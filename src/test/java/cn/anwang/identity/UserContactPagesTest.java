package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The user pages show and save the e-mail address and the preferred language that notifications use
 * ({@link UserDirectory}); a malformed address is a field error.
 */
@IntegrationTest
class UserContactPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDirectory directory;

  Cookie heping;

  @BeforeEach
  void logIn() throws Exception {
    heping = PageSessions.logIn(mvc, "heping.admin", "anwang-demo-2026");
  }

  private Map<String, Object> row(long id) {
    return jdbc.sql("SELECT email, language FROM app_user WHERE id = ?")
        .param(id)
        .query()
        .singleRow();
  }

  @Test
  void createAndEditSaveTheEmailAndLanguageAndRefuseAMalformedAddress() throws Exception {
    // the new-user form has both fields
    mvc.perform(get("/users/new").cookie(heping))
        .andExpect(content().string(containsString("id=\"email\"")))
        .andExpect(content().string(containsString("id=\"language\"")));

    // a malformed address is a field error, in Chinese
    String username = UserAdministrationApiTest.unique("mail");
    mvc.perform(
            post("/users")
                .cookie(heping)
                .with(csrf())
                .param("username", username)
                .param("displayName", "王网格")
                .param("role", "STREET_OFFICER")
                .param("territoryCode", "120101001")
                .param("email", "wang at example")
                .param("language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("请输入有效的电子邮箱地址")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM app_user WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single())
        .isZero();

    String location =
        mvc.perform(
                post("/users")
                    .cookie(heping)
                    .with(csrf())
                    .param("username", username)
                    .param("displayName", "王网格")
                    .param("role", "STREET_OFFICER")
                    .param("territoryCode", "120101001")
                    .param("email", " wang@example.cn ")
                    .param("language", "en"))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(row(id)).containsEntry("email", "wang@example.cn").containsEntry("language", "en");
    String page =
        mvc.perform(get(location).cookie(heping)).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("value=\"wang@example.cn\"");
    assertThat(page).containsPattern("<option value=\"en\"\\s+selected");
    // notifications read the same
    UserDirectory.Contact contact = directory.find(id).orElseThrow();
    assertThat(contact.email()).isEqualTo("wang@example.cn");
    assertThat(contact.language()).isEqualTo("en");

    // edit: another address and Chinese (zh-CN is stored as zh)
    mvc.perform(
            post(location)
                .cookie(heping)
                .with(csrf())
                .param("displayName", "王网格")
                .param("role", "STREET_OFFICER")
                .param("territoryCode", "120101001")
                .param("email", "wang.wg@example.com.cn")
                .param("language", "zh-CN"))
        .andExpect(status().is3xxRedirection());
    assertThat(row(id))
        .containsEntry("email", "wang.wg@example.com.cn")
        .containsEntry("language", "zh");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'user.update' AND target_id = ?"
                        + " AND after::text LIKE '%wang.wg@example.com.cn%'")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    // a malformed address on edit is refused and nothing changes
    mvc.perform(
            post(location)
                .cookie(heping)
                .with(csrf())
                .param("displayName", "王网格")
                .param("role", "STREET_OFFICER")
                .param("territoryCode", "120101001")
                .param("email", "wang@@example.cn")
                .param("language", "fr"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请输入有效的电子邮箱地址")))
        .andExpect(content().string(containsString("语言只能是 zh-CN 或 en")));
    assertThat(row(id)).containsEntry("email", "wang.wg@example.com.cn");

    // blank: no address, default language
    mvc.perform(
            post(location)
                .cookie(heping)
                .with(csrf())
                .param("displayName", "王网格")
                .param("role", "STREET_OFFICER")
                .param("territoryCode", "120101001")
                .param("email", "")
                .param("language", ""))
        .andExpect(status().is3xxRedirection());
    assertThat(row(id)).containsEntry("email", null).containsEntry("language", null);
  }
}
