package cn.anwang.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class UserPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  Cookie heping;

  @BeforeEach
  void logIn() throws Exception {
    heping = PageSessions.logIn(mvc, "heping.admin", "anwang-demo-2026");
  }

  @Test
  void listsOnlyUsersInsideTheDistrict() throws Exception {
    mvc.perform(get("/users").cookie(heping))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("heping.officer")))
        .andExpect(content().string(not(containsString("xiqing.officer"))));
  }

  @Test
  void createsAUserThroughTheFormAndShowsTheOneTimePasswordOnce() throws Exception {
    String username = UserAdministrationApiTest.unique("page");
    MvcResult created =
        mvc.perform(
                post("/users")
                    .cookie(heping)
                    .with(csrf())
                    .param("username", username)
                    .param("displayName", "李网格")
                    .param("role", "STREET_OFFICER")
                    .param("territoryCode", "120101001"))
            .andExpect(status().is3xxRedirection())
            .andExpect(flash().attributeExists("oneTimePassword"))
            .andReturn();

    String location = created.getResponse().getRedirectedUrl();
    assertThat(location).matches("/users/\\d+");
    mvc.perform(get(location).cookie(heping))
        .andExpect(content().string(containsString("id=\"one-time-password\"")))
        .andExpect(content().string(containsString("value=\"李网格\"")));
    mvc.perform(get(location).cookie(heping))
        .andExpect(content().string(not(containsString("id=\"one-time-password\""))));
  }

  @Test
  void showsFieldErrorsForInvalidInputAndBrokenRules() throws Exception {
    mvc.perform(
            post("/users")
                .cookie(heping)
                .with(csrf())
                .param("username", "x")
                .param("displayName", "")
                .param("role", "STREET_OFFICER")
                .param("territoryCode", "120101001"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")));

    mvc.perform(
            post("/users")
                .cookie(heping)
                .with(csrf())
                .param("username", UserAdministrationApiTest.unique("high"))
                .param("displayName", "x")
                .param("role", "CITY_ADMIN")
                .param("territoryCode", "12"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不能授予角色")));
  }

  @Test
  void treatsAnUnknownRoleAsAFieldError() throws Exception {
    mvc.perform(
            post("/users")
                .cookie(heping)
                .with(csrf())
                .param("username", UserAdministrationApiTest.unique("bogus"))
                .param("displayName", "x")
                .param("role", "EMPEROR")
                .param("territoryCode", "120101001"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is-invalid")))
        .andExpect(content().string(containsString("请从列表中选择有效的值")));

    long officer =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.officer'")
            .query(Long.class)
            .single();
    mvc.perform(
            post("/users/" + officer)
                .cookie(heping)
                .with(csrf())
                .param("displayName", "x")
                .param("role", "EMPEROR")
                .param("territoryCode", "120101001"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请从列表中选择有效的值")));
  }

  @Test
  void offersOnlyRolesNotAboveTheManagersOwn() throws Exception {
    mvc.perform(get("/users/new").cookie(heping))
        .andExpect(content().string(containsString("value=\"STREET_ADMIN\"")))
        .andExpect(content().string(not(containsString("value=\"CITY_ADMIN\""))));
  }

  @Test
  void hidesAUserOfAnotherDistrict() throws Exception {
    long xiqing =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'xiqing.officer'")
            .query(Long.class)
            .single();

    mvc.perform(get("/users/" + xiqing).cookie(heping)).andExpect(status().isNotFound());
  }

  @Test
  void disablesAndReEnablesAUserFromItsPage() throws Exception {
    String username = UserAdministrationApiTest.unique("toggle");
    MvcResult created =
        mvc.perform(
                post("/users")
                    .cookie(heping)
                    .with(csrf())
                    .param("username", username)
                    .param("displayName", "x")
                    .param("role", "VILLAGE_OFFICER")
                    .param("territoryCode", "120101001001"))
            .andReturn();
    String location = created.getResponse().getRedirectedUrl();

    mvc.perform(post(location + "/disable").cookie(heping).with(csrf()))
        .andExpect(flash().attribute("message", "identity.users.disabled"));
    assertThat(enabled(username)).isFalse();
    mvc.perform(post(location + "/enable").cookie(heping).with(csrf()))
        .andExpect(flash().attribute("message", "identity.users.enabled"));
    assertThat(enabled(username)).isTrue();
  }

  @Test
  void explainsWhyAnAdministratorCannotDisableTheirOwnAccount() throws Exception {
    long self =
        jdbc.sql("SELECT id FROM app_user WHERE username = 'heping.admin'")
            .query(Long.class)
            .single();

    MvcResult refused =
        mvc.perform(post("/users/" + self + "/disable").cookie(heping).with(csrf()))
            .andExpect(flash().attribute("failure", "identity.error.disableSelf"))
            .andReturn();
    mvc.perform(get(refused.getResponse().getRedirectedUrl()).cookie(heping))
        .andExpect(content().string(containsString("不能停用您自己的账户")));
    assertThat(enabled("heping.admin")).isTrue();
  }

  @Test
  void disablingAUserEndsTheirOpenSession() throws Exception {
    String username = UserAdministrationApiTest.unique("session");
    String location =
        mvc.perform(
                post("/users")
                    .cookie(heping)
                    .with(csrf())
                    .param("username", username)
                    .param("displayName", "x")
                    .param("role", "STREET_ADMIN")
                    .param("territoryCode", "120101003")
                    .param("password", "session-password-1"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    Cookie theirs = PageSessions.logIn(mvc, username, "session-password-1");
    mvc.perform(get("/users").cookie(theirs)).andExpect(status().isOk());

    mvc.perform(post(location + "/disable").cookie(heping).with(csrf()));

    mvc.perform(get("/users").cookie(theirs)).andExpect(status().is3xxRedirection());
  }

  @Test
  void rendersInEnglishOnRequest() throws Exception {
    mvc.perform(get("/users").param("lang", "en").cookie(heping))
        .andExpect(content().string(containsString("Search by username or name")));
  }

  private boolean enabled(String username) {
    return jdbc.sql("SELECT enabled FROM app_user WHERE username = :u")
        .param("u", username)
        .query(Boolean.class)
        .single();
  }
}
