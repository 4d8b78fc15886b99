package cn.anwang.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.inspection.plan.PatrolPeriods;
import cn.anwang.inspection.plan.PatrolPlanGenerator;
import cn.anwang.shared.files.TestPhotos;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The inspection API over HTTP as an officer of 劝业场街道 and the street's administrator. */
@IntegrationTest
class InspectionApiTest {

  @Autowired MockMvc mvc;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired PatrolPlanGenerator generator;

  InspectionFixture f;

  @BeforeEach
  void setUp() {
    f = new InspectionFixture(jdbc);
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private RequestPostProcessor officer() {
    return httpBasic(f.username, InspectionFixture.PASSWORD);
  }

  private static RequestPostProcessor as(String user) {
    return httpBasic(
        user, "admin".equals(user) ? "admin-test-password" : InspectionFixture.PASSWORD);
  }

  private JsonNode call(AbstractMockHttpServletRequestBuilder<?> request, int expect)
      throws Exception {
    MvcResult r =
        mvc.perform(request.header("Accept-Language", "zh-CN"))
            .andExpect(status().is(expect))
            .andReturn();
    String body = r.getResponse().getContentAsString();
    return body.isEmpty() ? null : json.readTree(body);
  }

  private JsonNode postJson(
      String path, RequestPostProcessor who, Object body, String key, int expect) throws Exception {
    MockHttpServletRequestBuilder request =
        post(path)
            .with(who)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return call(request, expect);
  }

  private static LocalDate today() {
    return LocalDate.now(PatrolPeriods.CHINA);
  }

  private Map<String, Object> submission(
      String clientId, long objectId, long checklistId, double lon, double lat, List<?> answers) {
    OffsetDateTime end = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
    Map<String, Object> s = new HashMap<>();
    s.put("clientId", clientId);
    s.put("kind", "INSPECTION");
    s.put("objectId", objectId);
    s.put("checklistId", checklistId);
    s.put("startedAt", end.minusMinutes(20).toString());
    s.put("endedAt", end.toString());
    s.put("lon", lon);
    s.put("lat", lat);
    s.put("accuracyMeters", 15);
    s.put("answers", answers);
    s.put("signerName", "张老板");
    s.put("findings", "疏散通道堆放货物");
    return s;
  }

  private String uploadPhoto(String key, byte[] content, int expect) throws Exception {
    JsonNode r =
        call(
            multipart("/api/v1/inspections/photos")
                .file(new MockMultipartFile("file", "p.jpg", "image/jpeg", content))
                .header("Idempotency-Key", key)
                .with(officer()),
            expect);
    return r == null ? null : r.path("photoId").asText();
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  // ------------------------------------------------------------------ the main flow

  @Test
  void aFailedItemBecomesOneCaseAndTheInspectionMarksTheTaskDone() throws Exception {
    long shop = f.object("小商店", "RED");
    generator.generate(today(), f.divisionCode);

    JsonNode checklist = call(get("/api/v1/checklists/for-object/" + shop).with(officer()), 200);
    assertThat(checklist.path("code").asText()).isEqualTo("SMALL_SHOP");
    assertThat(checklist.path("example").asBoolean()).isTrue();
    long checklistId = checklist.path("id").asLong();

    JsonNode tasks =
        call(
            get("/api/v1/tasks/mine")
                .param("lon", "" + f.lon)
                .param("lat", "" + f.lat)
                .with(officer()),
            200);
    JsonNode task = find(tasks.path("items"), "objectId", shop);
    assertThat(task.path("status").asText()).isEqualTo("DUE");
    assertThat(task.path("checklistId").asLong()).isEqualTo(checklistId);
    assertThat(task.path("distanceMeters").asDouble()).isLessThan(1.0);
    assertThat(task.path("riskLevel").asText()).isEqualTo("RED");

    String photo =
        uploadPhoto(
            UUID.randomUUID().toString(),
            TestPhotos.jpegWithExif("2026:11:29 09:30:00", 39, 6, 117, 12),
            201);
    String clientId = UUID.randomUUID().toString();
    List<Map<String, Object>> answers =
        List.of(
            Map.of(
                "key", "exit-clear", "answer", "NO", "note", "通道堆放纸箱", "photoIds", List.of(photo)),
            Map.of("key", "no-living", "answer", "NO", "note", "店内住人"),
            Map.of("key", "extinguishers", "answer", "YES"),
            Map.of("key", "storefront-photo", "answer", "", "photoIds", List.of(photo)));
    Map<String, Object> body = submission(clientId, shop, checklistId, f.lon, f.lat, answers);
    body.put("taskId", task.path("taskId").asLong());
    body.put(
        "signature",
        "data:image/png;base64," + Base64.getEncoder().encodeToString(TestPhotos.png()));
    JsonNode recorded = postJson("/api/v1/inspections", officer(), body, clientId, 201);
    long id = recorded.path("id").asLong();
    var signed =
        mvc.perform(get("/api/v1/inspections/" + id + "/signature").with(officer()))
            .andReturn()
            .getResponse();
    assertThat(signed.getStatus()).isEqualTo(200);
    assertThat(signed.getContentType()).isEqualTo("image/png");
    assertThat(signed.getContentAsByteArray()).isEqualTo(TestPhotos.png());
    assertThat(recorded.path("clientId").asText()).isEqualTo(clientId);
    assertThat(recorded.path("outsideAllowedArea").asBoolean()).isFalse();
    assertThat(recorded.path("failedItems")).hasSize(2);
    JsonNode exit = find(recorded.path("failedItems"), "key", "exit-clear");
    assertThat(exit.path("severity").asText()).isEqualTo("GENERAL");
    assertThat(exit.path("caseType").asText()).isEqualTo("GENERAL_HAZARD");
    assertThat(exit.path("caseId").isNull()).isTrue();

    // the task is done and goes to the end of the list
    assertThat(
            count(
                "SELECT count(*) FROM patrol_task WHERE object_id = ? AND status = 'DONE' AND inspection_id = ?",
                shop,
                id))
        .isEqualTo(1);
    JsonNode after = call(get("/api/v1/tasks/mine").with(officer()), 200);
    assertThat(find(after.path("items"), "objectId", shop).path("status").asText())
        .isEqualTo("DONE");
    JsonNode items = after.path("items");
    assertThat(items.get(items.size() - 1).path("status").asText()).isEqualTo("DONE");

    // one tap: a case, prefilled; the second tap finds the same case
    JsonNode made =
        postJson(
            "/api/v1/inspections/" + id + "/items/exit-clear/case", officer(), Map.of(), null, 201);
    long caseId = made.path("caseId").asLong();
    assertThat(made.path("number").asText()).matches("120101-\\d{4}-\\d{6}");
    JsonNode again =
        postJson(
            "/api/v1/inspections/" + id + "/items/exit-clear/case", officer(), Map.of(), null, 200);
    assertThat(again.path("caseId").asLong()).isEqualTo(caseId);
    assertThat(
            count(
                "SELECT count(*) FROM safety_case WHERE id = ? AND type = 'GENERAL_HAZARD' AND source = 'OFFICER_INSPECTION' AND object_id = ?",
                caseId,
                shop))
        .isEqualTo(1);
    JsonNode major =
        postJson("/api/v1/inspections/" + id + "/items/no-living/case", officer(), null, null, 201);
    assertThat(
            count(
                "SELECT count(*) FROM safety_case WHERE id = ? AND type = 'MAJOR_HAZARD'",
                major.path("caseId").asLong()))
        .isEqualTo(1);
    // an item that did not fail has no case
    postJson(
        "/api/v1/inspections/" + id + "/items/extinguishers/case", officer(), Map.of(), null, 404);

    JsonNode detail = call(get("/api/v1/inspections/" + id).with(officer()), 200);
    assertThat(find(detail.path("failedItems"), "key", "exit-clear").path("caseId").asLong())
        .isEqualTo(caseId);
    assertThat(detail.path("checklistVersion").asInt())
        .isEqualTo(checklist.path("version").asInt());
    assertThat(detail.path("photoIds").get(0).asText()).isEqualTo(photo);
    assertThat(detail.path("signed").asBoolean()).isTrue();
    assertThat(detail.path("answers")).hasSize(4);
    // the street sees it; another district does not
    call(get("/api/v1/inspections/" + id).with(as("heping.street")), 200);
    call(get("/api/v1/inspections/" + id).with(as("xiqing.admin")), 404);
    JsonNode list =
        call(
            get("/api/v1/inspections").param("objectId", "" + shop).with(as("heping.street")), 200);
    assertThat(list.path("total").asLong()).isEqualTo(1);
    assertThat(list.path("items").get(0).path("failedItems").asInt()).isEqualTo(2);
  }

  private static JsonNode find(JsonNode array, String field, Object value) {
    for (JsonNode n : array) {
      if (n.path(field).asText().equals(String.valueOf(value))) {
        return n;
      }
    }
    throw new AssertionError("no element with " + field + " = " + value + " in " + array);
  }

  @Test
  void anInspectionFarFromTheObjectAndOutsideItsGridIsFlaggedNotRefused() throws Exception {
    long shop = f.object("小商店", "YELLOW");
    long checklistId =
        call(get("/api/v1/checklists/for-object/" + shop).with(officer()), 200).path("id").asLong();
    List<Map<String, Object>> answers = List.of(Map.of("key", "extinguishers", "answer", "YES"));

    String far = UUID.randomUUID().toString();
    JsonNode r =
        postJson(
            "/api/v1/inspections",
            officer(),
            submission(far, shop, checklistId, f.lon + 0.05, f.lat + 0.05, answers),
            far,
            201);
    assertThat(r.path("outsideAllowedArea").asBoolean()).isTrue();
    assertThat(r.path("distanceMeters").asDouble()).isGreaterThan(5000);

    String near = UUID.randomUUID().toString();
    JsonNode ok =
        postJson(
            "/api/v1/inspections",
            officer(),
            submission(near, shop, checklistId, f.lon, f.lat + 0.001, answers),
            near,
            201);
    assertThat(ok.path("outsideAllowedArea").asBoolean()).isFalse();
    assertThat(ok.path("distanceMeters").asDouble()).isBetween(100.0, 120.0);
    // no signature drawn: 404 as a problem, not 500 (found by the scope matrix)
    var unsigned =
        mvc.perform(
                get("/api/v1/inspections/" + ok.path("id").asLong() + "/signature").with(officer()))
            .andReturn()
            .getResponse();
    assertThat(unsigned.getStatus()).isEqualTo(404);

    assertThat(
            count(
                "SELECT count(*) FROM inspection WHERE object_id = ? AND outside_allowed_area",
                shop))
        .isEqualTo(1);
  }

  @Test
  void theSameSubmissionFiveTimesSequentiallyAndConcurrentlyMakesOneInspection() throws Exception {
    long shop = f.object("小商店", "ORANGE");
    long checklistId =
        call(get("/api/v1/checklists/for-object/" + shop).with(officer()), 200).path("id").asLong();
    List<Map<String, Object>> answers = List.of(Map.of("key", "exit-clear", "answer", "NO"));

    String sequential = UUID.randomUUID().toString();
    Map<String, Object> body = submission(sequential, shop, checklistId, f.lon, f.lat, answers);
    long first =
        postJson("/api/v1/inspections", officer(), body, sequential, 201).path("id").asLong();
    for (int i = 0; i < 4; i++) {
      JsonNode replay = postJson("/api/v1/inspections", officer(), body, sequential, 200);
      assertThat(replay.path("id").asLong()).isEqualTo(first);
      assertThat(replay.path("failedItems")).hasSize(1);
    }
    assertThat(
            count("SELECT count(*) FROM inspection WHERE client_id = CAST(? AS uuid)", sequential))
        .isEqualTo(1);

    String concurrent = UUID.randomUUID().toString();
    String payload =
        json.writeValueAsString(submission(concurrent, shop, checklistId, f.lon, f.lat, answers));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", concurrent);
    TestRestTemplate client = rest.withBasicAuth(f.username, InspectionFixture.PASSWORD);
    ExecutorService pool = Executors.newFixedThreadPool(5);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        Callable<ResponseEntity<String>> call =
            () -> {
              go.await();
              return client.exchange(
                  "/api/v1/inspections",
                  HttpMethod.POST,
                  new HttpEntity<>(payload, headers),
                  String.class);
            };
        futures.add(pool.submit(call));
      }
      go.countDown();
      List<Integer> statuses = new ArrayList<>();
      List<Long> ids = new ArrayList<>();
      for (Future<ResponseEntity<String>> fu : futures) {
        ResponseEntity<String> r = fu.get();
        statuses.add(r.getStatusCode().value());
        ids.add(json.readTree(r.getBody()).path("id").asLong());
      }
      assertThat(statuses).containsOnly(201, 200);
      assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            count("SELECT count(*) FROM inspection WHERE client_id = CAST(? AS uuid)", concurrent))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM inspection WHERE object_id = ?", shop)).isEqualTo(2);
  }

