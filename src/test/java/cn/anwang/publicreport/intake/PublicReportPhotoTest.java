package cn.anwang.publicreport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.files.Exif;
import cn.anwang.shared.files.TestPhotos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Photos on the public form: EXIF read for the staff and stripped from the only copy ever shown,
 * shown publicly only after approval, the originals for the desk alone and audited, and every bad
 * photo refusing the whole report with nothing kept.
 */
@IntegrationTest
class PublicReportPhotoTest {

  private static final AtomicInteger ADDRESS = new AtomicInteger();
  private static final Pattern TOKEN =
      Pattern.compile("name=\"captchaToken\"[^>]*value=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired Captcha captcha;
  @Autowired JdbcClient jdbc;

  private final String address = "203.0.113." + (ADDRESS.incrementAndGet() % 250 + 1);

  private MockMultipartHttpServletRequestBuilder submission(
      String description, MockMultipartFile... photos) throws Exception {
    String html = mvc.perform(get("/report")).andReturn().getResponse().getContentAsString();
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).isTrue();
    String token = m.group(1);
    double[] p =
        jdbc.sql(
                "SELECT lon, lat FROM supervised_object WHERE street_code = '120101001'"
                    + " AND lon IS NOT NULL ORDER BY id LIMIT 1")
            .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
            .single();
    MockMultipartHttpServletRequestBuilder post = multipart("/report");
    for (MockMultipartFile f : photos) {
      post.file(f);
    }
    Map.of(
            "category",
            "HAZARD",
            "description",
            description,
            "lon",
            Double.toString(p[0]),
            "lat",
            Double.toString(p[1]),
            "anonymous",
            "true",
            "captchaToken",
            token,
            "captchaAnswer",
            captcha.answerOf(token).orElseThrow())
        .forEach(post::param);
    post.with(csrf())
        .with(
            r -> {
              r.setRemoteAddr(address);
              return r;
            });
    return post;
  }

  private static MockMultipartFile photo(String name, byte[] content) {
    return new MockMultipartFile("photos", name, "image/jpeg", content);
  }

  private long reports(String description) {
    return jdbc.sql("SELECT count(*) FROM public_report WHERE description = ?")
        .param(description)
        .query(Long.class)
        .single();
  }

