package cn.anwang.registry.object;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The object pages render with the demo objects, filtered by htmx, in the caller's scope. */
@IntegrationTest
class ObjectPagesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired UserDetailsService users;

  @Test
  void listsFiltersAndShowsAnObjectWithItsMapAndHistory() throws Exception {
    var demo =
        jdbc.sql(
                "SELECT id, name FROM supervised_object WHERE synthetic AND district_code = '120101'"
                    + " AND kind = 'ENTERPRISE' ORDER BY id LIMIT 1")
            .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .single();
    String name = (String) demo[1];
    mvc.perform(get("/objects").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"object-table\"")))
        .andExpect(content().string(containsString("<html")))
        // 2,600 demo objects in 和平区: the shared pager offers the next page, keeping the filters
        .andExpect(content().string(containsString("第 1 / ")))
        .andExpect(content().string(containsString("page=1")));
    mvc.perform(
            get("/objects")
                .param("q", name)
                .param("kind", "ENTERPRISE")
                .header("HX-Request", "true")
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name)))
        .andExpect(content().string(not(containsString("<html"))));
    mvc.perform(get("/objects/" + demo[0]).with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(name)))
        .andExpect(content().string(containsString("id=\"object-map\"")))
        .andExpect(content().string(containsString("registry-object-map.js")));
  }

  @Test
  void filtersByResponsibleDepartmentAndGrid() throws Exception {
    mvc.perform(get("/objects").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"department\"")))
        .andExpect(content().string(containsString("value=\"120101-YJ\"")))
        .andExpect(content().string(containsString("id=\"grid\"")));
    long ofDepartment =
        jdbc.sql(
                "SELECT count(*) FROM supervised_object o JOIN object_department d"
                    + " ON d.object_id = o.id WHERE d.department_code = '120101-YJ'"
                    + " AND o.division_code LIKE '120101%'")
            .query(Long.class)
            .single();
    mvc.perform(
            get("/objects")
                .param("department", "120101-YJ")
                .header("HX-Request", "true")
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(String.format("共 %,d 个对象", ofDepartment))));
    var grid =
        jdbc.sql(
                "SELECT grid_code, count(*) FROM supervised_object WHERE grid_code IS NOT NULL"
                    + " AND district_code = '120101' GROUP BY grid_code ORDER BY 2 DESC LIMIT 1")
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
            .single();
    mvc.perform(
            get("/objects")
                .param("grid", (String) grid[0])
                .header("HX-Request", "true")
                .with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(String.format("共 %,d 个对象", (Long) grid[1]))));
    // department staff see one department: no filter to choose
    mvc.perform(get("/objects").with(as("heping.yingji")))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("id=\"department\""))));
  }

  @Test
  void theMapShowsTheObjectsOfTheScopeColouredByRisk() throws Exception {
    mvc.perform(get("/objects/map").with(as("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"objects-map\"")))
        .andExpect(content().string(containsString("registry-map.js")));
    mvc.perform(get("/objects/map.geojson").param("risk", "ORANGE").with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
        .andExpect(jsonPath("$.type").value("FeatureCollection"))
        .andExpect(jsonPath("$.features[0].properties.risk").value("ORANGE"))
        .andExpect(
            jsonPath("$.features[*].properties.id")
                .value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.notNullValue())));
    long outside =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE synthetic AND district_code = '120111'"
                    + " ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(get("/objects/map.geojson").with(as("heping.admin")))
        .andExpect(
            jsonPath("$.features[?(@.properties.id == " + outside + ")]")
                .value(org.hamcrest.Matchers.empty()));
  }

  @Test
  void anObjectOutsideTheScopeIsNotShown() throws Exception {
    long xiqing =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE synthetic AND district_code = '120111'"
                    + " ORDER BY id LIMIT 1")
            .query(Long.class)
            .single();
    mvc.perform(get("/objects/" + xiqing).with(as("heping.admin")))
        .andExpect(status().isNotFound());
  }

  private RequestPostProcessor as(String username) {
    return user(users.loadUserByUsername(username));
  }
}
