package cn.anwang.area.grid;

import static cn.anwang.area.grid.GridImportValidatorTest.feature;
import static cn.anwang.area.grid.GridImportValidatorTest.ring;
import static cn.anwang.area.grid.GridImportValidatorTest.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The grid API on the embedded PostgreSQL, with the demo users. */
@IntegrationTest
class GridApiTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";

  /** 河东区 has a real boundary and no demo grids, so test grids there overlap nothing. */
  static final String HEDONG_STREET = "120102001";

  static final AtomicInteger SLOT = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired GridLocator locator;

  // ------------------------------------------------------------------ import

  @Test
  void dryRunReportsButWritesNothing() throws Exception {
    String code = code("dry");
    long version = indexVersion();
    importing(admin(), "?dryRun=true", collection(feature(code, "试", HEDONG_STREET, spot())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(true))
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.rejected", hasSize(0)));
    assertThat(exists(code)).isFalse();
    assertThat(indexVersion()).isEqualTo(version);
  }

  @Test
  void createsThenUpdatesByCodeAndTellsTheLocateIndex() throws Exception {
    String code = code("cu");
    Point centre = nextSpot();
    String shape = squareAround(centre, 0.001);
    long version = indexVersion();
    importing(admin(), "", collection(feature(code, "一号", HEDONG_STREET, shape)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dryRun").value(false))
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.updated").value(0));
    assertThat(exists(code)).isTrue();
    assertThat(indexVersion()).isGreaterThan(version);
    assertThat(locator.locate(centre.getX(), centre.getY()))
        .hasValueSatisfying(l -> assertThat(l.grid().code()).isEqualTo(code));

    importing(admin(), "", collection(feature(code, "一号改", HEDONG_STREET, shape)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(1));
    assertThat(
            jdbc.sql("SELECT name FROM grid WHERE code = ?")
                .param(code)
                .query(String.class)
                .single())
        .isEqualTo("一号改");
    assertThat(auditCount("grid.import", code)).isEqualTo(2);
  }

  @Test
  void rejectsTheWholeFileWhenOneFeatureIsBadAndWritesNothing() throws Exception {
    String good1 = code("aon1");
    String bad = code("aon2");
    String good2 = code("aon3");
    importing(
            admin(),
            "",
            collection(
                feature(good1, "好", HEDONG_STREET, spot()),
                feature(bad, "坏", "120102999", spot()),
                feature(good2, "好", HEDONG_STREET, spot())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/json"))
        .andExpect(jsonPath("$.dryRun").value(false))
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.rejected", hasSize(1)))
        .andExpect(jsonPath("$.rejected[0].index").value(1))
        .andExpect(jsonPath("$.rejected[0].code").value(bad))
        .andExpect(jsonPath("$.rejected[0].reason").value("Unknown division code '120102999'"))
        .andExpect(jsonPath("$.warnings").isArray());
    assertThat(exists(good1) || exists(bad) || exists(good2)).isFalse();
  }

  @Test
  void namesEveryRejectionReason() throws Exception {
    String dup = code("dup");
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[117.26,39.13],[117.26,39.12],"
            + "[117.25,39.13],[117.25,39.12]]]}";
    List<String> features =
        List.of(
            feature(
                code("r0"),
                "n",
                HEDONG_STREET,
                "{\"type\":\"LineString\",\"coordinates\":[[117.25,39.12],[117.26,39.13]]}"),
            feature(code("r1"), "n", HEDONG_STREET, bowTie),
            feature(
                code("r2"),
                "n",
                HEDONG_STREET,
                "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[117.26,39.12],[117.26,39.13],[117.25,39.13]]]}"),
            feature(
                code("r3"),
                "n",
                HEDONG_STREET,
                "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[117.26,39.12],[117.25,39.12]]]}"),
            feature(
                code("r4"),
                "n",
                HEDONG_STREET,
                "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[181.0,39.12],[117.26,39.13],[117.25,39.12]]]}"),
            feature(
                code("r5"),
                "n",
                HEDONG_STREET,
                "{\"type\":\"Polygon\",\"coordinates\":[[[39.12,117.25],[39.12,117.26],[39.13,117.26],[39.12,117.25]]]}"),
            feature(code("r6"), "n", "120102998", spot()),
            feature(code("r7"), "n", "120102", spot()),
            feature(dup, "n", HEDONG_STREET, spot()),
            feature(dup, "n", HEDONG_STREET, spot()),
            feature(null, "n", HEDONG_STREET, spot()),
            feature(code("r11"), null, HEDONG_STREET, spot()),
            feature(code("r12"), "n", HEDONG_STREET, "null"),
            "{\"type\":\"Polygon\",\"coordinates\":[" + ring(117.25, 39.12, 0.01) + "]}",
            feature(code("r14"), "n", HEDONG_STREET, square(2.35, 48.85, 0.01)));
    ResultActions result =
        importing(admin(), "", collection(features.toArray(String[]::new)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.rejected", hasSize(features.size() - 1)));
    JsonNode rejected =
        json.readTree(result.andReturn().getResponse().getContentAsString()).get("rejected");
    assertThat(reason(rejected, 0)).contains("is a LineString");
    assertThat(reason(rejected, 1)).contains("Self-intersection at (117.255000, 39.125000)");
    assertThat(reason(rejected, 2)).contains("not closed");
    assertThat(reason(rejected, 3)).contains("too few points");
    assertThat(reason(rejected, 4)).contains("out of range");
    assertThat(reason(rejected, 5)).contains("appear to be in latitude,longitude order");
    assertThat(reason(rejected, 6)).contains("Unknown division code '120102998'");
    assertThat(reason(rejected, 7)).contains("is a district");
    assertThat(reason(rejected, 8)).isNull();
    assertThat(reason(rejected, 9)).contains("Duplicate code").contains("feature 8");
    assertThat(reason(rejected, 10)).isEqualTo("The feature has no code property");
    assertThat(reason(rejected, 11)).isEqualTo("The feature has no name property");
    assertThat(reason(rejected, 12)).contains("geometry is null");
    assertThat(reason(rejected, 13)).contains("not a GeoJSON Feature");
    assertThat(reason(rejected, 14)).contains("far outside Tianjin");
  }

  @Test
  void givesReasonsInChineseWhenAcceptLanguageAsksForIt() throws Exception {
    String bowTie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[117.25,39.12],[117.26,39.13],[117.26,39.12],"
            + "[117.25,39.13],[117.25,39.12]]]}";
    String swapped =
        "{\"type\":\"Polygon\",\"coordinates\":[[[39.12,117.25],[39.12,117.26],[39.13,117.26],[39.12,117.25]]]}";
    String body =
        collection(
            feature(code("zh1"), "n", HEDONG_STREET, bowTie),
            feature(code("zh2"), "n", HEDONG_STREET, swapped));
    String answer =
        mvc.perform(
                post("/api/v1/grids/import")
                    .with(admin())
                    .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
                    .contentType("application/geo+json")
                    .content(body))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode rejected = json.readTree(answer).get("rejected");
    assertThat(reason(rejected, 0))
        .isEqualTo("几何无效：(117.255000, 39.125000) 处自相交（使用“修复无效几何”/ repair=true 可自动修复，并以警告报告）");
    assertThat(reason(rejected, 1))
        .isEqualTo(
            "坐标似乎是“纬度,经度”顺序：(39.120000, 117.250000) 不是有效的“经度,纬度”，但交换后位于中国境内；"
                + "GeoJSON 要求“经度,纬度”顺序");
    // the same body without the header: English, the API's default
    JsonNode english =
        json.readTree(
                importing(admin(), "", body)
                    .andExpect(status().isUnprocessableContent())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("rejected");
    assertThat(reason(english, 0)).startsWith("Invalid geometry: Self-intersection at");
    assertThat(reason(english, 1)).startsWith("The coordinates appear to be in latitude,longitude");
    // problems follow the header too
    mvc.perform(
            post("/api/v1/grids/import")
                .with(admin())
                .header("Accept-Language", "zh-CN")
                .contentType("application/geo+json")
                .content("{oops"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("请求内容不是有效的 JSON")));
  }

  @Test
  void repairsASelfIntersectionWhenAskedAndWarns() throws Exception {
    String code = code("rep");
    Point c = nextSpot();
    String bowTie =
        String.format(
            Locale.ROOT,
            "{\"type\":\"Polygon\",\"coordinates\":[[[%1$.6f,%2$.6f],[%3$.6f,%4$.6f],[%3$.6f,%2$.6f],"
                + "[%1$.6f,%4$.6f],[%1$.6f,%2$.6f]]]}",
            c.getX(),
            c.getY(),
            c.getX() + 0.001,
            c.getY() + 0.001);
    importing(admin(), "?repair=true", collection(feature(code, "修复", HEDONG_STREET, bowTie)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(1))
        .andExpect(jsonPath("$.warnings[0].code").value(code))
        .andExpect(jsonPath("$.warnings[0].message", containsString("Self-intersection")));
    assertThat(GridRepository.geometry(wkb(code)).isValid()).isTrue();
  }

  @Test
  void acceptsAHoledPolygonAndAMultiPolygonAndServesThemBack() throws Exception {
    String holed = code("hole");
    String multi = code("multi");
    Point a = nextSpot();
    Point b = nextSpot();
    String holedShape =
        "{\"type\":\"Polygon\",\"coordinates\":["
            + ring(a.getX(), a.getY(), 0.002)
            + ","
            + ring(a.getX() + 0.0005, a.getY() + 0.0005, 0.001)
            + "]}";
    String multiShape =
        "{\"type\":\"MultiPolygon\",\"coordinates\":[["
            + ring(b.getX(), b.getY(), 0.0008)
            + "],["
            + ring(b.getX() + 0.001, b.getY(), 0.0008)
            + "]]}";
    importing(
            admin(),
            "",
            collection(
                feature(holed, "有洞", HEDONG_STREET, holedShape),
                feature(multi, "多块", HEDONG_STREET, multiShape)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(2));
    mvc.perform(get("/api/v1/grids/" + holed).with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
        .andExpect(jsonPath("$.type").value("Feature"))
        .andExpect(jsonPath("$.geometry.type").value("Polygon"))
        .andExpect(jsonPath("$.geometry.coordinates", hasSize(2)));
    mvc.perform(get("/api/v1/grids/" + multi).with(admin()))
        .andExpect(jsonPath("$.geometry.type").value("MultiPolygon"))
        .andExpect(jsonPath("$.geometry.coordinates", hasSize(2)));
    // a point in the hole is in no grid
    assertThat(locator.locate(a.getX() + 0.001, a.getY() + 0.001)).isEmpty();
  }

  @Test
  void answersMalformedJsonWith400Problem() throws Exception {
    importing(admin(), "", "{\"type\":\"FeatureCollection\",\"features\":[")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail", containsString("not valid JSON")));
    importing(admin(), "", "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("not a GeoJSON FeatureCollection")));
  }

  @Test
  void answersABodyOverTheSizeLimitWith413Problem() throws Exception {
    byte[] body = new byte[64 * 1024 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    mvc.perform(
            post("/api/v1/grids/import")
                .with(admin())
                .contentType("application/geo+json")
                .content(body))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.detail", containsString("size limit of 64 MB")));
  }

  @Test
  void warnsOfOverlapsAndOfGridsOutsideTheirDistrict() throws Exception {
    String first = code("ov1");
    String second = code("ov2");
    Point c = nextSpot();
    importing(admin(), "", collection(feature(first, "甲", HEDONG_STREET, squareAround(c, 0.001))))
        .andExpect(status().isOk());
    Point shifted =
        GridGeometryReader.FACTORY.createPoint(
            new org.locationtech.jts.geom.Coordinate(c.getX() + 0.0005, c.getY()));
    importing(
            admin(),
            "?dryRun=true",
            collection(feature(second, "乙", HEDONG_STREET, squareAround(shifted, 0.001))))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.warnings[0].message", containsString("Overlaps existing grid '" + first + "'")))
        .andExpect(jsonPath("$.warnings[0].message", containsString("m²")));

    // astride 河东区's boundary
    Point edge = boundaryPoint("120102");
    importing(
            admin(),
            "?dryRun=true",
            collection(feature(code("out"), "越界", HEDONG_STREET, squareAround(edge, 0.004))))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath(
                "$.warnings[0].message",
                containsString("not within its district's boundary (河东区 120102)")));
  }

  // ------------------------------------------------------------------ read, export, edit, delete

  @Test
  void exportsASubtreeThatImportsBackUnchanged() throws Exception {
    String street = "120102002";
    String a = code("exp1");
    String b = code("exp2");
    importing(
            admin(),
            "",
            collection(feature(a, "导出一", street, spot()), feature(b, "导出二", street, spot())))
        .andExpect(status().isOk());
    String exported =
        mvc.perform(get("/api/v1/grids").param("division", street).with(admin()))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
            .andExpect(jsonPath("$.type").value("FeatureCollection"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode features = json.readTree(exported).get("features");
    assertThat(features.size()).isGreaterThanOrEqualTo(2);
    String hashBefore = GridSnapshot.sha256(GridRepository.geometry(wkb(a)));
    importing(admin(), "", exported)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(features.size()))
        .andExpect(jsonPath("$.rejected", hasSize(0)));
    // the same shape, bit for bit, after the round trip
    assertThat(GridSnapshot.sha256(GridRepository.geometry(wkb(a)))).isEqualTo(hashBefore);
    assertThat(
            jdbc.sql("SELECT name FROM grid WHERE code = ?").param(b).query(String.class).single())
        .isEqualTo("导出二");
  }

  @Test
  void servesAGridAsAFeatureWithItsProperties() throws Exception {
    String code = code("get");
    importing(admin(), "", collection(feature(code, "属性", HEDONG_STREET, spot())))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/grids/" + code).with(admin()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"0\""))
        .andExpect(jsonPath("$.properties.code").value(code))
        .andExpect(jsonPath("$.properties.name").value("属性"))
        .andExpect(jsonPath("$.properties.divisionCode").value(HEDONG_STREET))
        .andExpect(jsonPath("$.properties.type").value("REGULAR"))
        .andExpect(jsonPath("$.properties.synthetic").value(false))
        .andExpect(jsonPath("$.properties.areaM2").isNumber());
    mvc.perform(get("/api/v1/grids/" + code("none")).with(admin()))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void editsNameTypeAndDivisionUnderTheImportRules() throws Exception {
    String code = code("edit");
    importing(admin(), "", collection(feature(code, "旧名", HEDONG_STREET, spot())))
        .andExpect(status().isOk());
    mvc.perform(
            patch("/api/v1/grids/" + code)
                .with(admin())
                .contentType("application/json")
                .content(
                    "{\"name\":\"新名\",\"type\":\"INDUSTRIAL_CLUSTER\",\"divisionCode\":\"120102003\",\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.properties.name").value("新名"))
        .andExpect(jsonPath("$.properties.type").value("INDUSTRIAL_CLUSTER"))
        .andExpect(jsonPath("$.properties.divisionCode").value("120102003"))
        .andExpect(jsonPath("$.properties.version").value(1))
        .andExpect(jsonPath("$.warnings", hasSize(0)));
    mvc.perform(
            patch("/api/v1/grids/" + code)
                .with(admin())
                .contentType("application/json")
                .content("{\"divisionCode\":\"120102\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.detail", containsString("is a district")));
    mvc.perform(
            patch("/api/v1/grids/" + code)
                .with(admin())
                .contentType("application/json")
                .content("{\"name\":\"过期\",\"version\":0}"))
        .andExpect(status().isConflict());
    mvc.perform(
            patch("/api/v1/grids/" + code)
                .with(admin())
                .header("If-Match", "\"0\"")
                .contentType("application/json")
                .content("{\"name\":\"过期\"}"))
        .andExpect(status().isPreconditionFailed());
    assertThat(auditCount("grid.update", code)).isEqualTo(1);
  }

  @Test
  void reportsTheImportWarningsOfAnEditedGrid() throws Exception {
    String first = code("pw1");
    String second = code("pw2");
    Point c = nextSpot();
    Point shifted =
        GridGeometryReader.FACTORY.createPoint(
            new org.locationtech.jts.geom.Coordinate(c.getX() + 0.0005, c.getY()));
    importing(
            admin(),
            "",
            collection(
                feature(first, "甲", HEDONG_STREET, squareAround(c, 0.001)),
                feature(second, "乙", HEDONG_STREET, squareAround(shifted, 0.001))))
        .andExpect(status().isOk());
    // a new name changes no warning, but the overlap is still there and is said again
    mvc.perform(
            patch("/api/v1/grids/" + second)
                .with(admin())
                .contentType("application/json")
                .content("{\"name\":\"乙二\",\"version\":0}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.type").value("Feature"))
        .andExpect(jsonPath("$.properties.name").value("乙二"))
        .andExpect(jsonPath("$.warnings", hasSize(1)))
        .andExpect(jsonPath("$.warnings[0].code").value(second))
        .andExpect(
            jsonPath(
                "$.warnings[0].message", containsString("Overlaps existing grid '" + first + "'")));
    // moved to a street of 河西区, the grid (still in 河东区) lies outside its new district
    mvc.perform(
            patch("/api/v1/grids/" + second)
                .with(admin())
                .header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .content("{\"divisionCode\":\"120103001\",\"version\":1}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.properties.divisionCode").value("120103001"))
        .andExpect(jsonPath("$.warnings", hasSize(2)))
        .andExpect(jsonPath("$.warnings[0].message", containsString("与已有网格“" + first + "”重叠")))
        .andExpect(jsonPath("$.warnings[1].message", containsString("网格超出所属区的边界（河西区 120103）")));
    mvc.perform(get("/api/v1/grids/" + second).with(admin()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.warnings").doesNotExist());
    removeDemoDistrictGrid(second);
    removeDemoDistrictGrid(first);
  }

  @Test
  void deletesAGrid() throws Exception {
    String code = code("del");
    importing(admin(), "", collection(feature(code, "删", HEDONG_STREET, spot())))
        .andExpect(status().isOk());
    long version = indexVersion();
    mvc.perform(delete("/api/v1/grids/" + code).with(admin())).andExpect(status().isNoContent());
    assertThat(exists(code)).isFalse();
    assertThat(indexVersion()).isGreaterThan(version);
    assertThat(auditCount("grid.delete", code)).isEqualTo(1);
    mvc.perform(get("/api/v1/grids/" + code).with(admin())).andExpect(status().isNotFound());
  }

  // ------------------------------------------------------------------ scope

  @Test
  void hidesAnotherStreetsGridFromAStreetAdministrator() throws Exception {
    String code = code("other");
    importing(admin(), "", collection(feature(code, "小白楼", "120101002", spot("120101"))))
        .andExpect(status().isOk());
    try {
      mvc.perform(get("/api/v1/grids/" + code).with(demo("heping.street")))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/grids/" + code).with(demo("heping.admin")))
          .andExpect(status().isOk());
      mvc.perform(get("/api/v1/grids/" + code).with(demo("xiqing.admin")))
          .andExpect(status().isNotFound());
      mvc.perform(delete("/api/v1/grids/" + code).with(demo("heping.street")))
          .andExpect(status().isNotFound());
      mvc.perform(get("/api/v1/grids").param("division", "120101002").with(demo("heping.street")))
          .andExpect(status().isNotFound());
    } finally {
      removeDemoDistrictGrid(code);
    }
  }

  @Test
  void refusesAStreetAdministratorsImportIntoAnotherStreet() throws Exception {
    importing(
            demo("heping.street"),
            "",
            collection(feature(code("sc"), "越权", "120101002", spot("120101"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.rejected[0].reason", containsString("120101002")))
        .andExpect(jsonPath("$.rejected[0].reason", containsString("outside your territory")));
  }

  @Test
  void forbidsOfficersToChangeGrids() throws Exception {
    importing(
            demo("heping.officer"),
            "",
            collection(feature(code("off"), "n", "120101001", spot("120101"))))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    String demoGrid =
        jdbc.sql(
                "SELECT code FROM grid WHERE division_code LIKE '120101001%' ORDER BY code LIMIT 1")
            .query(String.class)
            .single();
    mvc.perform(get("/api/v1/grids/" + demoGrid).with(demo("heping.officer")))
        .andExpect(status().isOk());
    mvc.perform(
            patch("/api/v1/grids/" + demoGrid)
                .with(demo("heping.officer"))
                .contentType("application/json")
                .content("{\"name\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/grids/" + demoGrid).with(demo("heping.officer")))
        .andExpect(status().isForbidden());
  }

  @Test
  void describesTheGridApiInOpenApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("/api/v1/grids/import")))
        .andExpect(content().string(containsString("/api/v1/grids/quality")))
        .andExpect(
            jsonPath(
                    "$.paths['/api/v1/grids/import'].post.requestBody.content['application/geo+json']")
                .exists());
  }

  @Test
  void requiresAuthentication() throws Exception {
    mvc.perform(get("/api/v1/grids")).andExpect(status().isUnauthorized());
  }

  // ------------------------------------------------------------------ quality

  @Test
  void reportsOverlapsAndGapsOfADemoStreet() throws Exception {
    String street = "120101003";
    Point c = spotPoint("120101");
    String a = code("qa");
    String b = code("qb");
    importing(
            admin(),
            "",
            collection(
                feature(a, "甲", street, squareAround(c, 0.001)),
                feature(b, "乙", street, squareAround(c, 0.0012))))
        .andExpect(status().isOk());
    try {
      mvc.perform(get("/api/v1/grids/quality").param("division", street).with(admin()))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.divisionCode").value(street))
          .andExpect(
              jsonPath("$.overlaps[?(@.codeA == '" + a + "' && @.codeB == '" + b + "')].areaM2")
                  .isNotEmpty())
          .andExpect(jsonPath("$.gap.divisionAreaM2").isNumber())
          .andExpect(jsonPath("$.gap.boundarySynthetic").value(true))
          // the workforce module reports officer coverage: the new grids have no officer
          .andExpect(jsonPath("$.officers.dataAvailable").value(true))
          .andExpect(jsonPath("$.officers.gridsWithoutOfficer", hasItem(a)));
      mvc.perform(
              get("/api/v1/grids/quality").param("division", "120111").with(demo("heping.admin")))
          .andExpect(status().isNotFound());
    } finally {
      removeDemoDistrictGrid(a);
      removeDemoDistrictGrid(b);
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Test grids inside a demo district overlap its demo grids; they are removed so that tests of
   * locate and of the demo data sharing this context see only the demo grids there.
   */
  private void removeDemoDistrictGrid(String code) throws Exception {
    mvc.perform(delete("/api/v1/grids/" + code).with(admin())).andExpect(status().isNoContent());
  }

  private ResultActions importing(RequestPostProcessor who, String query, String body)
      throws Exception {
    return mvc.perform(
        post("/api/v1/grids/import" + query)
            .with(who)
            .contentType("application/geo+json")
            .content(body));
  }

  static String collection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"name\":\"test\",\"features\":["
        + String.join(",", features)
        + "]}";
  }

  private static String code(String what) {
    return "T-" + what + "-" + Long.toString(System.nanoTime(), 36);
  }

  private static String reason(JsonNode rejected, int index) {
    for (JsonNode r : rejected) {
      if (r.get("index").asInt() == index) {
        return r.get("reason").asString();
      }
    }
    return null;
  }

  /** A small square at a fresh spot inside 河东区. */
  private String spot() {
    return squareAround(nextSpot(), 0.0008);
  }

  private String spot(String district) {
    return squareAround(spotPoint(district), 0.0008);
  }

  private Point nextSpot() {
    return spotPoint("120102");
  }

  /** Fresh spots inside the district, spread so tests do not overlap each other. */
  private Point spotPoint(String district) {
    Geometry boundary =
        GridRepository.geometry(
            jdbc.sql("SELECT boundary_wkb FROM division WHERE code = ?")
                .param(district)
                .query(byte[].class)
                .single());
    Point centre = boundary.getInteriorPoint();
    for (int attempt = 0; attempt < 500; attempt++) {
      int slot = SLOT.getAndIncrement();
      double lon = centre.getX() + ((slot % 21) - 10) * 0.003;
      double lat = centre.getY() + (((slot / 21) % 21) - 10) * 0.003;
      Point p =
          GridGeometryReader.FACTORY.createPoint(
              new org.locationtech.jts.geom.Coordinate(lon, lat));
      if (boundary.buffer(-0.003).contains(p)) {
        return p;
      }
    }
    throw new IllegalStateException("no free spot in " + district);
  }

  private Point boundaryPoint(String district) {
    Geometry boundary =
        GridRepository.geometry(
            jdbc.sql("SELECT boundary_wkb FROM division WHERE code = ?")
                .param(district)
                .query(byte[].class)
                .single());
    return GridGeometryReader.FACTORY.createPoint(boundary.getCoordinates()[0]);
  }

  static String squareAround(Point c, double size) {
    return square(c.getX() - size / 2, c.getY() - size / 2, size);
  }

  private boolean exists(String code) {
    return jdbc.sql("SELECT count(*) FROM grid WHERE code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0;
  }

  private byte[] wkb(String code) {
    return jdbc.sql("SELECT geometry_wkb FROM grid WHERE code = ?")
        .param(code)
        .query(byte[].class)
        .single();
  }

  private long indexVersion() {
    return jdbc.sql("SELECT version FROM grid_index_version WHERE id = 1")
        .query(Long.class)
        .single();
  }

  private long auditCount(String action, String code) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND (target_id = ? OR after::text LIKE ?)")
        .params(action, code, "%\"" + code + "\"%")
        .query(Long.class)
        .single();
  }

  private static RequestPostProcessor admin() {
    return httpBasic("admin", "admin-test-password");
  }

  private static RequestPostProcessor demo(String username) {
    return httpBasic(username, DEMO_PASSWORD);
  }
}
