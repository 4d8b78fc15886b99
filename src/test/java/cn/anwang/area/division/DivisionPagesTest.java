package cn.anwang.area.division;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DivisionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;

  @Test
  void opensTheTreeAtTheUsersTerritory() throws Exception {
    mvc.perform(get("/divisions").with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/divisions/120101"));
  }

  @Test
  void showsTheStreetsOfADistrictWithBreadcrumbs() throws Exception {
    mvc.perform(get("/divisions/120101").with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("劝业场街道")))
        .andExpect(content().string(Matchers.containsString("天津市")));
  }

  @Test
  void servesOnlyTheChildrenFragmentToHtmx() throws Exception {
    mvc.perform(
            get("/divisions/120101")
                .header("HX-Request", "true")
                .with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("劝业场街道")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("<nav"))));
  }

  @Test
  void speaksEnglishWhenAsked() throws Exception {
    mvc.perform(
            get("/divisions/120101")
                .param("lang", "en")
                .with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Street / town / park")));
  }

  @Test
  void answersAnotherDistrictsPageWithNotFound() throws Exception {
    mvc.perform(get("/divisions/120111").with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isNotFound());
  }

  @Test
  void findsVillagesBySearch() throws Exception {
    mvc.perform(
            get("/divisions/search")
                .param("q", "劝业场")
                .with(user(users.loadUserByUsername("heping.admin"))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("search-result")));
  }
}