  @Test
  void photosAreCheckedByContentAndSizeAndKeepTheirExif() throws Exception {
    String key = UUID.randomUUID().toString();
    byte[] jpeg = TestPhotos.jpegWithExif("2026:11:29 09:30:00", 39, 6, 117, 12);
    JsonNode first =
        call(
            multipart("/api/v1/inspections/photos")
                .file(new MockMultipartFile("file", "x.bin", "application/octet-stream", jpeg))
                .header("Idempotency-Key", key)
                .with(officer()),
            201);
    assertThat(first.path("photoId").asText()).isEqualTo(key);
    assertThat(first.path("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(first.path("takenAt").asText()).isEqualTo("2026-11-29T01:30:00Z");
    assertThat(first.path("lat").asDouble())
        .isEqualTo(39.1, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.path("lon").asDouble())
        .isEqualTo(117.2, org.assertj.core.data.Offset.offset(1e-9));
    // again: the same photo, not a second copy
    JsonNode again =
        call(
            multipart("/api/v1/inspections/photos")
                .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", jpeg))
                .header("Idempotency-Key", key)
                .with(officer()),
            200);
    assertThat(again.path("sha256").asText()).isEqualTo(first.path("sha256").asText());
    assertThat(count("SELECT count(*) FROM inspection_photo WHERE id = CAST(? AS uuid)", key))
        .isEqualTo(1);
    // someone else's id: conflict; a PDF claiming to be a JPEG: refused; too big: 413
    call(
        multipart("/api/v1/inspections/photos")
            .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", jpeg))
            .header("Idempotency-Key", key)
            .with(as("heping.officer")),
        409);
    JsonNode pdf =
        call(
            multipart("/api/v1/inspections/photos")
                .file(new MockMultipartFile("file", "x.jpg", "image/jpeg", "%PDF-1.7 x".getBytes()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .with(officer()),
            422);
    assertThat(pdf.path("fields").get(0).path("rule").asText())
        .isEqualTo("inspection.rule.photoType");
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(jpeg, 0, big, 0, jpeg.length);
    call(
        multipart("/api/v1/inspections/photos")
            .file(new MockMultipartFile("file", "big.jpg", "image/jpeg", big))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .with(officer()),
        413);
    // the uploader reads it back
    byte[] back =
        mvc.perform(get("/api/v1/inspections/photos/" + key).with(officer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(back).isEqualTo(jpeg);
    call(get("/api/v1/inspections/photos/" + key).with(as("xiqing.officer")), 404);
  }

  @Test
  void checklistsAreVersionedAndAnInspectionKeepsItsVersion() throws Exception {
    String code = "TEST_" + f.username.replaceAll("[^0-9]", "_");
    Map<String, Object> item =
        Map.of(
            "key",
            "fireworks-storage",
            "text",
            "烟花爆竹储存符合规定",
            "legalBasis",
            "",
            "answerType",
            "YES_NO_NA",
            "photoRequired",
            false,
            "severity",
            "MAJOR",
            "caseType",
            "MAJOR_HAZARD");
    Map<String, Object> draft = new HashMap<>();
    draft.put("code", code);
    draft.put("name", "测试检查表");
    draft.put("hazards", List.of("FIREWORKS"));
    draft.put("items", List.of(item));
    try {
      // officers and district administrators do not edit city-wide checklists
      postJson("/api/v1/checklists", officer(), draft, null, 403);
      JsonNode v1 = postJson("/api/v1/checklists", as("admin"), draft, null, 201);
      assertThat(v1.path("version").asInt()).isEqualTo(1);
      long v1Id = v1.path("id").asLong();
      call(
          put("/api/v1/checklists/" + v1Id)
              .with(as("heping.admin"))
              .contentType(MediaType.APPLICATION_JSON)
              .content(json.writeValueAsString(draft)),
          403);

      long shop = f.object("烟花店", "SMALL_SHOP", "RED", new String[] {"FIREWORKS"}, 0, 0);
      assertThat(
              call(get("/api/v1/checklists/for-object/" + shop).with(officer()), 200)
                  .path("id")
                  .asLong())
          .isEqualTo(v1Id);
      String clientId = UUID.randomUUID().toString();
      long inspection =
          postJson(
                  "/api/v1/inspections",
                  officer(),
                  submission(
                      clientId,
                      shop,
                      v1Id,
                      f.lon,
                      f.lat,
                      List.of(Map.of("key", "fireworks-storage", "answer", "YES"))),
                  clientId,
                  201)
              .path("id")
              .asLong();

      Map<String, Object> edited = new HashMap<>(draft);
      edited.put(
          "items",
          List.of(
              item,
              Map.of(
                  "key",
                  "licence",
                  "text",
                  "持有烟花爆竹经营许可证",
                  "legalBasis",
                  "",
                  "answerType",
                  "YES_NO_NA",
                  "photoRequired",
                  true,
                  "severity",
                  "GENERAL",
                  "caseType",
                  "ILLEGAL_OPERATION")));
      JsonNode v2 =
          call(
              put("/api/v1/checklists/" + v1Id)
                  .with(as("admin"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(edited)),
              200);
      assertThat(v2.path("version").asInt()).isEqualTo(2);
      assertThat(v2.path("items")).hasSize(2);
      assertThat(v2.path("id").asLong()).isNotEqualTo(v1Id);

      // the old version is still there, no longer current; the object now gets version 2
      JsonNode old = call(get("/api/v1/checklists/" + v1Id).with(officer()), 200);
      assertThat(old.path("current").asBoolean()).isFalse();
      assertThat(old.path("items")).hasSize(1);
      assertThat(
              call(get("/api/v1/checklists/for-object/" + shop).with(officer()), 200)
                  .path("version")
                  .asInt())
          .isEqualTo(2);
      assertThat(
              call(get("/api/v1/inspections/" + inspection).with(officer()), 200)
                  .path("checklistVersion")
                  .asInt())
          .isEqualTo(1);
      JsonNode versions =
          call(get("/api/v1/checklists/" + v1Id + "/versions").with(officer()), 200);
      assertThat(versions.path("items")).hasSize(2);
      // bad item: refused with the rule
      Map<String, Object> bad = new HashMap<>(draft);
      bad.put(
          "items",
          List.of(
              Map.of(
                  "key",
                  "x",
                  "text",
                  "x",
                  "answerType",
                  "MAYBE",
                  "severity",
                  "GENERAL",
                  "caseType",
                  "GENERAL_HAZARD")));
      JsonNode problem =
          call(
              put("/api/v1/checklists/" + v1Id)
                  .with(as("admin"))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(json.writeValueAsString(bad)),
              422);
      assertThat(problem.path("fields").get(0).path("rule").asText())
          .isEqualTo("inspection.rule.unknownValue");
    } finally {
      jdbc.sql("DELETE FROM inspection WHERE user_id = ?").param(f.userId).update();
      jdbc.sql("DELETE FROM checklist WHERE code = ?").param(code).update();
    }
  }

  @Test
  void twoAdministratorsCreatingOneNewCodeAtOnceGetOneChecklistAndA422() throws Exception {
    String code = "RACE-" + System.nanoTime() % 1_000_000;
    Map<String, Object> draft =
        Map.of(
            "code",
            code,
            "name",
            "并发创建",
            "items",
            List.of(
                Map.of(
                    "key", "a",
                    "text", "通道畅通",
                    "legalBasis", "",
                    "answerType", "YES_NO_NA",
                    "photoRequired", false,
                    "severity", "GENERAL",
                    "caseType", "GENERAL_HAZARD")));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return rest.withBasicAuth("admin", "admin-test-password")
                      .postForEntity("/api/v1/checklists", draft, String.class)
                      .getStatusCode()
                      .value();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var a : answers) {
        statuses.add(a.get());
      }
      assertThat(statuses).containsOnly(201, 422).containsOnlyOnce(201);
      assertThat(count("SELECT count(*) FROM checklist WHERE code = ?", code)).isEqualTo(1L);
    } finally {
      pool.shutdown();
      jdbc.sql("DELETE FROM checklist WHERE code = ?").param(code).update();
    }
  }

  @Test
  void theStarterChecklistsAreShippedAsEditableExamples() throws Exception {
    JsonNode list = call(get("/api/v1/checklists").with(officer()), 200);
    List<String> codes = new ArrayList<>();
    list.path("items").forEach(n -> codes.add(n.path("code").asText()));
    assertThat(codes)
        .contains(
            "SMALL_SHOP",
            "SMALL_WORKSHOP",
            "SMALL_ENTERTAINMENT_VENUE",
            "HAZARDOUS_CHEMICALS_USER",
            "DUST_EXPLOSION",
            "CONFINED_SPACE");
    JsonNode dust = find(list.path("items"), "code", "DUST_EXPLOSION");
    assertThat(dust.path("example").asBoolean()).isTrue();
    JsonNode full =
        call(get("/api/v1/checklists/" + dust.path("id").asLong()).with(officer()), 200);
    assertThat(full.path("name").asText()).contains("示例，可编辑");
    assertThat(full.path("items").get(0).path("legalBasis").asText()).contains("GB 15577-2018");
    // a dust-explosion workshop gets the dust checklist, not the workshop one
    long workshop =
        f.object("木器加工", "SMALL_WORKSHOP", "ORANGE", new String[] {"DUST_EXPLOSION"}, 0, 0);
    assertThat(
            call(get("/api/v1/checklists/for-object/" + workshop).with(officer()), 200)
                .path("code")
                .asText())
        .isEqualTo("DUST_EXPLOSION");
    call(get("/api/v1/checklists/for-object/" + workshop).with(as("xiqing.officer")), 404);
  }

  @Test
  void theTaskListIsTheOfficersOwnOverdueFirstThenByDueDateAndDistance() throws Exception {
    long red = f.object("红-远", "RED");
    long redNear = f.object("红-近", "RED");
    jdbc.sql("UPDATE supervised_object SET lon = lon + 0.01 WHERE id = ?").param(red).update();
    long late = f.object("逾期", "BLUE");
    generator.generate(today(), f.divisionCode);
    jdbc.sql(
            """
            INSERT INTO patrol_task (object_id, officer_id, district_code, division_code, grid_code,
                                     risk_level, period_start, due_date)
            VALUES (?, ?, '120101', ?, ?, 'BLUE', DATE '2020-01-01', DATE '2020-06-30')
            """)
        .params(late, f.officerId, f.divisionCode, f.gridCode)
        .update();
    JsonNode items =
        call(
                get("/api/v1/tasks/mine")
                    .param("lon", "" + f.lon)
                    .param("lat", "" + f.lat)
                    .with(officer()),
                200)
            .path("items");
    assertThat(items.get(0).path("objectId").asLong()).isEqualTo(late);
    assertThat(items.get(0).path("status").asText()).isEqualTo("OVERDUE");
    List<Long> order = new ArrayList<>();
    items.forEach(n -> order.add(n.path("objectId").asLong()));
    assertThat(order.indexOf(redNear)).isLessThan(order.indexOf(red));
    String previousDue = "";
    for (JsonNode n : items) {
      assertThat(n.path("dueDate").asText()).isGreaterThanOrEqualTo(previousDue);
      previousDue = n.path("dueDate").asText();
    }
    // without a position: no distances; an officer without tasks sees none of these
    JsonNode noPosition = call(get("/api/v1/tasks/mine").with(officer()), 200).path("items");
    assertThat(noPosition.get(0).path("distanceMeters").isNull()).isTrue();
    JsonNode others = call(get("/api/v1/tasks/mine").with(as("heping.officer")), 200).path("items");
    others.forEach(n -> assertThat(n.path("objectId").asLong()).isNotIn(red, redNear, late));

    // coverage of the street: the fixture's grid with one overdue task and the due ones
    JsonNode coverage =
        call(
            get("/api/v1/patrol-coverage")
                .param("division", InspectionFixture.STREET)
                .with(as("heping.street")),
            200);
    assertThat(coverage.path("level").asText()).isEqualTo("grid");
    JsonNode grid = find(coverage.path("rows"), "code", f.gridCode);
    assertThat(grid.path("overdue").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(grid.path("due").asLong()).isGreaterThanOrEqualTo(2);
    call(
        get("/api/v1/patrol-coverage")
            .param("division", InspectionFixture.STREET)
            .with(as("xiqing.street")),
        404);
    JsonNode district = call(get("/api/v1/patrol-coverage").with(as("heping.admin")), 200);
    assertThat(district.path("level").asText()).isEqualTo("street");
    assertThat(
            find(district.path("rows"), "code", InspectionFixture.STREET).path("overdue").asLong())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void anInfoUpdateIsProposedAndTheStreetConfirmsOrRejectsIt() throws Exception {
    long shop = f.object("小商店", "BLUE");
    String key = UUID.randomUUID().toString();
    Map<String, Object> change =
        Map.of("contactName", "李四", "contactPhone", "13900001111", "note", "店主更换");
    JsonNode p =
        postJson("/api/v1/objects/" + shop + "/change-proposals", officer(), change, key, 201);
    assertThat(p.path("status").asText()).isEqualTo("PROPOSED");
    assertThat(
            postJson("/api/v1/objects/" + shop + "/change-proposals", officer(), change, key, 200)
                .path("id")
                .asLong())
        .isEqualTo(p.path("id").asLong());
    long id = p.path("id").asLong();
    postJson(
        "/api/v1/objects/" + shop + "/change-proposals", as("xiqing.officer"), change, null, 404);

    JsonNode pending = call(get("/api/v1/object-change-proposals").with(as("heping.street")), 200);
    assertThat(find(pending.path("items"), "id", id).path("contactPhone").asText())
        .isEqualTo("13900001111");
    postJson(
        "/api/v1/object-change-proposals/" + id + "/confirm",
        as("heping.officer"),
        Map.of(),
        null,
        403);
    postJson(
        "/api/v1/object-change-proposals/" + id + "/confirm",
        as("xiqing.street"),
        Map.of(),
        null,
        404);
    JsonNode confirmed =
        postJson(
            "/api/v1/object-change-proposals/" + id + "/confirm",
            as("heping.street"),
            Map.of(),
            null,
            200);
    assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
    assertThat(
            jdbc.sql(
                    "SELECT contact_name || ' ' || contact_phone FROM supervised_object WHERE id = ?")
                .param(shop)
                .query(String.class)
                .single())
        .isEqualTo("李四 13900001111");
    assertThat(
            count(
                "SELECT count(*) FROM object_history WHERE object_id = ? AND action = 'proposal'",
                shop))
        .isEqualTo(1);
    postJson(
        "/api/v1/object-change-proposals/" + id + "/confirm",
        as("heping.street"),
        Map.of(),
        null,
        409);

    long closed =
        postJson(
                "/api/v1/objects/" + shop + "/change-proposals",
                officer(),
                Map.of("businessStatus", "CLOSED"),
                null,
                201)
            .path("id")
            .asLong();
    postJson(
        "/api/v1/object-change-proposals/" + closed + "/reject",
        as("heping.street"),
        Map.of(),
        null,
        422);
    JsonNode rejected =
        postJson(
            "/api/v1/object-change-proposals/" + closed + "/reject",
            as("heping.street"),
            Map.of("reason", "核实仍在营业"),
            null,
            200);
    assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
    assertThat(
            jdbc.sql("SELECT status FROM supervised_object WHERE id = ?")
                .param(shop)
                .query(String.class)
                .single())
        .isEqualTo("OPERATING");
  }
}
