package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.web.AttachmentFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An enterprise user linked to an object by the street sees that object's cases (list, read,
 * timeline, its page) and uploads rectification evidence while the case is rectified — nothing
 * else.
 */
@IntegrationTest
class EnterpriseCasesTest {

  static final String PASSWORD = "anwang-demo-2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private static RequestPostProcessor as(String username) {
    return httpBasic(username, PASSWORD);
  }

  /** An object of 劝业场街道 no other test uses, with a responsible department. */
  private long object() {
    return jdbc.sql(
            """
            SELECT o.id FROM supervised_object o
             WHERE o.street_code = '120101001' AND o.status = 'OPERATING' AND NOT o.direct_supervision
               AND EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id)
             ORDER BY o.id LIMIT 1 OFFSET 11
            """)
        .query(Long.class)
        .single();
  }

  private long userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  private JsonNode call(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String user,
      Object body,
      int expect)
      throws Exception {
    request.with(as(user)).header("Accept-Language", "zh-CN");
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }
    String response =
        mvc.perform(request)
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return response.isEmpty() ? null : json.readTree(response);
  }

  private long report(long object) throws Exception {
    return call(
            post("/api/v1/cases"),
            "heping.officer",
            Map.of(
                "type", "GENERAL_HAZARD",
                "source", "OFFICER_INSPECTION",
                "objectId", object,
                "title", "配电柜前堆放杂物",
                "description", "配电柜前一米内堆放纸箱"),
            201)
        .get("id")
        .asLong();
  }

  @Test
  void aLinkedEnterpriseSeesItsCasesAndUploadsEvidenceOnlyWhileRectifying() throws Exception {
    long object = object();
    long enterprise = userId("heping.qiye");
    long id = report(object);
    call(post("/api/v1/cases/" + id + "/register"), "heping.street", Map.of(), 200);
    call(
        post("/api/v1/cases/" + id + "/dispatch"),
        "heping.street",
        Map.of("handlerType", "STREET", "handlerCode", "120101001"),
        200);

    // not linked yet: nothing to see
    call(get("/api/v1/cases/" + id), "heping.qiye", null, 404);

    // who links: the street administrator of the object's place, not the officer nor another
    // district
    call(
        post("/api/v1/objects/" + object + "/accounts"),
        "heping.officer",
        Map.of("username", "heping.qiye"),
        403);
    call(
        post("/api/v1/objects/" + object + "/accounts"),
        "xiqing.street",
        Map.of("username", "heping.qiye"),
        404);
    JsonNode notEnterprise =
        call(
            post("/api/v1/objects/" + object + "/accounts"),
            "heping.street",
            Map.of("username", "heping.officer"),
            422);
    assertThat(notEnterprise.toString()).contains("registry.rejected.accountNotEnterprise");
    JsonNode linked =
        call(
            post("/api/v1/objects/" + object + "/accounts"),
            "heping.street",
            Map.of("username", "heping.qiye"),
            200);
    assertThat(linked).hasSize(1);
    assertThat(linked.get(0).get("userId").asLong()).isEqualTo(enterprise);
    assertThat(
            call(get("/api/v1/objects/" + object + "/accounts"), "heping.admin", null, 200)
                .get(0)
                .get("username")
                .asText())
        .isEqualTo("heping.qiye");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'object.account.link'"
                        + " AND target_id = ?")
                .param(String.valueOf(object))
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    try {
      // the object page lists its enterprise users
      assertThat(
              mvc.perform(
                      get("/objects/" + object)
                          .with(user(users.loadUserByUsername("heping.street"))))
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString())
          .contains("id=\"object-accounts\"")
          .contains("(heping.qiye)");
      // read with timeline, and the list holds only the linked object's cases
      JsonNode read = call(get("/api/v1/cases/" + id), "heping.qiye", null, 200);
      assertThat(read.get("timeline")).hasSize(3);
      JsonNode list = call(get("/api/v1/cases?size=100"), "heping.qiye", null, 200);
      assertThat(list.get("total").asLong()).isPositive();
      boolean found = false;
      for (JsonNode item : list.get("items")) {
        assertThat(item.get("objectId").asLong()).isEqualTo(object);
        found |= item.get("id").asLong() == id;
      }
      assertThat(found).isTrue();
      // a case of another object stays hidden
      long other =
          jdbc.sql(
                  "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                      + " AND status = 'OPERATING' AND id <> ? ORDER BY id LIMIT 1 OFFSET 12")
              .param(object)
              .query(Long.class)
              .single();
      long foreign = report(other);
      call(get("/api/v1/cases/" + foreign), "heping.qiye", null, 404);

      // dispatched, not yet in rectification: no evidence (409, the status comes first)
      call(post("/api/v1/cases/" + id + "/evidence"), "heping.qiye", Map.of("reason", "x"), 409);
      call(post("/api/v1/cases/" + id + "/accept"), "heping.qiye", Map.of(), 403);
      call(post("/api/v1/cases/" + id + "/accept"), "heping.street", Map.of(), 200);

      // in rectification: the case page offers the evidence form, and only that
      String casePage =
          mvc.perform(get("/cases/" + id).with(user(users.loadUserByUsername("heping.qiye"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(casePage)
          .contains("id=\"action-EVIDENCE\"")
          .doesNotContain("id=\"action-FEEDBACK\"");
      // photos, then the evidence line linking them
      String uploaded =
          mvc.perform(
                  multipart("/api/v1/cases/" + id + "/attachments")
                      .file(
                          new MockMultipartFile(
                              "file", "整改后.png", "image/png", AttachmentFixtures.png()))
                      .with(as("heping.qiye")))
              .andExpect(status().isCreated())
              .andReturn()
              .getResponse()
              .getContentAsString();
      long photo = json.readTree(uploaded).get(0).get("id").asLong();
      JsonNode evidence =
          call(
              post("/api/v1/cases/" + id + "/evidence"),
              "heping.qiye",
              Map.of("reason", "已清理配电柜前杂物", "attachmentIds", java.util.List.of(photo)),
              200);
      JsonNode last = evidence.get("timeline").get(evidence.get("timeline").size() - 1);
      assertThat(last.get("action").asText()).isEqualTo("EVIDENCE");
      assertThat(last.get("actorRole").asText()).isEqualTo("ENTERPRISE_USER");
      // everything else is refused
      call(post("/api/v1/cases/" + id + "/feedback"), "heping.qiye", Map.of("reason", "x"), 403);
      call(
          post("/api/v1/cases/" + id + "/extension-request"),
          "heping.qiye",
          Map.of("days", 3, "reason", "x"),
          403);
      call(
          post("/api/v1/cases"),
          "heping.qiye",
          Map.of(
              "type", "GENERAL_HAZARD",
              "source", "PUBLIC_REPORT",
              "objectId", object,
              "title", "t",
              "description", "d"),
          403);

      // the company page lists the case; other roles get 403
      String page =
          mvc.perform(get("/cases/company").with(user(users.loadUserByUsername("heping.qiye"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains(read.get("number").asText()).contains("我的企业案件");
      mvc.perform(get("/cases/company").with(user(users.loadUserByUsername("heping.street"))))
          .andExpect(status().isForbidden());

      // after feedback the enterprise may no longer attach
      call(
          post("/api/v1/cases/" + id + "/feedback"), "heping.street", Map.of("reason", "已整改"), 200);
      mvc.perform(
              multipart("/api/v1/cases/" + id + "/attachments")
                  .file(
                      new MockMultipartFile("file", "a.png", "image/png", AttachmentFixtures.png()))
                  .with(as("heping.qiye")))
          .andExpect(status().isForbidden());
    } finally {
      call(
          delete("/api/v1/objects/" + object + "/accounts/" + enterprise),
          "heping.street",
          null,
          204);
    }
    call(get("/api/v1/cases/" + id), "heping.qiye", null, 404);
    call(
        delete("/api/v1/objects/" + object + "/accounts/" + enterprise),
        "heping.street",
        null,
        404);
  }

  @Test
  void aCaseDispatchedToTheEnterpriseIsHandledByItsLinkedUser() throws Exception {
    long object =
        jdbc.sql(
                """
                SELECT o.id FROM supervised_object o
                 WHERE o.street_code = '120101001' AND o.status = 'OPERATING'
                   AND NOT o.direct_supervision
                 ORDER BY o.id LIMIT 1 OFFSET 13
                """)
            .query(Long.class)
            .single();
    long enterprise = userId("heping.qiye");
    long id = report(object);
    call(post("/api/v1/cases/" + id + "/register"), "heping.street", Map.of(), 200);
    call(
        post("/api/v1/cases/" + id + "/dispatch"),
        "heping.street",
        Map.of("handlerType", "ENTERPRISE", "handlerCode", String.valueOf(object)),
        200);
    // not linked: the enterprise user neither sees nor handles it
    call(post("/api/v1/cases/" + id + "/accept"), "heping.qiye", Map.of(), 404);
    call(
        post("/api/v1/objects/" + object + "/accounts"),
        "heping.street",
        Map.of("username", "heping.qiye"),
        200);
    try {
      // the street does not handle a case dispatched to the enterprise
      call(post("/api/v1/cases/" + id + "/accept"), "heping.street", Map.of(), 403);
      String page =
          mvc.perform(get("/cases/" + id).with(user(users.loadUserByUsername("heping.qiye"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains("id=\"action-ACCEPT\"");
      call(post("/api/v1/cases/" + id + "/accept"), "heping.qiye", Map.of(), 200);
      call(
          post("/api/v1/cases/" + id + "/evidence"),
          "heping.qiye",
          Map.of("reason", "已更换灭火器"),
          200);
      JsonNode fed =
          call(
              post("/api/v1/cases/" + id + "/feedback"),
              "heping.qiye",
              Map.of("reason", "已整改完毕"),
              200);
      assertThat(fed.get("status").asText()).isEqualTo("FEEDBACK_SUBMITTED");
      // the officer re-inspects on site and the street closes, as for any handler
      call(
          post("/api/v1/cases/" + id + "/reinspection"),
          "heping.officer",
          Map.of("passed", true, "reason", "复查合格", "lon", 117.2, "lat", 39.12),
          200);
      JsonNode closed =
          call(
              post("/api/v1/cases/" + id + "/close"), "heping.street", Map.of("reason", "结案"), 200);
      assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
      JsonNode timeline = closed.get("timeline");
      assertThat(timeline.get(3).get("action").asText()).isEqualTo("ACCEPT");
      assertThat(timeline.get(3).get("actorRole").asText()).isEqualTo("ENTERPRISE_USER");
    } finally {
      call(
          delete("/api/v1/objects/" + object + "/accounts/" + enterprise),
          "heping.street",
          null,
          204);
    }
  }
}
