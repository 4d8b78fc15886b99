package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.shared.uscc.UsccGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The objects API on the embedded PostgreSQL, with the demo users and grids of 和平区. */
@IntegrationTest
class ObjectApiTest {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final String HEPING_STREET = "120101001";
  static final AtomicInteger SEQ = new AtomicInteger();
  static final AtomicInteger SLOT = new AtomicInteger();
  static final UsccGenerator USCC = new UsccGenerator(new Random(System.nanoTime()));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired GridLocator locator;

  // ------------------------------------------------------------------ create and place

  @Test
  void anObjectCreatedInHepingGetsTheGridOfItsLocation() throws Exception {
    double[] p = pointIn(HEPING_STREET, 0);
    Location expected = locator.locate(p[0], p[1]).orElseThrow();
    Map<String, Object> body = object("网格测试企业", p);
    body.put("kind", "ENTERPRISE");
    body.put("uscc", USCC.nextEnterprise("120101"));
    body.put("industryCode", "C2614");
    body.put("hazards", List.of("HAZARDOUS_CHEMICALS"));
    create(demo("heping.admin"), body)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.gridCode").value(expected.grid().code()))
        .andExpect(jsonPath("$.streetCode").value(HEPING_STREET))
        .andExpect(jsonPath("$.districtCode").value("120101"))
        .andExpect(jsonPath("$.industryCode").value("2614"))
        .andExpect(jsonPath("$.riskLevel").value("ORANGE"))
        .andExpect(jsonPath("$.riskRule").value("MAJOR_HAZARD"))
        .andExpect(jsonPath("$.gridDuties").value(true))
        .andExpect(jsonPath("$.missingDepartment").value(false))
        .andExpect(jsonPath("$.departments[0].source").value("RULE"))
        .andExpect(jsonPath("$.version").value(0));
  }

  @Test
  void convertsGcj02InputToWgs84() throws Exception {
    double[] p = pointIn(HEPING_STREET, 1);
    var gcj =
        cn.anwang.shared.geo.ChinaCoordinates.convert(
            new cn.anwang.shared.geo.GeoPoint(p[0], p[1]),
            cn.anwang.shared.geo.CoordinateSystem.WGS84,
            cn.anwang.shared.geo.CoordinateSystem.GCJ02);
    Map<String, Object> body = object("坐标转换", new double[] {gcj.lon(), gcj.lat()});
    body.put("crs", "gcj02");
    JsonNode created = created(demo("heping.admin"), body);
    assertThat(created.get("lon").asDouble())
        .isCloseTo(p[0], org.assertj.core.data.Offset.offset(1e-5));
    assertThat(created.get("lat").asDouble())
        .isCloseTo(p[1], org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void rejectsSwappedCoordinatesNamingTheField() throws Exception {
    double[] p = pointIn(HEPING_STREET, 0);
    create(demo("heping.admin"), object("经纬颠倒", new double[] {p[1], p[0]}))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.fields[0].field").value("location"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("swapped")));
  }

  @Test
  void rejectsAnUnknownIndustryCode() throws Exception {
    Map<String, Object> body = object("未知行业", pointIn(HEPING_STREET, 0));
    body.put("industryCode", "9999");
    create(demo("heping.admin"), body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("industryCode"));
  }

  @Test
  void theDemoDistrictsHoldThousandsOfPlacedObjects() throws Exception {
    long synthetic =
        jdbc.sql(
                "SELECT count(*) FROM supervised_object WHERE synthetic"
                    + " AND district_code IN ('120101', '120111') AND grid_code IS NOT NULL")
            .query(Long.class)
            .single();
    assertThat(synthetic).isGreaterThanOrEqualTo(5000);
    mvc.perform(get("/api/v1/objects").param("risk", "ORANGE").with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(10)))
        .andExpect(jsonPath("$.objects[0].districtCode").value("120101"));
  }

  // ------------------------------------------------------------------ USCC

  @Test
  void aFailingUsccNeedsAnOverrideReasonWhichIsAudited() throws Exception {
    String valid = USCC.nextEnterprise("120101");
    String failing = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
    Map<String, Object> body = object("代码校验失败", pointIn(HEPING_STREET, 0));
    body.put("kind", "ENTERPRISE");
    body.put("uscc", failing);
    create(demo("heping.admin"), body)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.fields[0].field").value("uscc"))
        .andExpect(jsonPath("$.fields[0].messageKey").value("registry.rejected.usccInvalid"));

    body.put("usccOverrideReason", "营业执照上即为此代码，已核实");
    JsonNode created = created(demo("heping.admin"), body);
    assertThat(created.get("uscc").asText()).isEqualTo(failing);
    assertThat(created.get("usccOverrideReason").asText()).isEqualTo("营业执照上即为此代码，已核实");
    assertThat(auditCount("object.uscc.override", created.get("id").asText())).isEqualTo(1);
    assertThat(auditCount("object.create", created.get("id").asText())).isEqualTo(1);
  }

  @Test
  void aSecondObjectWithTheSameUsccIsAConflict() throws Exception {
    String uscc = USCC.nextEnterprise("120101");
    Map<String, Object> first = object("重复代码甲", pointIn(HEPING_STREET, 0));
    first.put("uscc", uscc);
    created(demo("heping.admin"), first);
    Map<String, Object> second = object("重复代码乙", pointIn(HEPING_STREET, 0));
    second.put("uscc", uscc);
    create(demo("heping.admin"), second)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("uscc"));
  }

