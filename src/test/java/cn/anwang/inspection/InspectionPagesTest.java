package cn.anwang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The desktop checklist and coverage pages. */
@IntegrationTest
class InspectionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Autowired UserDetailsService users;

  private RequestPostProcessor login(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void theChecklistPagesListShowAndEditANewVersion() throws Exception {
    RequestPostProcessor admin = login("admin");
    mvc.perform(get("/inspection/checklists").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("SMALL_SHOP")))
        .andExpect(content().string(containsString("示例，可编辑")));
    String code = "PAGE_TEST_" + ProcessHandle.current().pid();
    try {
      String location =
          mvc.perform(
                  post("/inspection/checklists")
                      .with(admin)
                      .with(csrf())
                      .param("code", code)
                      .param("name", "页面测试检查表")
                      .param("hazards", "FIREWORKS")
                      .param(
                          "items",
                          "storage | 储存符合规定 | 《中华人民共和国安全生产法》第三十九条 | YES_NO_NA | photo | MAJOR | MAJOR_HAZARD\n"))
              .andExpect(status().is3xxRedirection())
              .andReturn()
              .getResponse()
              .getRedirectedUrl();
      long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
      mvc.perform(get("/inspection/checklists/" + id).with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("储存符合规定")))
          .andExpect(content().string(containsString("checklist-editor")));
      mvc.perform(
              post("/inspection/checklists")
                  .with(admin)
                  .with(csrf())
                  .param("id", Long.toString(id))
                  .param("name", "页面测试检查表")
                  .param("hazards", "FIREWORKS")
                  .param("items", "only three | fields | here"))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attributeExists("failure"));
      mvc.perform(
              post("/inspection/checklists")
                  .with(admin)
                  .with(csrf())
                  .param("id", Long.toString(id))
                  .param("name", "页面测试检查表（修订）")
                  .param("hazards", "FIREWORKS")
                  .param(
                      "items",
                      "storage | 储存符合规定 | | YES_NO_NA | - | MAJOR | MAJOR_HAZARD\nlicence | 持证经营 | | YES_NO_NA | - | GENERAL | ILLEGAL_OPERATION"))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attributeExists("message"));
      assertThat(
              jdbc.sql("SELECT max(version) FROM checklist WHERE code = ?")
                  .param(code)
                  .query(Integer.class)
                  .single())
          .isEqualTo(2);
      // an officer reads but gets no editor
      mvc.perform(get("/inspection/checklists/" + id).with(login("heping.officer")))
          .andExpect(status().isOk())
          .andExpect(
              content().string(org.hamcrest.Matchers.not(containsString("checklist-editor"))));
    } finally {
      jdbc.sql("DELETE FROM checklist WHERE code = ?").param(code).update();
    }
  }

  @Test
  void theCoveragePageDrillsFromDistrictToStreet() throws Exception {
    RequestPostProcessor admin = login("heping.admin");
    mvc.perform(get("/inspection/coverage").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("coverage-table")))
        .andExpect(content().string(containsString("不统计在线时长")));
    mvc.perform(get("/inspection/coverage").param("division", "120101001").with(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("coverage-up")));
  }

  @Test
  void theStreetConfirmsAnInformationUpdateOnItsPage() throws Exception {
    try (InspectionFixture f = new InspectionFixture(jdbc)) {
      long shop = f.object("小商店", "BLUE");
      long id =
          jdbc.sql(
                  """
                  INSERT INTO object_change_proposal (object_id, district_code, division_code,
                      business_status, note, proposed_by, proposed_by_name)
                  VALUES (?, '120101', ?, 'CLOSED', '已关门歇业', ?, '测试网格员') RETURNING id
                  """)
              .params(shop, f.divisionCode, f.userId)
              .query(Long.class)
              .single();
      RequestPostProcessor street = login("heping.street");
      mvc.perform(get("/inspection/proposals").with(street))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("已关门歇业")))
          .andExpect(content().string(containsString("/inspection/proposals/" + id)));
      // an officer sees the list but no buttons
      mvc.perform(get("/inspection/proposals").with(login("heping.officer")))
          .andExpect(status().isOk())
          .andExpect(
              content()
                  .string(
                      org.hamcrest.Matchers.not(containsString("/inspection/proposals/" + id))));
      mvc.perform(
              post("/inspection/proposals/" + id)
                  .with(street)
                  .with(csrf())
                  .param("decision", "reject"))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attributeExists("failure"));
      mvc.perform(
              post("/inspection/proposals/" + id)
                  .with(street)
                  .with(csrf())
                  .param("decision", "confirm"))
          .andExpect(status().is3xxRedirection())
          .andExpect(flash().attributeExists("message"));
      assertThat(
              jdbc.sql("SELECT status FROM supervised_object WHERE id = ?")
                  .param(shop)
                  .query(String.class)
                  .single())
          .isEqualTo("CLOSED");
    }
  }
}
