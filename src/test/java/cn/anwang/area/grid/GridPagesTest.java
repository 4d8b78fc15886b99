package cn.anwang.area.grid;

import static cn.anwang.area.grid.GridApiTest.collection;
import static cn.anwang.area.grid.GridImportValidatorTest.feature;
import static cn.anwang.area.grid.GridImportValidatorTest.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The grid pages, rendered on the server, as each role sees them. */
@IntegrationTest
class GridPagesTest {

  @Autowired MockMvc mvc;
  @Autowired UserDetailsService users;
  @Autowired JdbcClient jdbc;

  @Test
  void drawsTheMapFromTheTerritorysGeoJsonWithoutOutsideTiles() throws Exception {
    mvc.perform(get("/map").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"grid-map\"")))
        .andExpect(
            content()
                .string(containsString("data-grids-url=\"/map/grids.geojson?division=120101\"")))
        .andExpect(content().string(not(containsString("data-tile-url=\"http"))))
        .andExpect(content().string(containsString("示意数据（合成）")))
        .andExpect(content().string(containsString("/js/grid-map.js")));
    mvc.perform(get("/map/grids.geojson").param("division", "120101").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("FeatureCollection"))
        .andExpect(jsonPath("$.features[0].properties.synthetic").value(true));
    mvc.perform(get("/map/boundaries.geojson").param("division", "120101").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.features[0].properties.code").value("120101"))
        .andExpect(jsonPath("$.features[0].properties.level").value("district"));
    mvc.perform(get("/map/grids.geojson").param("division", "120111").with(as("heping.admin")))
        .andExpect(status().isNotFound());
  }

  @Test
  void listsAndSearchesGridsAndServesTheTableToHtmx() throws Exception {
    String demoGrid = firstDemoGrid("120101001");
    mvc.perform(get("/grids").param("q", demoGrid).with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(demoGrid)))
        .andExpect(content().string(containsString("<nav")));
    mvc.perform(
            get("/grids")
                .param("q", demoGrid)
                .header("HX-Request", "true")
                .with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(demoGrid)))
        .andExpect(content().string(not(containsString("<nav"))));
    mvc.perform(get("/grids").param("division", "120111").with(as("heping.street")))
        .andExpect(status().isNotFound());
  }

  @Test
  void showsTheEditFormToAdministratorsOnly() throws Exception {
    String demoGrid = firstDemoGrid("120101001");
    mvc.perform(get("/grids/" + demoGrid).with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"grid-detail-map\"")))
        .andExpect(content().string(containsString("id=\"grid-edit-form\"")));
    mvc.perform(get("/grids/" + demoGrid).with(as("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"grid-edit-form\""))));
    mvc.perform(get("/grids/" + firstDemoGrid("120111001")).with(as("heping.street")))
        .andExpect(status().isNotFound());
  }

  @Test
  void showsTheDryRunReportAndImportsOnlyOnConfirmation() throws Exception {
    String code = "T-page-" + Long.toString(System.nanoTime(), 36);
    String body = collection(feature(code, "页面导入", "120102004", square(117.235, 39.118, 0.0008)));
    String page =
        mvc.perform(
                multipart("/grids/import")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "grids.geojson",
                            "application/geo+json",
                            body.getBytes(StandardCharsets.UTF_8)))
                    .with(csrf())
                    .with(as("admin")))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("id=\"import-report\"")))
            .andExpect(content().string(containsString("id=\"confirm-import\"")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(count(code)).isZero();
    Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
    assertThat(token.find()).isTrue();
    mvc.perform(
            post("/grids/import/confirm")
                .param("token", token.group(1))
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"import-done\"")));
    assertThat(count(code)).isOne();
    // the upload is gone once used, and belongs to its uploader only
    mvc.perform(
            post("/grids/import/confirm")
                .param("token", token.group(1))
                .with(csrf())
                .with(as("admin")))
        .andExpect(content().string(containsString("id=\"import-error\"")));
  }

  @Test
  void disablesConfirmationWhenAFeatureIsRejected() throws Exception {
    String body = collection(feature("T-bad-page", "坏", "120102", square(117.235, 39.118, 0.0008)));
    mvc.perform(
            multipart("/grids/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "bad.geojson",
                        "application/geo+json",
                        body.getBytes(StandardCharsets.UTF_8)))
                .param("lang", "en")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"rejected-table\"")))
        .andExpect(content().string(containsString("is a district")))
        .andExpect(content().string(containsString("disabled")))
        .andExpect(content().string(not(containsString("name=\"token\""))));
    mvc.perform(
            multipart("/grids/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "x.geojson",
                        "application/geo+json",
                        "{oops".getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"import-error-text\"")))
        .andExpect(content().string(containsString("请求内容不是有效的 JSON")));
  }

  @Test
  void showsRejectionsAndWarningsInTheUsersLanguage() throws Exception {
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[117.26,39.13],[117.26,39.12],"
            + "[117.25,39.13],[117.25,39.12]]]}";
    byte[] body =
        collection(
                feature("T-lang-1", "自相交", "120102004", bowTie),
                feature("T-lang-2", "区", "120102", square(117.235, 39.118, 0.0008)))
            .getBytes(StandardCharsets.UTF_8);
    MockMultipartFile file =
        new MockMultipartFile("file", "b.geojson", "application/geo+json", body);
    // Chinese by default
    mvc.perform(multipart("/grids/import").file(file).with(csrf()).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("几何无效：(117.255000, 39.125000) 处自相交")))
        .andExpect(content().string(containsString("区划 120102（河东区）是区；网格只能属于街道（乡镇、园区）或村（社区）")))
        .andExpect(content().string(not(containsString("Self-intersection"))));
    mvc.perform(
            multipart("/grids/import")
                .file(file)
                .param("lang", "en")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "Invalid geometry: Self-intersection at (117.255000, 39.125000)")))
        .andExpect(content().string(containsString("Division 120102 (河东区) is a district")))
        .andExpect(content().string(not(containsString("自相交"))));
    // a repaired geometry is a warning, in the same language
    mvc.perform(
            multipart("/grids/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "r.geojson",
                        "application/geo+json",
                        collection(feature("T-lang-3", "修复", "120102004", bowTie))
                            .getBytes(StandardCharsets.UTF_8)))
                .param("repair", "true")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"warnings-table\"")))
        .andExpect(content().string(containsString("已修复无效几何：(117.255000, 39.125000) 处自相交")));
  }

  @Test
  void savesAnEditAndDeletesAfterConfirmation() throws Exception {
    String code = "T-form-" + Long.toString(System.nanoTime(), 36);
    mvc.perform(
            multipart("/grids/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "g.geojson",
                        "application/geo+json",
                        collection(
                                feature(code, "表单", "120102005", square(117.245, 39.128, 0.0008)))
                            .getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk());
    // imported through the API path of the same service
    mvc.perform(
            post("/api/v1/grids/import")
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(
                        "admin", "admin-test-password"))
                .contentType("application/geo+json")
                .content(
                    collection(feature(code, "表单", "120102005", square(117.245, 39.128, 0.0008)))))
        .andExpect(status().isOk());
    mvc.perform(
            post("/grids/" + code)
                .param("name", "表单改")
                .param("type", "COMMERCIAL_CLUSTER")
                .param("divisionCode", "120102005")
                .param("externalId", "ZZ-1")
                .param("version", "0")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/grids/" + code));
    assertThat(
            jdbc.sql("SELECT type FROM grid WHERE code = ?")
                .param(code)
                .query(String.class)
                .single())
        .isEqualTo("COMMERCIAL_CLUSTER");
    mvc.perform(
            post("/grids/" + code)
                .param("name", "x")
                .param("type", "REGULAR")
                .param("divisionCode", "120102")
                .param("version", "1")
                .param("lang", "en")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("is a district")));
    mvc.perform(
            post("/grids/" + code)
                .param("name", "x")
                .param("type", "REGULAR")
                .param("divisionCode", "120102")
                .param("version", "1")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("是区；网格只能属于街道")));
    mvc.perform(
            post("/grids/" + code)
                .param("name", "x")
                .param("type", "REGULAR")
                .param("divisionCode", "120102005")
                .param("version", "0")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("网格“" + code + "”已被他人修改")));
    // moved to 河西区 while it lies in 河东区: saved, with the import's warning
    mvc.perform(
            post("/grids/" + code)
                .param("name", "表单改")
                .param("type", "COMMERCIAL_CLUSTER")
                .param("divisionCode", "120103001")
                .param("version", "1")
                .with(csrf())
                .with(as("admin")))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            flash()
                .attribute(
                    "warnings",
                    org.hamcrest.Matchers.contains(containsString("网格超出所属区的边界（河西区 120103）"))));
    mvc.perform(
            post("/grids/" + code + "/delete").param("version", "2").with(csrf()).with(as("admin")))
        .andExpect(status().is3xxRedirection());
    assertThat(count(code)).isZero();
  }

  @Test
  void showsTheQualityReportOfADemoStreetWithItsGapMap() throws Exception {
    mvc.perform(get("/grids/quality").param("division", "120101001").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"quality-map\"")))
        .andExpect(content().string(containsString("id=\"gap-summary\"")))
        // the workforce module reports which grids have no active officer
        .andExpect(content().string(containsString("id=\"uncovered-grids\"")))
        .andExpect(content().string(containsString("没有在岗网格员")));
    mvc.perform(
            get("/grids/quality")
                .param("division", "120101001")
                .param("lang", "en")
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("have no active officer")));
  }

  @Test
  void speaksEnglishOnTheImportPage() throws Exception {
    mvc.perform(get("/grids/import").param("lang", "en").with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Import grids")))
        .andExpect(content().string(containsString("Check (dry run)")));
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }

  private String firstDemoGrid(String street) {
    return jdbc.sql(
            "SELECT code FROM grid WHERE division_code LIKE ? AND synthetic ORDER BY code LIMIT 1")
        .param(street + "%")
        .query(String.class)
        .single();
  }

  private long count(String code) {
    return jdbc.sql("SELECT count(*) FROM grid WHERE code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }
}
