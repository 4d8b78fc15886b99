package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import cn.anwang.shared.tabular.ColumnSpec;
import cn.anwang.shared.tabular.TabularReader;
import cn.anwang.shared.tabular.TabularSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The object export: the search's scope and filters, contacts masked by role, audited, and a file
 * the import reads back column for column.
 */
@IntegrationTest
class ObjectExportTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final String HEPING_STREET = "120101001";
  static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired GridLocator locator;
  @Autowired UserDetailsService users;

  @Test
  void theHeaderIsTheImportTemplateFollowedByTheDerivedColumnsAndTheFileReadsBack()
      throws Exception {
    String tag = tag();
    Map<String, Object> plant = object(tag + "化工厂", pointIn(HEPING_STREET));
    plant.put("kind", "ENTERPRISE");
    plant.put("industryCode", "2614");
    plant.put("scale", "SMALL");
    plant.put("employees", 25);
    plant.put("hazards", List.of("HAZARDOUS_CHEMICALS", "CONFINED_SPACE"));
    plant.put("contactName", "王建国");
    plant.put("contactPhone", "13912345678");
    plant.put("directSupervisionReason", "HIGH_RISK");
    long id = created(demo("heping.admin"), plant).get("id").asLong();

    byte[] file =
        mvc.perform(get("/api/v1/objects/export").param("q", tag).with(demo("heping.admin")))
            .andExpect(status().isOk())
            .andExpect(content().contentType(ObjectApiController.XLSX))
            .andExpect(
                header()
                    .string(
                        "Content-Disposition",
                        Matchers.allOf(
                            Matchers.startsWith("attachment; filename=\"objects-"),
                            Matchers.containsString(
                                "filename*=UTF-8''%E7%9B%91%E7%9D%A3%E7%AE%A1%E7%90%86%E5%AF%B9"
                                    + "%E8%B1%A1-"),
                            Matchers.endsWith(".xlsx"))))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();

    List<String> headers = readHeaders(file);
    List<String> template = ObjectTable.SPEC.columns().stream().map(ColumnSpec::header).toList();
    assertThat(headers.subList(0, template.size())).isEqualTo(template);
    assertThat(headers)
        .isEqualTo(ObjectTable.EXPORT_COLUMNS.stream().map(ColumnSpec::header).toList())
        .contains("编号", "所属街道/乡镇", "网格", "风险等级", "风险依据", "区级直接监管", "责任部门", "更新时间");

    // the import reads the file: every column found, values as the import expects them
    List<Map<String, String>> rows = new ArrayList<>();
    try (TabularSource source =
        TabularReader.open(new ByteArrayInputStream(file), "export.xlsx", ObjectTable.SPEC)) {
      assertThat(source.sheetName()).isEqualTo(ObjectTable.SHEET);
      assertThat(source.header().missingOptional()).isEmpty();
      for (ColumnSpec column : ObjectTable.SPEC.columns()) {
        assertThat(source.header().has(column.key())).as(column.header()).isTrue();
      }
      source.forEach(row -> rows.add(row.values()));
    }
    assertThat(rows).hasSize(1);
    Map<String, String> row = rows.get(0);
    assertThat(row.get("name")).startsWith(tag + "化工厂");
    assertThat(row.get("kind")).isEqualTo("企业");
    assertThat(row.get("industry")).isEqualTo("2614");
    assertThat(row.get("scale")).isEqualTo("小型");
    assertThat(row.get("employees")).isEqualTo("25");
    assertThat(row.get("hazards")).isEqualTo("危险化学品、有限空间");
    assertThat(row.get("status")).isEqualTo("在营");
    assertThat(row.get("crs")).isEqualTo("wgs84");
    assertThat(Double.parseDouble(row.get("longitude")))
        .isCloseTo(
            ((Number) plant.get("lon")).doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
    // the district administrator sees contacts in full
    assertThat(row.get("contactName")).isEqualTo("王建国");
    assertThat(row.get("contactPhone")).isEqualTo("13912345678");

    Map<String, String> derived = readRows(file).get(0);
    assertThat(derived.get("编号")).isEqualTo(String.valueOf(id));
    assertThat(derived.get("所属区")).isEqualTo("和平区");
    assertThat(derived.get("风险等级")).isEqualTo("橙");
    assertThat(derived.get("风险依据")).contains("危险化学品");
    assertThat(derived.get("区级直接监管")).isEqualTo("风险较高");
    assertThat(derived.get("责任部门")).isNotBlank();
    assertThat(derived.get("网格")).isNotBlank();
    assertThat(derived.get("更新时间")).isNotBlank();
  }

  @Test
  void contactsAreMaskedForARoleThatMayNotSeeThemAndEveryExportIsAudited() throws Exception {
    String tag = tag();
    Map<String, Object> body = object(tag + "联系人", pointIn(HEPING_STREET));
    body.put("contactName", "李四光");
    body.put("contactPhone", "13812345678");
    created(demo("heping.admin"), body);

    long before = exports();
    Map<String, String> masked =
        readRows(export(get("/api/v1/objects/export").param("q", tag), demo("heping.officer")))
            .get(0);
    assertThat(masked.get("联系人")).isEqualTo("李**");
    assertThat(masked.get("联系电话")).isEqualTo("138****5678");
    JsonNode entry = lastExport();
    assertThat(exports()).isEqualTo(before + 1);
    assertThat(entry.get("actor").asText()).isEqualTo("heping.officer");
    assertThat(entry.get("after").get("rows").asLong()).isEqualTo(1);
    assertThat(entry.get("after").get("contactsRevealed").asBoolean()).isFalse();
    assertThat(entry.get("after").get("filters").get("q").asText()).isEqualTo(tag);

    Map<String, String> full =
        readRows(export(get("/api/v1/objects/export").param("q", tag), demo("heping.admin")))
            .get(0);
    assertThat(full.get("联系人")).isEqualTo("李四光");
    assertThat(full.get("联系电话")).isEqualTo("13812345678");
    assertThat(lastExport().get("after").get("contactsRevealed").asBoolean()).isTrue();
  }

  @Test
  void aStreetAdministratorExportsOnlyItsStreetAndADistrictAdministratorOnlyItsDistrict()
      throws Exception {
    List<Long> street = ids(export(get("/api/v1/objects/export"), demo("heping.street")));
    assertThat(street).isNotEmpty().hasSize(count("division_code LIKE '" + HEPING_STREET + "%'"));
    assertThat(countAmong(street, "street_code <> '" + HEPING_STREET + "'")).isZero();

    List<Long> district = ids(export(get("/api/v1/objects/export"), demo("heping.admin")));
    assertThat(district).hasSize(count("division_code LIKE '120101%'"));
    assertThat(countAmong(district, "district_code <> '120101'")).isZero();
    assertThat(count("district_code = '120111'")).isPositive();
  }

  @Test
  void filtersApplyAsInTheSearch() throws Exception {
    String tag = tag();
    Map<String, Object> shop = object(tag + "小超市", pointIn(HEPING_STREET));
    shop.put("kind", "SMALL_SHOP");
    Map<String, Object> plant = object(tag + "化工厂", pointIn(HEPING_STREET));
    plant.put("kind", "ENTERPRISE");
    plant.put("industryCode", "2614");
    plant.put("hazards", List.of("HAZARDOUS_CHEMICALS"));
    long shopId = created(demo("heping.admin"), shop).get("id").asLong();
    long plantId = created(demo("heping.admin"), plant).get("id").asLong();

    RequestPostProcessor admin = demo("heping.admin");
    assertThat(ids(export(get("/api/v1/objects/export").param("q", tag), admin)))
        .containsExactlyInAnyOrder(shopId, plantId);
    assertThat(
            ids(
                export(
                    get("/api/v1/objects/export").param("q", tag).param("kind", "SMALL_SHOP"),
                    admin)))
        .containsExactly(shopId);
    assertThat(
            ids(
                export(
                    get("/api/v1/objects/export").param("q", tag).param("risk", "ORANGE"), admin)))
        .containsExactly(plantId);
    assertThat(
            ids(
                export(
                    get("/api/v1/objects/export").param("q", tag).param("industry", "26"), admin)))
        .containsExactly(plantId);
  }

  @Test
  void departmentStaffExportOnlyTheirDepartmentsObjects() throws Exception {
    String tag = tag();
    String department =
        "T" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> ours = object(tag + "本部门", pointIn(HEPING_STREET));
    ours.put("departments", List.of(department));
    long oursId = created(demo("heping.admin"), ours).get("id").asLong();
    created(demo("heping.admin"), object(tag + "他部门", pointIn(HEPING_STREET)));
    String username = "dept-export-" + Long.toString(System.nanoTime(), 36);
    String password = "department-staff-password-2026";
    mvc.perform(
            post("/api/v1/users")
                .with(httpBasic("admin", "admin-test-password"))
                .contentType("application/json")
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "username",
                            username,
                            "displayName",
                            "部门人员",
                            "role",
                            "DEPARTMENT_STAFF",
                            "territoryCode",
                            "120101",
                            "departmentCode",
                            department,
                            "password",
                            password))))
        .andExpect(status().isCreated());

    byte[] file =
        export(get("/api/v1/objects/export").param("q", tag), httpBasic(username, password));
    assertThat(ids(file)).containsExactly(oursId);
    assertThat(readRows(file).get(0).get("责任部门")).contains(department);
  }

  @Test
  void thePagesServeTheSameExportForASignedInUser() throws Exception {
    String tag = tag();
    long id =
        created(demo("heping.admin"), object(tag + "页面导出", pointIn(HEPING_STREET)))
            .get("id")
            .asLong();
    byte[] file =
        export(
            get("/objects/export").param("q", tag), user(users.loadUserByUsername("heping.admin")));
    assertThat(ids(file)).containsExactly(id);
    mvc.perform(get("/objects/export"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", Matchers.endsWith("/login")));
  }

  // ------------------------------------------------------------------ helpers

  private byte[] export(MockHttpServletRequestBuilder request, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(request.with(who))
        .andExpect(status().isOk())
        .andExpect(content().contentType(ObjectApiController.XLSX))
        .andReturn()
        .getResponse()
        .getContentAsByteArray();
  }

  private static List<String> readHeaders(byte[] file) throws Exception {
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Row header = workbook.getSheetAt(0).getRow(0);
      List<String> headers = new ArrayList<>();
      for (int c = 0; c < header.getLastCellNum(); c++) {
        headers.add(header.getCell(c).getStringCellValue());
      }
      return headers;
    }
  }

  /** The data rows by header, as text the way Excel shows it. */
  private static List<Map<String, String>> readRows(byte[] file) throws Exception {
    DataFormatter formatter = new DataFormatter();
    List<String> headers = readHeaders(file);
    List<Map<String, String>> rows = new ArrayList<>();
    try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Map<String, String> values = new LinkedHashMap<>();
        for (int c = 0; c < headers.size(); c++) {
          var cell = row.getCell(c);
          values.put(headers.get(c), cell == null ? null : formatter.formatCellValue(cell));
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private static List<Long> ids(byte[] file) throws Exception {
    return readRows(file).stream().map(r -> Long.valueOf(r.get("编号"))).toList();
  }

  private int count(String condition) {
    return jdbc.sql("SELECT count(*) FROM supervised_object WHERE " + condition)
        .query(Integer.class)
        .single();
  }

  private int countAmong(List<Long> ids, String condition) {
    return jdbc.sql("SELECT count(*) FROM supervised_object WHERE id = ANY(:ids) AND " + condition)
        .param("ids", ids.toArray(Long[]::new))
        .query(Integer.class)
        .single();
  }

  private long exports() {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'object.export'")
        .query(Long.class)
        .single();
  }

  private JsonNode lastExport() {
    return json.readTree(
        jdbc.sql(
                "SELECT json_build_object('actor', actor_username, 'after', after)::text"
                    + " FROM audit_event WHERE action = 'object.export' ORDER BY id DESC LIMIT 1")
            .query(String.class)
            .single());
  }

  private JsonNode created(RequestPostProcessor who, Map<String, Object> body) throws Exception {
    String response =
        mvc.perform(
                post("/api/v1/objects")
                    .with(who)
                    .contentType("application/json")
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(response);
  }

  private static Map<String, Object> object(String name, double[] point) {
    String unique = name + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "SMALL_SHOP");
    body.put("name", unique);
    body.put("address", "天津市导出路" + SEQ.incrementAndGet() + "-" + System.nanoTime() + "号");
    body.put("lon", point[0]);
    body.put("lat", point[1]);
    return body;
  }

  private static String tag() {
    return "X" + Long.toString(System.nanoTime(), 36) + SEQ.incrementAndGet();
  }

  /** The centre of a demo grid of the street. */
  private double[] pointIn(String street) {
    List<double[]> points = new ArrayList<>();
    jdbc.sql(
            "SELECT min_lon, min_lat, max_lon, max_lat FROM grid WHERE synthetic"
                + " AND division_code LIKE ? ORDER BY code LIMIT 50")
        .param(street + "%")
        .query(
            rs -> {
              points.add(
                  new double[] {
                    (rs.getDouble(1) + rs.getDouble(3)) / 2, (rs.getDouble(2) + rs.getDouble(4)) / 2
                  });
            });
    for (double[] p : points) {
      var l = locator.locate(p[0], p[1]);
      if (l.isPresent() && l.get().street().code().equals(street)) {
        return p;
      }
    }
    throw new IllegalStateException("No demo grid centre in " + street);
  }

  private static RequestPostProcessor demo(String username) {
    return httpBasic(username, DEMO_PASSWORD);
  }
}
