package cn.anwang.outreach.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Bad publications are refused whole with the field and the reason in the caller's language, and
 * nothing is kept; the deadline reminders go out once per lead.
 */
@IntegrationTest
class DocumentRulesTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired DeliveryReminders reminders;

  private DocumentFixture fx() {
    return new DocumentFixture(mvc, json, jdbc);
  }

  private int documents() {
    return jdbc.sql("SELECT count(*) FROM outreach_document").query(Integer.class).single();
  }

  private static String field(JsonNode problem) {
    return problem.get("errors").get(0).get("field").asString();
  }

  @Test
  void badPublicationsAreRefusedWithTheFieldAndNothingIsKept() throws Exception {
    int before = documents();
    Map<String, Object> ok =
        Map.of("divisions", List.of("120101001"), "kinds", List.of("SMALL_SHOP"));

    // an officer does not publish
    fx().call(
            "heping.officer",
            post("/api/v1/documents"),
            DocumentFixture.document("通知", DocumentFixture.TODAY.plusDays(5), ok),
            403);
    // another district's grid or street
    String xiqingGrid =
        jdbc.sql("SELECT code FROM grid WHERE division_code LIKE '120111%' ORDER BY code LIMIT 1")
            .query(String.class)
            .single();
    JsonNode grid =
        fx().call(
                "heping.street",
                post("/api/v1/documents"),
                DocumentFixture.document(
                    "通知", DocumentFixture.TODAY.plusDays(5), Map.of("grids", List.of(xiqingGrid))),
                422);
    assertThat(field(grid)).isEqualTo("targets.grids");
    assertThat(grid.get("detail").asString()).contains(xiqingGrid).contains("不在您的辖区内");
    JsonNode street =
        fx().call(
                "heping.street",
                post("/api/v1/documents/preview"),
                Map.of("divisions", List.of("120101002")),
                422);
    assertThat(field(street)).isEqualTo("targets.divisions");
    // unknown kind, bad industry code, a deadline in the past, no title
    assertThat(
            field(
                fx().call(
                        "heping.street",
                        post("/api/v1/documents/preview"),
                        Map.of("kinds", List.of("SHOP")),
                        422)))
        .isEqualTo("targets.kinds");
    assertThat(
            field(
                fx().call(
                        "heping.street",
                        post("/api/v1/documents/preview"),
                        Map.of("industries", List.of("F52")),
                        422)))
        .isEqualTo("targets.industries");
    assertThat(
            field(
                fx().call(
                        "heping.street",
                        post("/api/v1/documents"),
                        DocumentFixture.document("通知", DocumentFixture.TODAY.minusDays(1), ok),
                        422)))
        .isEqualTo("receiptDeadline");
    Map<String, Object> untitled =
        new java.util.HashMap<>(
            DocumentFixture.document(" ", DocumentFixture.TODAY.plusDays(5), ok));
    assertThat(field(fx().call("heping.street", post("/api/v1/documents"), untitled, 422)))
        .isEqualTo("title");
    // targets that reach nothing
    JsonNode none =
        fx().call(
                "heping.street",
                post("/api/v1/documents"),
                DocumentFixture.document(
                    "通知",
                    DocumentFixture.TODAY.plusDays(5),
                    Map.of("industries", List.of("0111"), "kinds", List.of("SMALL_SHOP"))),
                422);
    assertThat(field(none)).isEqualTo("targets");

    // attachments are judged by content: a text file named .pdf is refused, in English too
    MockMultipartFile fake =
        new MockMultipartFile(
            "files", "通知.pdf", "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8));
    JsonNode wrongType = publishWithFiles(ok, "en", 422, fake);
    assertThat(field(wrongType)).isEqualTo("attachments");
    assertThat(wrongType.get("detail").asString()).contains("is not a PDF or an image");
    MockMultipartFile pdf =
        new MockMultipartFile(
            "files",
            "通知.pdf",
            "application/octet-stream",
            "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(field(publishWithFiles(ok, "zh-CN", 422, pdf, pdf, pdf, pdf, pdf, pdf)))
        .isEqualTo("attachments");
    assertThat(documents()).isEqualTo(before);

    // a good one with its PDF
    JsonNode published = publishWithFiles(ok, "zh-CN", 201, pdf);
    long id = published.get("id").asLong();
    JsonNode detail =
        fx().call(
                "heping.street",
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/v1/documents/" + id),
                null,
                200);
    assertThat(detail.get("attachments")).hasSize(1);
    assertThat(detail.get("attachments").get(0).get("contentType").asString())
        .isEqualTo("application/pdf");
    assertThat(detail.get("attachments").get(0).get("filename").asString()).isEqualTo("通知.pdf");
  }

  private JsonNode publishWithFiles(
      Map<String, Object> targets, String language, int expect, MockMultipartFile... files)
      throws Exception {
    MockMultipartHttpServletRequestBuilder r = multipart("/api/v1/documents");
    byte[] doc =
        json.writeValueAsBytes(
            DocumentFixture.document("附件通知", DocumentFixture.TODAY.plusDays(5), targets));
    r.file(new MockMultipartFile("document", "", MediaType.APPLICATION_JSON_VALUE, doc));
    for (MockMultipartFile f : files) {
      r.file(f);
    }
    String out =
        mvc.perform(
                r.with(httpBasic("heping.street", "anwang-demo-2026"))
                    .header("Accept-Language", language))
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readTree(out);
  }

  @Test
  void remindersBeforeTheDeadlineGoOutOncePerLead() throws Exception {
    DocumentFixture.Officer officer = fx().officerWithShops();
    String enterprise = fx().enterpriseOf(officer.shopA());
    JsonNode published =
        fx().call(
                "heping.street",
                post("/api/v1/documents"),
                DocumentFixture.document(
                    "限期签收的通知",
                    DocumentFixture.TODAY.plusDays(2),
                    Map.of("grids", List.of(officer.grid()))),
                201);
    long id = published.get("id").asLong();
    long delivery =
        jdbc.sql("SELECT id FROM outreach_delivery WHERE document_id = ? AND object_id = ?")
            .params(id, officer.shopA())
            .query(Long.class)
            .single();

    reminders.scan(DocumentFixture.TODAY);
    reminders.scan(DocumentFixture.TODAY);
    assertThat(sent(enterprise, "document-due:" + delivery + ":3")).isEqualTo(1);
    assertThat(sent(officer.username(), "document-due:" + id + ":officer:3")).isEqualTo(1);
    assertThat(args(officer.username(), "document-due:" + id + ":officer:3")).contains("限期签收的通知");
    assertThat(sent(enterprise, "document-due:" + delivery + ":1")).isZero();

    reminders.scan(DocumentFixture.TODAY.plusDays(1));
    reminders.scan(DocumentFixture.TODAY.plusDays(1));
    assertThat(sent(enterprise, "document-due:" + delivery + ":1")).isEqualTo(1);
    assertThat(sent(officer.username(), "document-due:" + id + ":officer:1")).isEqualTo(1);

    // once received, no more: the enterprise acknowledges, and the day of the deadline is quiet
    fx().call(enterprise, post("/api/v1/my-documents/" + delivery + "/receipt"), null, 200);
    int total = all(enterprise);
    reminders.scan(DocumentFixture.TODAY.plusDays(2));
    assertThat(all(enterprise)).isEqualTo(total);
  }

  private int sent(String username, String key) {
    return jdbc.sql(
            "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.dedup_key = ?")
        .params(username, key)
        .query(Integer.class)
        .single();
  }

  private String args(String username, String key) {
    return jdbc.sql(
            "SELECT n.message_args::text FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ? AND n.dedup_key = ?")
        .params(username, key)
        .query(String.class)
        .single();
  }

  private int all(String username) {
    return jdbc.sql(
            "SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id"
                + " WHERE u.username = ?")
        .param(username)
        .query(Integer.class)
        .single();
  }
}
