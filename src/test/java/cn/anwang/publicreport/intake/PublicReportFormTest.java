package cn.anwang.publicreport.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public report form without log-in: captcha, fields, place, duplicates, and the tracking page
 * that shows the status but never the reporter.
 */
@IntegrationTest
class PublicReportFormTest {

  private static final AtomicInteger ADDRESS = new AtomicInteger(1);
  private static final Pattern TOKEN =
      Pattern.compile("name=\"captchaToken\"[^>]*value=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired Captcha captcha;
  @Autowired JdbcClient jdbc;

  /**
   * Each test posts from its own client address, so the rate limits of one do not touch another.
   */
  private String address = nextAddress();

  private static String nextAddress() {
    int n = ADDRESS.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
  }

  private double[] inHeping() {
    return jdbc.sql(
            "SELECT lon, lat FROM supervised_object WHERE street_code = '120101001'"
                + " AND lon IS NOT NULL ORDER BY id LIMIT 1")
        .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)})
        .single();
  }

  private String tokenFromForm() throws Exception {
    String html =
        mvc.perform(get("/report"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher m = TOKEN.matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1).replace("&#45;", "-");
  }

  private MockHttpServletRequestBuilder submission(Map<String, String> fields) {
    MockHttpServletRequestBuilder post =
        post("/report")
            .with(csrf())
            .with(
                r -> {
                  r.setRemoteAddr(address);
                  return r;
                });
    fields.forEach(post::param);
    return post;
  }

  private Map<String, String> valid(String token, String description) {
    double[] p = inHeping();
    return new java.util.HashMap<>(
        Map.of(
            "category",
            "HAZARD",
            "description",
            description,
            "lon",
            Double.toString(p[0]),
            "lat",
            Double.toString(p[1]),
            "address",
            "和平路菜市场东门",
            "anonymous",
            "true",
            "captchaToken",
            token,
            "captchaAnswer",
            captcha.answerOf(token).orElseThrow()));
  }

  @Test
  void theFormsMapDrawsTheDistrictsWithoutLogInAndFromNowhereElse() throws Exception {
    MvcResult form = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn();
    assertThat(form.getResponse().getContentAsString())
        .contains("id=\"pick-map\"")
        .contains("data-boundaries=\"/report/map/districts.geojson\"")
        .doesNotContain("data-tile-url=\"http");
    MvcResult geo =
        mvc.perform(get("/report/map/districts.geojson")).andExpect(status().isOk()).andReturn();
    assertThat(geo.getResponse().getContentType()).startsWith("application/geo+json");
    assertThat(geo.getResponse().getHeader("Cache-Control")).contains("max-age=86400");
    String body = geo.getResponse().getContentAsString();
    assertThat(Pattern.compile("\"type\":\"Feature\"").matcher(body).results().count())
        .isEqualTo(16);
    assertThat(body).contains("和平区").doesNotContain("\"code\":\"12\"");
    assertThat(geo.getResponse().getHeader("Set-Cookie")).isNull();
  }

  @Test
  void anAnonymousReportGetsATrackingCodeAndItsPageShowsTheStatus() throws Exception {
    String token = tokenFromForm();
    String description = "菜市场东门电动车集中充电，电线私拉乱接 " + System.nanoTime();
    MvcResult posted =
        mvc.perform(submission(valid(token, description)))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = posted.getResponse().getRedirectedUrl();
    assertThat(location).matches("/report/track/[2-9A-Z]{12}\\?new");
    String code = location.substring("/report/track/".length(), location.indexOf('?'));

    var row =
        jdbc.sql(
                "SELECT status, street_code, grid_code, anonymous, reporter_name_enc, channel"
                    + " FROM public_report WHERE tracking_code = ?")
            .param(code)
            .query()
            .singleRow();
    assertThat(row.get("status")).isEqualTo("RECEIVED");
    assertThat(row.get("street_code")).isEqualTo("120101001");
    assertThat(row.get("grid_code")).isNotNull();
    assertThat(row.get("anonymous")).isEqualTo(true);
    assertThat(row.get("reporter_name_enc")).isNull();
    assertThat(row.get("channel")).isEqualTo("WEB");

    String page =
        mvc.perform(get(location).header("Accept-Language", "zh-CN"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("已受理").contains(TrackingCodes.display(code)).contains("举报已提交");
    // typed in lower case with dashes, the code still works
    mvc.perform(get("/report/track/" + TrackingCodes.display(code).toLowerCase()))
        .andExpect(status().isOk());
    mvc.perform(get("/report/track/ZZZZ-ZZZZ-ZZZZ")).andExpect(status().isNotFound());
  }

  @Test
  void aNamedReportKeepsTheReporterEncryptedAndOffThePublicPage() throws Exception {
    Map<String, String> fields = valid(tokenFromForm(), "工地夜间违规动火作业 " + System.nanoTime());
    fields.put("anonymous", "false");
    fields.put("name", "张举报");
    fields.put("phone", "13812345678");
    fields.put("consent", "true");
    String location =
        mvc.perform(submission(fields))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String code = location.substring("/report/track/".length(), location.indexOf('?'));
    String stored =
        jdbc.sql(
                "SELECT reporter_name_enc || reporter_phone_enc FROM public_report WHERE tracking_code = ?")
            .param(code)
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain("张举报").doesNotContain("13812345678");
    String page = mvc.perform(get(location)).andReturn().getResponse().getContentAsString();
    assertThat(page).doesNotContain("张举报").doesNotContain("13812345678").doesNotContain("5678");
  }

  private String refusal(Map<String, String> fields) throws Exception {
    // refusals count towards the rate limit too: each from its own address
    address = nextAddress();
    return mvc.perform(submission(fields).header("Accept-Language", "zh-CN"))
        .andExpect(status().isUnprocessableContent())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void badInputIsRefusedWithItsReasonAndTheTypedTextKept() throws Exception {
    String description = "仓库堆放大量易燃物 " + System.nanoTime();

    Map<String, String> wrong = valid(tokenFromForm(), description);
    wrong.put("captchaAnswer", "99999");
    assertThat(refusal(wrong)).contains("验证码不正确").contains(description);

    Map<String, String> noText = valid(tokenFromForm(), "   ");
    assertThat(refusal(noText)).contains("请填写举报内容");

    Map<String, String> tooLong = valid(tokenFromForm(), "长".repeat(4001));
    assertThat(refusal(tooLong)).contains("不能超过 4000 字");

    Map<String, String> outside = valid(tokenFromForm(), description);
    outside.put("lon", "121.47");
    outside.put("lat", "31.23");
    assertThat(refusal(outside)).contains("不在本平台服务的网格范围内");

    Map<String, String> noPlace = valid(tokenFromForm(), description);
    noPlace.put("lon", "东经");
    assertThat(refusal(noPlace)).contains("请使用手机定位或填写经纬度");

    Map<String, String> badPhone = valid(tokenFromForm(), description);
    badPhone.putAll(
        Map.of("anonymous", "false", "name", "李四", "phone", "12345", "consent", "true"));
    assertThat(refusal(badPhone)).contains("请填写有效的手机号码");

    Map<String, String> noConsent = valid(tokenFromForm(), description);
    noConsent.putAll(Map.of("anonymous", "false", "name", "李四", "phone", "13912345678"));
    assertThat(refusal(noConsent)).contains("请勾选同意");

    Map<String, String> badCategory = valid(tokenFromForm(), description);
    badCategory.put("category", "SPAM");
    assertThat(refusal(badCategory)).contains("请选择举报类别");

    assertThat(
            jdbc.sql("SELECT count(*) FROM public_report WHERE description = ?")
                .param(description)
                .query(Long.class)
                .single())
        .isZero();

    // now a good one, then the same token again, then the same text again with a new token
    String token = tokenFromForm();
    address = nextAddress();
    String sameClient = address;
    mvc.perform(submission(valid(token, description))).andExpect(status().is3xxRedirection());
    assertThat(refusal(valid(token, description + "二"))).contains("验证码已使用过");
    address = sameClient;
    assertThat(
            mvc.perform(submission(valid(tokenFromForm(), description)))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("请勿重复提交");
    assertThat(
            jdbc.sql("SELECT count(*) FROM public_report WHERE description = ?")
                .param(description)
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  @Test
  void aForgedOrAlteredCaptchaTokenNeverPasses() {
    String token = captcha.issue();
    String answer = captcha.answerOf(token).orElseThrow();
    char[] chars = token.toCharArray();
    chars[20] = chars[20] == 'A' ? 'B' : 'A';
    assertThat(captcha.verify(new String(chars), answer)).isEqualTo(Captcha.Verdict.MALFORMED);
    assertThat(captcha.verify("not-a-token", "1234")).isEqualTo(Captcha.Verdict.MALFORMED);
    assertThat(captcha.verify(token, answer)).isEqualTo(Captcha.Verdict.PASSED);
    assertThat(captcha.verify(token, answer)).isEqualTo(Captcha.Verdict.REPLAYED);
  }

  @Test
  void theCaptchaPictureIsAPngAndAnUnknownTokenHasNone() throws Exception {
    byte[] png =
        mvc.perform(get("/report/captcha.png").param("t", captcha.issue()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(CaptchaPicture.WIDTH);
    mvc.perform(get("/report/captcha.png").param("t", "forged")).andExpect(status().isNotFound());
  }

  @Test
  void theFormIsServedInEnglishToo() throws Exception {
    String html =
        mvc.perform(get("/report").param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("Report a work-safety hazard").contains("Send the report");
  }
}
