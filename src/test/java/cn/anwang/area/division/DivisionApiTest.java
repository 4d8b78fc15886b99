package cn.anwang.area.division;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DivisionApiTest {

  private static final String DEMO_PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;

  @Test
  void listsTheSixteenDistrictsOfTianjinForTheCityAdministrator() throws Exception {
    mvc.perform(
            get("/api/v1/divisions/12/children").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(16))
        .andExpect(jsonPath("$[0].code").value("120101"))
        .andExpect(jsonPath("$[0].name").value("和平区"))
        .andExpect(jsonPath("$[0].level").value("DISTRICT"))
        .andExpect(jsonPath("$[0].hasBoundary").value(true));
  }

  @Test
  void answersOneDivisionWithItsLevelAndParent() throws Exception {
    mvc.perform(get("/api/v1/divisions/120101001").with(httpBasic("heping.admin", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("劝业场街道"))
        .andExpect(jsonPath("$.level").value("STREET"))
        .andExpect(jsonPath("$.parentCode").value("120101"));
  }

  @Test
  void listsTheVillagesOfAStreetInCodeOrder() throws Exception {
    mvc.perform(
            get("/api/v1/divisions/120101001/children")
                .with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(Matchers.greaterThan(3)))
        .andExpect(jsonPath("$[*].level", Matchers.everyItem(Matchers.is("VILLAGE"))))
        .andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("120101001"))));
  }

  @Test
  void hidesAnotherStreetFromAStreetAdministrator() throws Exception {
    mvc.perform(get("/api/v1/divisions/120101002").with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            get("/api/v1/divisions/120111/children")
                .with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isNotFound());
  }

  @Test
  void showsAStreetAdministratorTheirDistrictButOnlyTheirOwnStreetBelowIt() throws Exception {
    mvc.perform(
            get("/api/v1/divisions/120101/children")
                .with(httpBasic("heping.street", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].code").value("120101001"));
  }

  @Test
  void searchesByNameOnlyInsideTheTerritory() throws Exception {
    mvc.perform(
            get("/api/v1/divisions")
                .param("q", "街道")
                .with(httpBasic("heping.admin", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(6))
        .andExpect(jsonPath("$[*].code", Matchers.everyItem(Matchers.startsWith("120101"))));
    mvc.perform(
            get("/api/v1/divisions")
                .param("q", "杨柳青")
                .with(httpBasic("heping.admin", DEMO_PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void treatsLikeWildcardsInASearchAsText() throws Exception {
    mvc.perform(
            get("/api/v1/divisions")
                .param("q", "%")
                .with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void answersAnUnknownCodeWith404Problem() throws Exception {
    mvc.perform(get("/api/v1/divisions/999999").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.status").value(404))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("999999")));
  }

  @Test
  void keepsMetricsForTheCityAdministrator() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/metrics").with(httpBasic("heping.admin", DEMO_PASSWORD)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/actuator/metrics").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.names").isArray());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
  }

  @Test
  void reportsHealthPubliclyAsUpWithTheDatabase() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }
}