  @Test
  void photosAreKeptWithTheirExifAndShownPubliclyOnlyStrippedAndApproved() throws Exception {
    byte[] jpeg = TestPhotos.decodableJpegWithExif(64, 48, "2026:12:01 10:15:00", 39, 7, 117, 12);
    byte[] second = TestPhotos.decodableJpegWithExif(32, 32, "2026:12:01 10:16:00", 39, 7, 117, 13);
    String description = "楼道里堆满杂物，附照片 " + System.nanoTime();
    String location =
        mvc.perform(
                submission(
                    description,
                    photo("a.jpg", jpeg),
                    photo("b.jpg", second),
                    new MockMultipartFile("photos", "", "application/octet-stream", new byte[0])))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String code = location.substring("/report/track/".length(), location.indexOf('?'));
    var rows =
        jdbc.sql(
                """
                SELECT p.id, p.report_id, p.exif_lat, p.exif_lon, p.exif_taken_at, p.public_key
                  FROM public_report_photo p JOIN public_report r ON r.id = p.report_id
                 WHERE r.tracking_code = ? ORDER BY p.id
                """)
            .param(code)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(2);
    assertThat(((Number) rows.get(0).get("exif_lat")).doubleValue())
        .isCloseTo(39 + 7 / 60.0, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(rows.get(0).get("exif_taken_at")).isNotNull();
    assertThat(rows.get(0).get("public_key")).isNotNull();
    long photoId = ((Number) rows.get(0).get("id")).longValue();
    long reportId = ((Number) rows.get(0).get("report_id")).longValue();

    // nothing public before approval
    String publicUrl = "/report/track/" + code + "/photos/" + photoId;
    mvc.perform(get(publicUrl)).andExpect(status().isNotFound());
    assertThat(
            mvc.perform(get("/report/track/" + code))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("/photos/");

    // the desk: an officer is refused, another district sees nothing, the street approves
    String staff = "/api/v1/public-reports/" + reportId + "/photos";
    mvc.perform(get(staff).with(httpBasic("heping.officer", "anwang-demo-2026")))
        .andExpect(status().isForbidden());
    mvc.perform(get(staff).with(httpBasic("xiqing.street", "anwang-demo-2026")))
        .andExpect(status().isNotFound());
    mvc.perform(
            post(staff + "/" + photoId + "/approve")
                .with(httpBasic("xiqing.admin", "anwang-demo-2026")))
        .andExpect(status().isNotFound());
    byte[] original =
        mvc.perform(get(staff + "/" + photoId).with(httpBasic("heping.street", "anwang-demo-2026")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(original).isEqualTo(jpeg);
    mvc.perform(
            post(staff + "/" + photoId + "/approve")
                .with(httpBasic("heping.street", "anwang-demo-2026")))
        .andExpect(status().isOk());

    byte[] shown =
        mvc.perform(get(publicUrl))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(shown, StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif")
        .doesNotContain("Xiaomi");
    assertThat(Exif.read(shown)).isEqualTo(Exif.Data.NONE);
    assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(shown)).getWidth())
        .isEqualTo(64);
    assertThat(
            mvc.perform(get("/report/track/" + code))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(publicUrl);
    // the second photo was not approved; a photo id under another code is not found
    long other = ((Number) rows.get(1).get("id")).longValue();
    mvc.perform(get("/report/track/" + code + "/photos/" + other)).andExpect(status().isNotFound());
    mvc.perform(get("/report/track/ABCDEFGHJKMN/photos/" + photoId))
        .andExpect(status().isNotFound());

    for (String action : List.of("public-report.photo.view", "public-report.photo.approve")) {
      assertThat(
              jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?")
                  .params(action, Long.toString(photoId))
                  .query(Long.class)
                  .single())
          .as(action)
          .isEqualTo(1);
    }
    // withdrawn: gone from public view again
    mvc.perform(
            post(staff + "/" + photoId + "/withdraw")
                .with(httpBasic("heping.street", "anwang-demo-2026")))
        .andExpect(status().isOk());
    mvc.perform(get(publicUrl)).andExpect(status().isNotFound());
  }

  @Test
  void aBadPhotoRefusesTheWholeReportAndKeepsNothing() throws Exception {
    byte[] jpeg = TestPhotos.decodableJpegWithExif(16, 16, "2026:12:01 10:15:00", 39, 7, 117, 12);
    String d1 = "假照片 " + System.nanoTime();
    String page =
        mvc.perform(
                submission(
                    d1,
                    photo("ok.jpg", jpeg),
                    photo(
                        "fake.jpg", "%PDF-1.7 not a photo".getBytes(StandardCharsets.ISO_8859_1))))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("第 2 张不是 JPEG、PNG 或 WebP 格式的照片").contains(d1);
    assertThat(reports(d1)).isZero();

    String d2 = "六张照片 " + System.nanoTime();
    MockMultipartFile[] six = new MockMultipartFile[6];
    for (int i = 0; i < 6; i++) {
      six[i] = photo(i + ".jpg", jpeg);
    }
    assertThat(
            mvc.perform(submission(d2, six))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("最多只能上传 5 张照片");
    assertThat(reports(d2)).isZero();

    String d3 = "太大 " + System.nanoTime();
    byte[] big = new byte[8 * 1024 * 1024 + 1];
    System.arraycopy(jpeg, 0, big, 0, jpeg.length);
    assertThat(
            mvc.perform(submission(d3, photo("big.jpg", big)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("第 1 张照片超过 8 MB");
    assertThat(reports(d3)).isZero();

    // more than five photos at the limit in one body: 413 before anything is parsed
    mvc.perform(
            post("/report")
                .contentType("multipart/form-data; boundary=x")
                .content(new byte[41 * 1024 * 1024 + 1024 * 1024 + 1]))
        .andExpect(status().is(413));
  }
}
