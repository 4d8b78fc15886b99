package cn.anwang.workforce.officer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The officer pages render for the demo users, in their language, and refuse what they should: the
 * form's errors, another district's officer, the import's report, the gaps and the grid quality
 * page's list of grids without an active officer.
 */
@IntegrationTest
class OfficerPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  OfficerFixtures f;

  @BeforeEach
  void setUp() {
    f = new OfficerFixtures(rest, jdbc, json);
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  @Test
  void theListFiltersByNameAndAnotherDistrictGetsNotFound() throws Exception {
    String village = f.freeVillage("120101");
    long id = f.createOfficer("heping.admin", "页面列表", village, Tier.VILLAGE);
    mvc.perform(get("/workforce/officers").param("q", "页面列表").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/workforce/officers/" + id)))
        .andExpect(content().string(containsString("登记网格员")));
    mvc.perform(
            get("/workforce/officers")
                .param("q", "页面列表")
                .header("HX-Request", "true")
                .with(as("heping.yingji")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("officer-row")))
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(not(containsString("登记网格员"))));
    mvc.perform(get("/workforce/officers/" + id).with(as("xiqing.admin")))
        .andExpect(status().isNotFound())
        .andExpect(content().string(containsString("不存在")));
    mvc.perform(get("/workforce/officers/" + id).with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(containsString("hx-get=\"/workforce/officers/" + id + "/training\"")))
        .andExpect(
            content().string(containsString("hx-get=\"/workforce/officers/" + id + "/load\"")));
  }

  @Test
  void theFormShowsTheRuleBrokenAndCreatesTheOfficer() throws Exception {
    String village = f.freeVillage("120101");
    String bad = OfficerFixtures.withWrongCheck(OfficerFixtures.idNumber());
    mvc.perform(
            post("/workforce/officers/new")
                .with(as("heping.admin"))
                .with(csrf())
                .param("name", "表单登记")
                .param("divisionCode", village)
                .param("tier", "VILLAGE")
                .param("employment", "STAFF")
                .param("idNumber", bad))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("身份证号校验位不正确")));
    String location =
        mvc.perform(
                post("/workforce/officers/new")
                    .with(as("heping.admin"))
                    .with(csrf())
                    .param("name", "表单登记")
                    .param("divisionCode", village)
                    .param("tier", "VILLAGE")
                    .param("employment", "STAFF")
                    .param("enforcementPower", "true")
                    .param("phone", "13812345678")
                    .param("idNumber", OfficerFixtures.idNumber())
                    .param("userId", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(
            jdbc.sql("SELECT enforcement_power FROM officer WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
    // editing with a stale version is refused
    mvc.perform(
            post("/workforce/officers/" + id + "/edit")
                .with(as("heping.admin"))
                .with(csrf())
                .param("name", "改过")
                .param("divisionCode", village)
                .param("tier", "VILLAGE")
                .param("employment", "STAFF")
                .param("version", "7"))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("已被他人修改")));
    mvc.perform(get("/workforce/officers/new").with(as("heping.yingji")))
        .andExpect(status().isForbidden());
  }

  @Test
  void theGapsAndTheQualityPageListTheGridsWithoutAnActiveOfficer() throws Exception {
    String village = f.freeVillage("120101");
    List<String> grids = f.gridsOf(village);
    long id = f.createOfficer("heping.admin", "页面覆盖", village, Tier.VILLAGE);
    f.certify(id);
    mvc.perform(
            post("/workforce/officers/" + id + "/assign")
                .with(as("heping.admin"))
                .with(csrf())
                .param("gridCode", grids.get(0)))
        .andExpect(status().is3xxRedirection());
    String gaps =
        mvc.perform(get("/workforce/gaps").param("division", village).with(as("heping.admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(gaps)
        .contains("/grids/" + grids.get(1))
        .doesNotContain("/grids/" + grids.get(0) + "\"");
    String quality =
        mvc.perform(
                get("/grids/quality")
                    .param("division", village.substring(0, 9))
                    .with(as("heping.admin")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    String section = quality.substring(quality.indexOf("id=\"uncovered-grids\""));
    assertThat(section).contains("没有在岗网格员").contains("/grids/" + grids.get(1));
    assertThat(section).doesNotContain("/grids/" + grids.get(0) + "\"");
  }

  @Test
  void theImportPageChecksAFileAndShowsTheRowProblems() throws Exception {
    String csv =
        OfficerImportTest.HEADER
            + "\n页面导入,,"
            + OfficerFixtures.withWrongCheck(OfficerFixtures.idNumber())
            + ","
            + f.freeVillage("120101")
            + ",村居,在编,否,\n";
    mvc.perform(get("/workforce/officers/import").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/workforce/officers/import/template")));
    mvc.perform(
            multipart("/workforce/officers/import")
                .file(
                    new MockMultipartFile(
                        "file", "o.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("step", "import")
                .with(as("heping.admin"))
                .with(csrf()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("身份证号校验位不正确")))
        .andExpect(content().string(containsString("officer-import-refused")));
  }
}
