package cn.anwang.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The department and rule pages, rendered on the server in both languages, as each role sees them.
 */
@IntegrationTest
class OrgPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @Test
  void listsTheDistrictsDepartmentsInChineseAndEnglish() throws Exception {
    mvc.perform(get("/departments").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("和平区应急管理局")))
        .andExpect(content().string(containsString("天津市应急管理局")))
        .andExpect(content().string(not(containsString("西青区应急管理局"))))
        .andExpect(content().string(containsString("危险化学品")))
        .andExpect(content().string(containsString("兜底部门")))
        .andExpect(content().string(containsString("id=\"department-new\"")));
    mvc.perform(get("/departments").param("lang", "en").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Departments")))
        .andExpect(content().string(containsString("Hazardous chemicals")))
        .andExpect(content().string(containsString("fallback")));
    mvc.perform(get("/departments").with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"department-new\""))));
  }

  @Test
  void showsTheEditFormOnlyToThoseWhoMayChange() throws Exception {
    String page =
        mvc.perform(get("/departments/120101-YJ").with(as("heping.admin")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"department-save\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .containsPattern("value=\"HAZARDOUS_CHEMICALS\"[^>]*checked")
        .doesNotContainPattern("value=\"GAS_USE\"[^>]*checked")
        .containsPattern("id=\"fallback\"[^>]*checked");
    mvc.perform(get("/departments/12-YJ").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"department-save\""))));
    mvc.perform(get("/departments/120111-YJ").with(as("heping.admin")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("不在您的辖区内")));
  }

  @Test
  void createsADepartmentFromTheFormAndShowsFieldErrors() throws Exception {
    String key = "P" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    mvc.perform(
            post("/departments")
                .param("key", key)
                .param("name", "和平区测试局")
                .param("districtCode", "120101")
                .param("dutyIndustries", "C, 2614")
                .param("dutyHazards", "GAS_USE")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(redirectedUrl("/departments/120101-" + key));
    assertThat(
            jdbc.sql("SELECT duty_industries::text FROM org_department WHERE code = ?")
                .param("120101-" + key)
                .query(String.class)
                .single())
        .isEqualTo("{C,2614}");
    mvc.perform(
            post("/departments")
                .param("key", "Q1")
                .param("name", "")
                .param("districtCode", "120101")
                .param("dutyIndustries", "ZZ")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"form-errors\"")))
        .andExpect(content().string(containsString("dutyIndustries")));
  }

  @Test
  void listsRulesByPriorityWithTheEvaluateBox() throws Exception {
    mvc.perform(get("/responsibility-rules").with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"evaluate-form\"")))
        .andExpect(content().string(containsString("id=\"rule-table\"")))
        .andExpect(content().string(containsString("建筑业（E 门类")))
        .andExpect(content().string(not(containsString("id=\"rule-new\""))));
    mvc.perform(get("/responsibility-rules").param("lang", "en").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Responsibility rules")))
        .andExpect(content().string(containsString("Try it: who supervises this?")))
        .andExpect(content().string(containsString("id=\"rule-new\"")));
  }

  @Test
  void evaluatesIntoAnHtmxFragment() throws Exception {
    mvc.perform(
            get("/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "ENTERPRISE")
                .param("industry", "4710")
                .header("HX-Request", "true")
                .with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("和平区住房和建设委员会")))
        .andExpect(content().string(not(containsString("<nav"))));
    mvc.perform(
            get("/responsibility-rules/evaluate")
                .param("district", "120101")
                .param("kind", "HOUSEHOLD")
                .param("lang", "en")
                .with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"no-rule-matched\"")))
        .andExpect(content().string(containsString("No rule matched")))
        .andExpect(content().string(containsString("<nav")));
  }

  @Test
  void previewsARuleFromTheFormWithoutSaving() throws Exception {
    long rules =
        jdbc.sql("SELECT count(*) FROM org_responsibility_rule").query(Long.class).single();
    mvc.perform(get("/responsibility-rules/new").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"rule-preview\"")))
        .andExpect(content().string(containsString("hx-post=\"/responsibility-rules/preview\"")));
    mvc.perform(
            post("/responsibility-rules/preview")
                .param("change", "CREATE")
                .param("districtCode", "120101")
                .param("priority", "5")
                .param("hazards", "GAS_USE")
                .param("departmentKey", "XF")
                .header("HX-Request", "true")
                .with(csrf())
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"preview-result\"")))
        .andExpect(content().string(not(containsString("id=\"preview-no-registry\""))));
    assertThat(jdbc.sql("SELECT count(*) FROM org_responsibility_rule").query(Long.class).single())
        .isEqualTo(rules);
    mvc.perform(get("/responsibility-rules/new").with(as("heping.street")))
        .andExpect(status().isForbidden());
  }

  @Test
  void showsASeededRuleAsEditableDefaultToTheCityAdministrator() throws Exception {
    long id =
        jdbc.sql("SELECT id FROM org_responsibility_rule WHERE seed_key = 'city.construction'")
            .query(Long.class)
            .single();
    mvc.perform(get("/responsibility-rules/" + id).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"rule-save\"")))
        .andExpect(content().string(containsString("id=\"rule-preview-deactivate\"")))
        .andExpect(content().string(containsString("系统预置的默认数据")));
    mvc.perform(get("/responsibility-rules/" + id).param("lang", "en").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Rule " + id)))
        .andExpect(content().string(not(containsString("id=\"rule-save\""))));
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
