package cn.anwang.outreach.publicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.outreach.document.DocumentFixture;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/publicity-activities/{id}/photos}, how the phone's outbox sends the photos of
 * an activity after it: stored once per photo UUID, checked as the desk's photos are (kind by
 * content, size, nine in all) with the reason in the caller's language, 404 out of scope, audited.
 */
@IntegrationTest
class PublicityPhotoApiTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  private DocumentFixture.Officer officer() throws Exception {
    return new DocumentFixture(mvc, json, jdbc).officerWithShops();
  }

  /** An activity recorded on the phone by the officer (JSON, no photos). */
  private long recorded(DocumentFixture.Officer o) throws Exception {
    Map<String, Object> a = PublicityApiTest.activity(o.grid(), List.of(o.shopA()));
    a.put("source", "PHONE");
    String out =
        mvc.perform(
                post("/api/v1/publicity-activities")
                    .with(httpBasic(o.username(), "anwang-demo-2026"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(a)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(out).get("id").asLong();
  }

  private JsonNode add(
      String user, long activity, String key, MockMultipartFile file, int expect, String lang)
      throws Exception {
    var r =
        multipart("/api/v1/publicity-activities/" + activity + "/photos")
            .file(file)
            .with(httpBasic(user, "anwang-demo-2026"))
            .header("Accept-Language", lang);
    if (key != null) {
      r = r.header("Idempotency-Key", key);
    }
    String out =
        mvc.perform(r)
            .andExpect(status().is(expect))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return out.isEmpty() ? null : json.readTree(out);
  }

  private static MockMultipartFile file(String name, byte[] content) {
    return new MockMultipartFile("file", name, "image/png", content);
  }

  private int photos(long activity) {
    return jdbc.sql("SELECT count(*) FROM publicity_photo WHERE activity_id = ?")
        .param(activity)
        .query(Integer.class)
        .single();
  }

  @Test
  void aPhotoSentAgainIsStoredOnceAndShownWithTheActivity() throws Exception {
    DocumentFixture.Officer o = officer();
    long id = recorded(o);
    byte[] png = DocumentFixture.png();
    String key = UUID.randomUUID().toString();
    JsonNode first = add(o.username(), id, key, file("宣讲现场.png", png), 201, "zh-CN");
    assertThat(first.get("filename").asString()).isEqualTo("宣讲现场.png");
    assertThat(first.get("contentType").asString()).isEqualTo("image/png");
    // the answer was lost: the outbox sends it again
    JsonNode again = add(o.username(), id, key, file("宣讲现场.png", png), 200, "zh-CN");
    assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
    assertThat(photos(id)).isEqualTo(1);

    // the street's desk sees it with the activity, and its bytes
    String detail =
        mvc.perform(
                get("/api/v1/publicity-activities/" + id)
                    .with(httpBasic("heping.street", "anwang-demo-2026")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode listed = json.readTree(detail).get("photos");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("id").asLong()).isEqualTo(first.get("id").asLong());
    byte[] back =
        mvc.perform(
                get("/api/v1/publicity-activities/" + id + "/photos/" + first.get("id").asLong())
                    .with(httpBasic("heping.street", "anwang-demo-2026")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(back).isEqualTo(png);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'publicity.photo'"
                        + " AND target_id = ?")
                .param("" + id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // the same photo UUID on another activity is a conflict, not a second photo
    long other = recorded(o);
    add(o.username(), other, key, file("宣讲现场.png", png), 409, "zh-CN");
    assertThat(photos(other)).isZero();
  }

  @Test
  void refusalsAreExplainedAndOtherDistrictsGet404() throws Exception {
    DocumentFixture.Officer o = officer();
    long id = recorded(o);
    byte[] pdf = "%PDF-1.4 not a photo".getBytes();
    String key = UUID.randomUUID().toString();
    JsonNode zh = add(o.username(), id, key, file("a.png", pdf), 422, "zh-CN");
    assertThat(zh.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(zh.get("errors").get(0).get("message").asString())
        .isEqualTo("照片须为 JPEG、PNG 或 WebP 图片：a.png");
    JsonNode en = add(o.username(), id, key, file("a.png", pdf), 422, "en");
    assertThat(en.get("errors").get(0).get("message").asString())
        .isEqualTo("Photos must be JPEG, PNG or WebP images: a.png");

    // over the file limit (10 MB), though it starts like a PNG
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    byte[] png = DocumentFixture.png();
    System.arraycopy(png, 0, big, 0, png.length);
    String bigKey = UUID.randomUUID().toString();
    JsonNode tooBig = add(o.username(), id, bigKey, file("big.png", big), 413, "zh-CN");
    assertThat(tooBig.get("errors").get(0).get("message").asString()).isEqualTo("文件过大：big.png");
    JsonNode tooBigEn = add(o.username(), id, bigKey, file("big.png", big), 413, "en");
    assertThat(tooBigEn.get("errors").get(0).get("message").asString())
        .isEqualTo("File too large: big.png");

    // no photo UUID
    JsonNode noKey = add(o.username(), id, null, file("p.png", png), 422, "zh-CN");
    assertThat(noKey.get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");

    // another district does not see the activity
    add("xiqing.admin", id, UUID.randomUUID().toString(), file("p.png", png), 404, "zh-CN");
    assertThat(photos(id)).isZero();

    // nine in all, as on the desk
    for (int i = 0; i < PublicityPhotos.MAX_PHOTOS; i++) {
      add(o.username(), id, UUID.randomUUID().toString(), file(i + ".png", png), 201, "zh-CN");
    }
    JsonNode tenth =
        add(o.username(), id, UUID.randomUUID().toString(), file("9.png", png), 422, "zh-CN");
    assertThat(tenth.get("errors").get(0).get("message").asString()).isEqualTo("每次活动最多 9 张照片");
    assertThat(photos(id)).isEqualTo(PublicityPhotos.MAX_PHOTOS);
    assertThat(
            jdbc.sql(
                    "SELECT array_agg(position ORDER BY position) FROM publicity_photo"
                        + " WHERE activity_id = ?")
                .param(id)
                .query((rs, n) -> Arrays.asList((Integer[]) rs.getArray(1).getArray()))
                .single())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
  }
}