  @Test
  void aUsccIsUniqueAcrossDistrictsAlsoWhenTwoDistrictsWriteItAtOnce() throws Exception {
    // the unique index is per district (docs/scale.md); ObjectService's check, under a lock on
    // the code, keeps one object per USCC in the city
    String sequential = USCC.nextEnterprise("120101");
    Map<String, Object> heping = object("跨区代码甲", pointIn(HEPING_STREET, 0));
    heping.put("uscc", sequential);
    created(demo("heping.admin"), heping);
    Map<String, Object> xiqing = object("跨区代码乙", pointIn("120111001", 0));
    xiqing.put("uscc", sequential);
    create(demo("xiqing.admin"), xiqing)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.field").value("uscc"));

    for (int round = 0; round < 6; round++) {
      String uscc = USCC.nextEnterprise("120101");
      Map<String, Object> a = object("并发代码甲", pointIn(HEPING_STREET, 0));
      a.put("uscc", uscc);
      Map<String, Object> b = object("并发代码乙", pointIn("120111001", 0));
      b.put("uscc", uscc);
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        java.util.concurrent.Future<Integer> first =
            pool.submit(() -> statusOf(start, demo("heping.admin"), a));
        java.util.concurrent.Future<Integer> second =
            pool.submit(() -> statusOf(start, demo("xiqing.admin"), b));
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(201, 409);
      } finally {
        pool.shutdownNow();
      }
      assertThat(
              jdbc.sql("SELECT count(*) FROM supervised_object WHERE uscc = ?")
                  .param(uscc)
                  .query(Long.class)
                  .single())
          .isEqualTo(1L);
    }
  }

  private int statusOf(
      java.util.concurrent.CyclicBarrier start, RequestPostProcessor who, Map<String, Object> body)
      throws Exception {
    start.await();
    return create(who, body).andReturn().getResponse().getStatus();
  }

  // ------------------------------------------------------------------ scope and contacts

  @Test
  void aStreetAdministratorSeesOnlyItsStreet() throws Exception {
    String tag = tag();
    JsonNode mine = created(demo("heping.admin"), object(tag + "本街道", pointIn(HEPING_STREET, 0)));
    String otherStreet = otherHepingStreet();
    JsonNode other = created(demo("heping.admin"), object(tag + "外街道", pointIn(otherStreet, 0)));
    assertThat(other.get("streetCode").asText()).isEqualTo(otherStreet);

    mvc.perform(get("/api/v1/objects").param("q", tag).with(demo("heping.street")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].id").value(mine.get("id").asLong()));
    mvc.perform(get("/api/v1/objects/" + other.get("id").asLong()).with(demo("heping.street")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(get("/api/v1/objects/" + mine.get("id").asLong()).with(demo("xiqing.admin")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/objects").param("q", tag).with(demo("heping.admin")))
        .andExpect(jsonPath("$.total").value(2));
  }

  @Test
  void anOfficerSeesContactsMaskedTheDistrictAdministratorInFullAudited() throws Exception {
    Map<String, Object> body = object("联系人测试", pointIn(HEPING_STREET, 0));
    body.put("contactName", "王建国");
    body.put("contactPhone", "13912345678");
    long id = created(demo("heping.admin"), body).get("id").asLong();
    long readsBefore = auditCount("object.contacts.read", String.valueOf(id));

    mvc.perform(get("/api/v1/objects/" + id).with(demo("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.contactsMasked").value(true))
        .andExpect(jsonPath("$.contactName").value("王**"))
        .andExpect(jsonPath("$.contactPhone").value("139****5678"));
    assertThat(auditCount("object.contacts.read", String.valueOf(id))).isEqualTo(readsBefore);

    mvc.perform(get("/api/v1/objects/" + id).with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.contactsMasked").value(false))
        .andExpect(jsonPath("$.contactName").value("王建国"))
        .andExpect(jsonPath("$.contactPhone").value("13912345678"));
    assertThat(auditCount("object.contacts.read", String.valueOf(id))).isEqualTo(readsBefore + 1);

    mvc.perform(get("/api/v1/objects").param("q", "联系人测试").with(demo("heping.admin")))
        .andExpect(jsonPath("$.objects[0].contactPhone").value("139****5678"));
  }

  @Test
  void departmentStaffSeeOnlyTheirDepartmentsObjectsInTheirTerritory() throws Exception {
    String tag = tag();
    String department =
        "T" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    Map<String, Object> ours = object(tag + "本部门", pointIn(HEPING_STREET, 0));
    ours.put("departments", List.of(department));
    ours.put("contactPhone", "13700001111");
    long oursId = created(demo("heping.admin"), ours).get("id").asLong();
    long othersId =
        created(demo("heping.admin"), object(tag + "他部门", pointIn(HEPING_STREET, 0)))
            .get("id")
            .asLong();
    String username = "dept-" + Long.toString(System.nanoTime(), 36);
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
    RequestPostProcessor staff = httpBasic(username, password);

    mvc.perform(get("/api/v1/objects").param("q", tag).with(staff))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].id").value(oursId));
    mvc.perform(get("/api/v1/objects/" + othersId).with(staff)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/objects/" + oursId).with(staff))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.contactPhone").value("13700001111"))
        .andExpect(
            jsonPath("$.departments[?(@.source == 'MANUAL')].departmentCode")
                .value(org.hamcrest.Matchers.contains(department)));
    assertThat(auditCount("object.contacts.read", String.valueOf(oursId))).isEqualTo(1);
  }

  @Test
  void officersMayNotRegisterObjects() throws Exception {
    create(demo("heping.officer"), object("网格员登记", pointIn(HEPING_STREET, 0)))
        .andExpect(status().isForbidden());
  }

  // ------------------------------------------------------------------ search

  @Test
  void searchFiltersAndPages() throws Exception {
    String tag = tag();
    Map<String, Object> shop = object(tag + "小超市", pointIn(HEPING_STREET, 0));
    shop.put("kind", "SMALL_SHOP");
    Map<String, Object> plant = object(tag + "化工厂", pointIn(HEPING_STREET, 0));
    plant.put("kind", "ENTERPRISE");
    plant.put("industryCode", "2614");
    plant.put("hazards", List.of("HAZARDOUS_CHEMICALS"));
    Map<String, Object> workshop = object(tag + "作坊", pointIn(HEPING_STREET, 0));
    workshop.put("kind", "SMALL_WORKSHOP");
    workshop.put("directSupervisionReason", "BEYOND_GRASSROOTS_CAPACITY");
    for (Map<String, Object> o : List.of(shop, plant, workshop)) {
      created(demo("heping.admin"), o);
    }
    RequestPostProcessor admin = demo("heping.admin");
    mvc.perform(get("/api/v1/objects").param("q", tag).param("kind", "SMALL_SHOP").with(admin))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].riskLevel").value("BLUE"));
    mvc.perform(get("/api/v1/objects").param("q", tag).param("risk", "ORANGE").with(admin))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].name").value(startsWith(tag + "化工厂")));
    mvc.perform(get("/api/v1/objects").param("q", tag).param("industry", "26").with(admin))
        .andExpect(jsonPath("$.total").value(1));
    mvc.perform(
            get("/api/v1/objects").param("q", tag).param("directSupervision", "true").with(admin))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].gridDuties").value(false));
    mvc.perform(get("/api/v1/objects").param("q", tag).param("division", HEPING_STREET).with(admin))
        .andExpect(jsonPath("$.total").value(3));
    mvc.perform(get("/api/v1/objects").param("q", tag).param("size", "2").with(admin))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.objects", hasSize(2)));
    mvc.perform(
            get("/api/v1/objects")
                .param("q", tag)
                .param("size", "2")
                .param("page", "1")
                .with(admin))
        .andExpect(jsonPath("$.objects", hasSize(1)));
  }

  @Test
  void objectsWithoutADepartmentAreListedForTheDistrict() throws Exception {
    String tag = tag();
    long id =
        created(demo("heping.admin"), object(tag + "无部门", pointIn(HEPING_STREET, 0)))
            .get("id")
            .asLong();
    jdbc.sql("DELETE FROM object_department WHERE object_id = ?").param(id).update();
    mvc.perform(
            get("/api/v1/objects")
                .param("q", tag)
                .param("missingDepartment", "true")
                .with(demo("heping.admin")))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.objects[0].id").value(id));
    mvc.perform(get("/api/v1/objects/" + id).with(demo("heping.admin")))
        .andExpect(jsonPath("$.missingDepartment").value(true));
  }

  // ------------------------------------------------------------------ updates and history

  @Test
  void aStaleVersionIsAConflictAndHistoryRecordsEveryWrite() throws Exception {
    long id =
        created(demo("heping.admin"), object("版本测试", pointIn(HEPING_STREET, 0))).get("id").asLong();
    update(id, "{\"version\":0,\"status\":\"SUSPENDED\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUSPENDED"))
        .andExpect(jsonPath("$.version").value(1));
    update(id, "{\"version\":0,\"status\":\"CLOSED\"}")
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    update(id, "{\"version\":1,\"riskOverrideLevel\":\"RED\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("riskOverrideReason"));
    update(id, "{\"version\":1,\"riskOverrideLevel\":\"RED\",\"riskOverrideReason\":\"群众举报\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.riskLevel").value("RED"))
        .andExpect(jsonPath("$.computedRiskLevel").value("BLUE"))
        .andExpect(jsonPath("$.riskOverrideBy").value("heping.admin"));
    mvc.perform(get("/api/v1/objects/" + id + "/history").with(demo("heping.admin")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(3)))
        .andExpect(jsonPath("$[0].action").value("update"))
        .andExpect(jsonPath("$[0].changes.riskOverrideLevel[1]").value("RED"))
        .andExpect(jsonPath("$[1].action").value("status"))
        .andExpect(jsonPath("$[1].changes.status[0]").value("OPERATING"))
        .andExpect(jsonPath("$[2].action").value("create"))
        .andExpect(jsonPath("$[2].actor").value("heping.admin"));
    assertThat(auditCount("object.status", String.valueOf(id))).isEqualTo(1);
  }

  @Test
  void aGridChosenByHandNeedsAReasonAndRecordsWho() throws Exception {
    long id =
        created(demo("heping.admin"), object("手动网格", pointIn(HEPING_STREET, 0))).get("id").asLong();
    double[] elsewhere = pointIn(otherHepingStreet(), 0);
    String grid = locator.locate(elsewhere[0], elsewhere[1]).orElseThrow().grid().code();
    update(id, "{\"version\":0,\"gridCode\":\"" + grid + "\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("gridOverrideReason"));
    update(id, "{\"version\":0,\"gridCode\":\"" + grid + "\",\"gridOverrideReason\":\"实际经营地在此\"}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.gridCode").value(grid))
        .andExpect(jsonPath("$.gridOverrideBy").value("heping.admin"));
  }

  // ------------------------------------------------------------------ grid changes

  @Test
  void whenGridsChangeObjectsAreReassignedAndTheMovesListed() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    Point spot = freeHedongSpot();
    Map<String, Object> body = object("网格调整", new double[] {spot.getX(), spot.getY()});
    body.put("districtCode", "120102");
    JsonNode created = created(httpBasic("admin", "admin-test-password"), body);
    long id = created.get("id").asLong();
    assertThat(created.get("gridCode").isNull()).isTrue();
    mvc.perform(
            get("/api/v1/objects")
                .param("outsideGrids", "true")
                .param("q", "网格调整")
                .with(httpBasic("admin", "admin-test-password")))
        .andExpect(jsonPath("$.objects[?(@.id == " + id + ")]", hasSize(1)));

    String code = "T-reg-" + Long.toString(System.nanoTime(), 36);
    double s = 0.0006;
    String square =
        String.format(
            java.util.Locale.ROOT,
            "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
            spot.getX() - s,
            spot.getY() - s,
            spot.getX() + s,
            spot.getY() - s,
            spot.getX() + s,
            spot.getY() + s,
            spot.getX() - s,
            spot.getY() + s,
            spot.getX() - s,
            spot.getY() - s);
    String collection =
        "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{"
            + "\"code\":\""
            + code
            + "\",\"name\":\"登记测试网格\",\"divisionCode\":\"120102001\","
            + "\"type\":\"REGULAR\"},\"geometry\":"
            + square
            + "}]}";
    mvc.perform(
            post("/api/v1/grids/import")
                .with(httpBasic("admin", "admin-test-password"))
                .contentType("application/json")
                .content(collection))
        .andExpect(status().isOk());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                mvc.perform(
                        get("/api/v1/objects/" + id)
                            .with(httpBasic("admin", "admin-test-password")))
                    .andExpect(jsonPath("$.gridCode").value(code))
                    .andExpect(jsonPath("$.streetCode").value("120102001")));
    mvc.perform(
            get("/api/v1/objects/grid-moves")
                .param("since", since.toString())
                .with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.objectId == " + id + ")].toGridCode")
                .value(org.hamcrest.Matchers.contains(code)))
        .andExpect(
            jsonPath("$[?(@.objectId == " + id + ")].reason")
                .value(org.hamcrest.Matchers.contains(startsWith("grids."))));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'object.grid.reassign'"
                        + " AND occurred_at >= ?")
                .param(java.sql.Timestamp.from(since))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(1);
  }

  // ------------------------------------------------------------------ helpers

  private ResultActions create(RequestPostProcessor who, Map<String, Object> body)
      throws Exception {
    return mvc.perform(
        post("/api/v1/objects")
            .with(who)
            .contentType("application/json")
            .content(json.writeValueAsString(body)));
  }

  private JsonNode created(RequestPostProcessor who, Map<String, Object> body) throws Exception {
    String response =
        create(who, body)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    return json.readTree(response);
  }

  private ResultActions update(long id, String body) throws Exception {
    return mvc.perform(
        patch("/api/v1/objects/" + id)
            .with(demo("heping.admin"))
            .contentType("application/json")
            .content(body));
  }

  /** A fresh object with a unique name and address at the point. */
  private static Map<String, Object> object(String name, double[] point) {
    String unique = name + "-" + SEQ.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "SMALL_SHOP");
    body.put("name", unique);
    body.put("address", "天津市测试路" + SEQ.incrementAndGet() + "号");
    body.put("lon", point[0]);
    body.put("lat", point[1]);
    return body;
  }

  private static String tag() {
    return "T" + Long.toString(System.nanoTime(), 36) + SEQ.incrementAndGet();
  }

  /** A point inside a demo grid of the street (the n-th such grid, in code order). */
  private double[] pointIn(String street, int n) {
    List<double[]> points = new ArrayList<>();
    jdbc.sql(
            "SELECT min_lon, min_lat, max_lon, max_lat FROM grid WHERE synthetic"
                + " AND division_code LIKE ? ORDER BY code LIMIT 50")
        .param(street + "%")
        .query(
            rs -> {
              double lon = (rs.getDouble(1) + rs.getDouble(3)) / 2;
              double lat = (rs.getDouble(2) + rs.getDouble(4)) / 2;
              points.add(new double[] {lon, lat});
            });
    int found = 0;
    for (double[] p : points) {
      var l = locator.locate(p[0], p[1]);
      if (l.isPresent() && l.get().street().code().equals(street) && found++ == n) {
        return p;
      }
    }
    throw new IllegalStateException("No demo grid centre in " + street);
  }

  private String otherHepingStreet() {
    return jdbc.sql(
            "SELECT DISTINCT substr(division_code, 1, 9) FROM grid WHERE synthetic"
                + " AND division_code LIKE '120101%' AND division_code NOT LIKE ? ORDER BY 1"
                + " LIMIT 1")
        .param(HEPING_STREET + "%")
        .query(String.class)
        .single();
  }

  /** A point in 河东区 no grid covers, away from the spots the grid tests use. */
  private Point freeHedongSpot() throws Exception {
    Geometry boundary =
        new WKBReader()
            .read(
                jdbc.sql("SELECT boundary_wkb FROM division WHERE code = '120102'")
                    .query(byte[].class)
                    .single());
    Point centre = boundary.getInteriorPoint();
    GeometryFactory factory = new GeometryFactory();
    for (int attempt = 0; attempt < 400; attempt++) {
      int slot = SLOT.getAndIncrement();
      double lon = centre.getX() + ((slot % 19) - 9) * 0.003 + 0.0015;
      double lat = centre.getY() + (((slot / 19) % 19) - 9) * 0.003 + 0.0015;
      Point p = factory.createPoint(new Coordinate(lon, lat));
      if (boundary.buffer(-0.003).contains(p) && locator.locate(lon, lat).isEmpty()) {
        return p;
      }
    }
    throw new IllegalStateException("no free spot in 河东区");
  }

  private long auditCount(String action, String id) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
        .params(action, id)
        .query(Long.class)
        .single();
  }

  private static RequestPostProcessor demo(String username) {
    return httpBasic(username, DEMO_PASSWORD);
  }
}
