package cn.anwang.casework.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.web.AttachmentFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Attachments over HTTP on the embedded PostgreSQL and the file store under target/. */
@IntegrationTest
class AttachmentApiTest {

  static final String PASSWORD = "anwang-demo-2026";
  static final byte[] PDF =
      "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private static RequestPostProcessor as(String username) {
    return httpBasic(username, PASSWORD);
  }

  private long report() throws Exception {
    long object =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 1 OFFSET 7")
            .query(Long.class)
            .single();
    String body =
        mvc.perform(
                post("/api/v1/cases")
                    .with(as("heping.officer"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "type", "GENERAL_HAZARD",
                                "source", "OFFICER_INSPECTION",
                                "objectId", object,
                                "title", "配电箱未上锁",
                                "description", "配电箱门敞开"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  private JsonNode upload(long caseId, String user, MockMultipartFile... files) throws Exception {
    var request = multipart("/api/v1/cases/" + caseId + "/attachments").with(as(user));
    for (MockMultipartFile f : files) {
      request.file(f);
    }
    return json.readTree(
        mvc.perform(request)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void photosAndDocumentsAreStoredByHashStreamedBackAndLinkedToAnAction() throws Exception {
    long id = report();
    byte[] png = AttachmentFixtures.png();
    JsonNode stored =
        upload(
            id,
            "heping.officer",
            new MockMultipartFile("file", "现场.png", "application/octet-stream", png),
            new MockMultipartFile("file", "notice.pdf", "application/pdf", PDF));
    assertThat(stored).hasSize(2);
    JsonNode photo = stored.get(0);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
    // the type comes from the content, not from what the client claimed
    assertThat(photo.get("contentType").asText()).isEqualTo("image/png");
    assertThat(photo.get("photo").asBoolean()).isTrue();
    assertThat(photo.get("sha256").asText()).isEqualTo(sha);
    assertThat(photo.get("fileName").asText()).isEqualTo("现场.png");
    assertThat(photo.get("eventId").isNull()).isTrue();
    Path file = Path.of("target/test-files/cases/" + id + "/" + sha);
    assertThat(Files.readAllBytes(file)).isEqualTo(png);

    mvc.perform(
            get("/api/v1/cases/" + id + "/attachments/" + photo.get("id").asLong())
                .with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/png"))
        .andExpect(content().bytes(png));

    // reading the document is audited
    long pdfId = stored.get(1).get("id").asLong();
    mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + pdfId).with(as("heping.street")))
        .andExpect(status().isOk())
        .andExpect(content().bytes(PDF));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'case.attachment.read'"
                        + " AND actor_username = 'heping.street' AND after ->> 'attachmentId' = ?")
                .param(Long.toString(pdfId))
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    // an action references them: they belong to its timeline line
    JsonNode registered =
        json.readTree(
            mvc.perform(
                    post("/api/v1/cases/" + id + "/register")
                        .with(as("heping.street"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                            json.writeValueAsString(
                                Map.of("attachmentIds", List.of(photo.get("id").asLong(), pdfId)))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    long registerEvent = registered.get("timeline").get(1).get("id").asLong();
    mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(as("heping.officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].eventId").value(registerEvent))
        .andExpect(jsonPath("$[1].eventId").value(registerEvent));

    // an attachment of another case cannot be referenced, and nothing changes
    long other = report();
    long foreign =
        upload(other, "heping.officer", new MockMultipartFile("file", "x.png", "image/png", png))
            .get(0)
            .get("id")
            .asLong();
    mvc.perform(
            post("/api/v1/cases/" + id + "/dispatch")
                .with(as("heping.street"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("attachmentIds", List.of(foreign)))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.fields[0].field").value("attachmentIds"));
    assertThat(
            jdbc.sql("SELECT status FROM safety_case WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("REGISTERED");
  }

  @Test
  void aJpgThatIsReallyTextIsRefusedNamingTheFile() throws Exception {
    long id = report();
    mvc.perform(
            multipart("/api/v1/cases/" + id + "/attachments")
                .file(
                    new MockMultipartFile("file", "ok.png", "image/png", AttachmentFixtures.png()))
                .file(
                    new MockMultipartFile(
                        "file",
                        "photo.jpg",
                        "image/jpeg",
                        "just some text, not a photo".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "en")
                .with(as("heping.officer")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.file").value("photo.jpg"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("photo.jpg")));
    // nothing of the request was kept, not even the good file
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_attachment WHERE case_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aFileOverTheLimitIs413NamingTheFile() throws Exception {
    long id = report();
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    big[0] = (byte) 0xFF;
    big[1] = (byte) 0xD8;
    big[2] = (byte) 0xFF;
    mvc.perform(
            multipart("/api/v1/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", "huge.jpg", "image/jpeg", big))
                .with(as("heping.officer")))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(jsonPath("$.file").value("huge.jpg"));
    // exactly at the limit it is taken
    byte[] limit = java.util.Arrays.copyOf(big, 10 * 1024 * 1024);
    upload(id, "heping.officer", new MockMultipartFile("file", "limit.jpg", "image/jpeg", limit));
  }

  @Test
  void outsideTheCasesScopeItIs404AndAuditorsCannotUpload() throws Exception {
    long id = report();
    long photo =
        upload(
                id,
                "heping.officer",
                new MockMultipartFile("file", "a.jpg", "image/jpeg", AttachmentFixtures.jpeg()))
            .get(0)
            .get("id")
            .asLong();
    mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + photo).with(as("xiqing.officer")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/cases/" + id + "/attachments").with(as("xiqing.street")))
        .andExpect(status().isNotFound());
    mvc.perform(
            multipart("/api/v1/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", "b.png", "image/png", AttachmentFixtures.png()))
                .with(as("xiqing.officer")))
        .andExpect(status().isNotFound());
    // the department sees it only once dispatched to it
    mvc.perform(get("/api/v1/cases/" + id + "/attachments/" + photo).with(as("heping.yingji")))
        .andExpect(status().isNotFound());
    // an attachment id of this case asked under another case is not found either
    long other = report();
    mvc.perform(get("/api/v1/cases/" + other + "/attachments/" + photo).with(as("heping.officer")))
        .andExpect(status().isNotFound());
    mvc.perform(
            multipart("/api/v1/cases/" + id + "/attachments")
                .file(new MockMultipartFile("file", "b.png", "image/png", AttachmentFixtures.png()))
                .with(as("auditor")))
        .andExpect(status().isForbidden());
  }
}
