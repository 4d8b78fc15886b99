package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The object form: create, edit, refusals shown at their field, scope and roles. */
@IntegrationTest
class ObjectFormPagesTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  private final Map<String, Cookie> sessions = new HashMap<>();

  @Test
  void anAdministratorRegistersAnObjectThroughTheForm() throws Exception {
    double[] point = pointIn("120101001");
    mvc.perform(get("/objects/new").cookie(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"object-form\"")))
        .andExpect(content().string(containsString("危险化学品")));

    String location =
        mvc.perform(
                post("/objects")
                    .cookie(as("heping.admin"))
                    .with(csrf())
                    .param("kind", "SMALL_SHOP")
                    .param("name", "表单新建小商铺")
                    .param("address", "和平区表单路 1 号")
                    .param("lon", String.valueOf(point[0]))
                    .param("lat", String.valueOf(point[1]))
                    .param("crs", "wgs84")
                    .param("industryCode", "5211")
                    .param("employees", "4")
                    .param("hazards", "GAS_USE")
                    .param("contactName", "张三")
                    .param("contactPhone", "13812345678")
                    .param("status", "OPERATING"))
            .andExpect(status().is3xxRedirection())
            .andExpect(redirectedUrlPattern("/objects/*"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    var row =
        jdbc.sql(
                "SELECT street_code, hazards::text, contact_phone FROM supervised_object WHERE id"
                    + " = ?")
            .param(id)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
            .single();
    assertThat(row[0]).isEqualTo("120101001");
    assertThat(row[1]).contains("GAS_USE");
    assertThat(row[2]).isEqualTo("13812345678");
    mvc.perform(get(location).cookie(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("表单新建小商铺")))
        .andExpect(content().string(containsString("id=\"object-edit\"")))
        .andExpect(content().string(containsString("id=\"object-delete\"")));
  }

  @Test
  void aRefusedNewObjectComesBackWithItsInput() throws Exception {
    mvc.perform(
            post("/objects")
                .cookie(as("heping.admin"))
                .with(csrf())
                .param("kind", "ENTERPRISE")
                .param("name", "坐标有误的企业")
                .param("address", "和平区坐标路 9 号")
                .param("lon", "121.47")
                .param("lat", "31.23")
                .param("crs", "wgs84")
                .param("hazards", "DUST_EXPLOSION")
                .param("status", "OPERATING"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"lon-error\"")))
        .andExpect(content().string(containsString("不在天津市范围内")))
        .andExpect(content().string(containsString("value=\"和平区坐标路 9 号\"")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"DUST_EXPLOSION\"[^>]*checked.*")));
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervised_object WHERE name = '坐标有误的企业'")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void anEditIsSavedAndRecordedInTheHistory() throws Exception {
    long id = demoObject("120101001", 1);
    int version = version(id);
    mvc.perform(get("/objects/" + id + "/edit").cookie(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"version\" value=\"" + version + "\"")));

    mvc.perform(edit(id, "heping.admin", version, "name", "表单改名后的对象"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/objects/" + id));

    assertThat(version(id)).isEqualTo(version + 1);
    mvc.perform(get("/objects/" + id).cookie(as("heping.admin")))
        .andExpect(content().string(containsString("表单改名后的对象")))
        .andExpect(content().string(containsString("heping.admin")));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM object_history WHERE object_id = ? AND action = 'update'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aStaleVersionIsRefusedWithTheInputKept() throws Exception {
    long id = demoObject("120101001", 3);
    int version = version(id);
    jdbc.sql("UPDATE supervised_object SET version = version + 1 WHERE id = ?").param(id).update();

    mvc.perform(edit(id, "heping.admin", version, "name", "过时版本的改名"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("该对象已被他人修改")))
        .andExpect(content().string(containsString("value=\"过时版本的改名\"")));
    assertThat(
            jdbc.sql("SELECT name FROM supervised_object WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isNotEqualTo("过时版本的改名");
  }

  @Test
  void aRefusedFieldIsShownAtTheFieldInChineseAndInEnglish() throws Exception {
    long id = demoObject("120101001", 5);
    int version = version(id);
    mvc.perform(edit(id, "heping.admin", version, "uscc", "91120101ABC"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"uscc-error\"")))
        .andExpect(content().string(containsString("统一社会信用代码无效")))
        .andExpect(content().string(containsString("value=\"91120101ABC\"")));
    mvc.perform(edit(id, "heping.admin", version, "uscc", "91120101ABC", "lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"uscc-error\"")))
        .andExpect(content().string(containsString("The unified social credit code is not valid")));
    mvc.perform(edit(id, "heping.admin", version, "employees", "viele", "lang", "en"))
        .andExpect(content().string(containsString("id=\"employees-error\"")))
        .andExpect(content().string(containsString("is not a whole number")))
        .andExpect(content().string(containsString("value=\"viele\"")));
    mvc.perform(
            edit(
                id,
                "heping.admin",
                version,
                "riskOverrideLevel",
                "RED",
                "riskOverrideReason",
                "",
                "lang",
                "zh-CN"))
        .andExpect(content().string(containsString("id=\"riskOverrideReason-error\"")))
        .andExpect(content().string(containsString("调整风险等级须说明原因")));
    assertThat(version(id)).isEqualTo(version);
  }

  @Test
  void aDuplicateAndAnOverlongNameAreShownAtTheirFields() throws Exception {
    var other =
        jdbc.sql(
                "SELECT id, uscc FROM supervised_object WHERE district_code = '120101' AND uscc"
                    + " IS NOT NULL AND uscc_override_reason IS NULL ORDER BY id LIMIT 1")
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .single();
    long id = demoObject("120101001", 13);
    int version = version(id);
    mvc.perform(edit(id, "heping.admin", version, "uscc", other[1]))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"uscc-error\"")))
        .andExpect(content().string(containsString("已有对象（编号 " + other[0] + "）")));
    mvc.perform(edit(id, "heping.admin", version, "name", "长".repeat(201), "lang", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"name-error\"")))
        .andExpect(content().string(containsString("At most 200 characters")));
    mvc.perform(edit(id, "heping.admin", version, "name", " "))
        .andExpect(content().string(containsString("id=\"name-error\"")))
        .andExpect(content().string(containsString("“名称”为必填项")));
    assertThat(version(id)).isEqualTo(version);
  }

  @Test
  void departmentStaffEditTheirDepartmentsObjectsOnly() throws Exception {
    long theirs =
        jdbc.sql(
                "SELECT o.id FROM supervised_object o JOIN object_department d ON d.object_id ="
                    + " o.id AND d.department_code = '120101-YJ' WHERE o.synthetic AND NOT EXISTS"
                    + " (SELECT 1 FROM object_history h WHERE h.object_id = o.id AND h.action <>"
                    + " 'create') ORDER BY o.id DESC LIMIT 1 OFFSET 15")
            .query(Long.class)
            .single();
    long notTheirs =
        jdbc.sql(
                "SELECT o.id FROM supervised_object o WHERE o.district_code = '120101' AND NOT"
                    + " EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id AND"
                    + " d.department_code = '120101-YJ') ORDER BY o.id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(get("/objects/" + theirs).cookie(as("heping.yingji")))
        .andExpect(content().string(containsString("id=\"object-edit\"")))
        .andExpect(content().string(not(containsString("id=\"object-delete\""))));
    mvc.perform(get("/objects/" + notTheirs + "/edit").cookie(as("heping.yingji")))
        .andExpect(status().isNotFound());
    // keep the object's hazards and industry, so that it stays the department's
    var current =
        jdbc.sql("SELECT industry_code, hazards FROM supervised_object WHERE id = ?")
            .param(theirs)
            .query((rs, n) -> new Object[] {rs.getString(1), (String[]) rs.getArray(2).getArray()})
            .single();
    var request =
        edit(
            theirs,
            "heping.yingji",
            version(theirs),
            "contactPhone",
            "13900001111",
            "industryCode",
            current[0] == null ? "" : (String) current[0]);
    for (String hazard : (String[]) current[1]) {
      request.param("hazards", hazard);
    }
    mvc.perform(request)
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/objects/" + theirs));
    assertThat(
            jdbc.sql("SELECT contact_phone FROM supervised_object WHERE id = ?")
                .param(theirs)
                .query(String.class)
                .single())
        .isEqualTo("13900001111");
  }

  @Test
  void officersAndAuditorsSeeNoEditOrDeleteButtons() throws Exception {
    long id = demoObject("120101001", 17);
    for (String username : new String[] {"heping.officer", "auditor"}) {
      mvc.perform(get("/objects/" + id).cookie(as(username)))
          .andExpect(status().isOk())
          .andExpect(content().string(not(containsString("id=\"object-edit\""))))
          .andExpect(content().string(not(containsString("id=\"object-delete\""))));
      mvc.perform(get("/objects/" + id + "/edit").cookie(as(username)))
          .andExpect(status().isForbidden());
    }
  }

  @Test
  void objectsOutsideTheScopeAnswerNotFound() throws Exception {
    long xiqing = demoObject("120111", 7);
    mvc.perform(get("/objects/" + xiqing + "/edit").cookie(as("heping.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(edit(xiqing, "heping.admin", version(xiqing), "name", "越权"))
        .andExpect(status().isNotFound());
  }

  @Test
  void aStreetAdministratorEditsOnlyInsideItsStreet() throws Exception {
    long otherStreet =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE synthetic AND district_code = '120101'"
                    + " AND division_code NOT LIKE '120101001%' ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(get("/objects/" + otherStreet + "/edit").cookie(as("heping.street")))
        .andExpect(status().isNotFound());
    mvc.perform(edit(otherStreet, "heping.street", version(otherStreet), "name", "越权"))
        .andExpect(status().isNotFound());

    long own = demoObject("120101001", 9);
    mvc.perform(get("/objects/" + own).cookie(as("heping.street")))
        .andExpect(content().string(containsString("id=\"object-edit\"")))
        .andExpect(content().string(not(containsString("id=\"object-delete\""))));
  }

  @Test
  void departmentStaffListOnlyTheirObjectsAndSeeDepartmentNames() throws Exception {
    long theirs =
        jdbc.sql(
                "SELECT count(*) FROM supervised_object o WHERE o.district_code = '120101' AND"
                    + " EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id AND"
                    + " d.department_code = '120101-YJ')")
            .query(Long.class)
            .single();
    assertThat(theirs).isPositive();
    mvc.perform(get("/objects").cookie(as("heping.yingji")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(String.format("共 %,d 个对象", theirs))))
        .andExpect(content().string(containsString("和平区应急管理局")))
        .andExpect(content().string(not(containsString("id=\"object-new\""))))
        .andExpect(content().string(not(containsString("id=\"object-import\""))))
        .andExpect(content().string(containsString("id=\"object-export\"")));
    mvc.perform(get("/objects/new").cookie(as("heping.yingji"))).andExpect(status().isForbidden());
    mvc.perform(get("/objects/new").cookie(as("heping.officer"))).andExpect(status().isForbidden());
  }

  @Test
  void theListLinksImportAndAnExportWithTheCurrentFilters() throws Exception {
    mvc.perform(
            get("/objects")
                .param("kind", "SMALL_SHOP")
                .param("risk", "BLUE")
                .header("HX-Request", "true")
                .cookie(as("heping.admin")))
        .andExpect(
            content().string(containsString("/objects/export?kind=SMALL_SHOP&amp;risk=BLUE")));
    mvc.perform(get("/objects").cookie(as("heping.admin")))
        .andExpect(content().string(containsString("href=\"/objects/import\"")))
        .andExpect(content().string(containsString("href=\"/objects/new\"")));
  }

  @Test
  void aDistrictAdministratorDeletesAfterConfirming() throws Exception {
    long id = demoObject("120101", 11);
    mvc.perform(
            post("/objects/" + id + "/delete")
                .cookie(as("heping.street"))
                .with(csrf())
                .param("version", String.valueOf(version(id))))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/objects/" + id + "/delete")
                .cookie(as("heping.admin"))
                .with(csrf())
                .param("version", String.valueOf(version(id))))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/objects"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM supervised_object WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The edit form as the page sends it: the fields a person sees filled in as they are, then the
   * test's changes (name/value pairs) in their place.
   */
  private MockHttpServletRequestBuilder edit(
      long id, String username, int version, String... changes) throws Exception {
    Map<String, String> fields = new LinkedHashMap<>();
    jdbc.sql("SELECT kind, name, address, status FROM supervised_object WHERE id = ?")
        .param(id)
        .query(
            rs -> {
              fields.put("kind", rs.getString(1));
              fields.put("name", rs.getString(2));
              fields.put("address", rs.getString(3));
              fields.put("status", rs.getString(4));
            });
    for (int i = 0; i < changes.length; i += 2) {
      fields.put(changes[i], changes[i + 1]);
    }
    MockHttpServletRequestBuilder request =
        post("/objects/" + id)
            .cookie(as(username))
            .with(csrf())
            .param("version", String.valueOf(version));
    fields.forEach(request::param);
    return request;
  }

  /** A demo object no page test has changed yet; each test takes its own by offset. */
  private long demoObject(String divisionPrefix, int offset) {
    return jdbc.sql(
            "SELECT id FROM supervised_object o WHERE synthetic AND division_code LIKE ?"
                + " AND uscc_override_reason IS NULL AND risk_override_level IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM object_history h WHERE h.object_id = o.id"
                + " AND h.action <> 'create') ORDER BY id DESC LIMIT 1 OFFSET ?")
        .params(divisionPrefix + "%", offset)
        .query(Long.class)
        .single();
  }

  private int version(long id) {
    return jdbc.sql("SELECT version FROM supervised_object WHERE id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** A located demo object's point in the division, so that a new object lands in its grid. */
  private double[] pointIn(String divisionPrefix) {
    return jdbc.sql(
            "SELECT lon, lat FROM supervised_object WHERE division_code LIKE ? AND grid_code IS"
                + " NOT NULL AND lon IS NOT NULL ORDER BY id LIMIT 1")
        .param(divisionPrefix + "%")
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .single();
  }

  private Cookie as(String username) throws Exception {
    Cookie session = sessions.get(username);
    if (session == null) {
      MvcResult result =
          mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD)).andReturn();
      session = result.getResponse().getCookie("SESSION");
      assertThat(session).as("session cookie of " + username).isNotNull();
      sessions.put(username, session);
    }
    return session;
  }
}
