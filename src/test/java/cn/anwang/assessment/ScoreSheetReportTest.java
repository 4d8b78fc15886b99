package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The annual report's score sheet (考核得分): the demo scheme's open sheet as the score sheets API
 * reads it, a signed sheet as frozen at sign-off (with its comment and the district's ranking), and
 * a unit no scheme assesses.
 */
@IntegrationTest
class ScoreSheetReportTest {

  static final String STREET = "120101001";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  private final List<Long> reports = new ArrayList<>();

  @AfterEach
  void removeReports() {
    for (long id : reports) {
      jdbc.sql("DELETE FROM assessment_report WHERE id = ?").param(id).update();
    }
  }

  @Test
  void theDemoStreetsAnnualReportHoldsItsOpenSheetAsTheSheetsApiReadsIt() throws Exception {
    int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    JsonNode demo = demoScheme(year);
    String period = Integer.toString(year);
    long zh = generate("heping.admin", STREET, period, "zh-CN");
    String base = "/api/v1/assessment-schemes/" + demo.path("id").asLong();
    JsonNode sheet = read(call("heping.admin", get(base + "/sheets/" + STREET)));
    JsonNode ranking = read(call("heping.admin", get(base + "/sheets")));
    byte[] xlsx = download(zh, "xlsx");
    assertThat(ReportFiles.sheetNames(xlsx)).containsExactly("概要", "指标表", "考核得分", "逐月趋势", "指标定义");
    List<List<Object>> rows = ReportFiles.rows(xlsx, "考核得分");
    assertThat(rows.get(0)).containsExactly("项目", "内容", "分子", "分母", "值", "计分规则", "权重", "得分", "名次");
    assertThat(rows.get(1)).startsWith("考核方案", demo.path("name").asString());
    assertThat(rows.get(2).get(0)).isEqualTo("评分表状态");
    assertThat((String) rows.get(2).get(1)).contains("尚未签字");
    JsonNode lines = sheet.path("lines");
    assertThat(lines).hasSize(4);
    for (int n = 0; n < lines.size(); n++) {
      JsonNode line = lines.get(n);
      List<Object> cells = rows.get(3 + n);
      JsonNode fig = line.path("figure");
      assertThat(cells.get(0)).isEqualTo(line.path("code").asString());
      assertThat(cells.get(2)).isEqualTo(number(fig.path("numerator")));
      assertThat(cells.get(3)).isEqualTo(number(fig.path("denominator")));
      assertThat(cells.get(4)).isEqualTo(number(fig.path("value")));
      assertThat(cells.get(5)).isNotNull();
      assertThat(cells.get(6)).isEqualTo(line.path("weight").asDouble());
      assertThat(cells.get(7)).as(line.toString()).isEqualTo(number(line.path("points")));
    }
    assertThat((String) rows.get(3).get(5)).isEqualTo("线性：60 得 0 分，100 得满分");
    assertThat((String) rows.get(4).get(5)).isEqualTo("分档：达到 60 得 50%；达到 80 得 80%；达到 95 得 100%");
    List<Object> total = rows.get(3 + lines.size());
    assertThat(total.get(0)).isEqualTo("合计");
    assertThat(total.get(7)).isEqualTo(number(sheet.path("total")));
    JsonNode place = null;
    for (JsonNode p : ranking) {
      if (STREET.equals(p.path("unit").asString())) {
        place = p;
      }
    }
    assertThat(place).isNotNull();
    assertThat(total.get(8)).isEqualTo(number(place.path("rank")));

    String text = ReportFiles.pdfText(download(zh, "pdf"));
    assertThat(text).contains("考核得分", demo.path("name").asString().substring(0, 12));
    // the steps in words the CJK font can draw (it has no ≥, which came out blank)
    assertThat(text).contains("达到 60 得 50%");
    String totalLine =
        text.lines()
            .filter(l -> l.startsWith("合计"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no total line in\n" + text));
    if (!sheet.path("total").isNull()) {
      assertThat(totalLine).contains(format(sheet.path("total").asDouble()));
    }

    String en =
        ReportFiles.pdfText(download(generate("heping.admin", STREET, period, "en"), "pdf"));
    assertThat(en).contains("Score sheet", "Sheet status", "Not yet signed", "Total");
  }

  @Test
  void aSignedSheetIsReportedAsFrozenWithItsCommentAndTheDistrictRanksItsStreets()
      throws Exception {
    Long id = null;
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      String g = f.grids.get(0);
      f.addCase(
          g,
          "GENERAL_HAZARD",
          "CLOSED",
          "2024-01-10T02:00:00Z",
          "2024-03-01T09:00:00Z",
          "2024-03-01T08:00:00Z",
          true,
          null);
      String items =
          "[{\"code\": \"case.closeRate\", \"weight\": 100,"
              + " \"curve\": {\"kind\": \"LINEAR\", \"floor\": 50, \"target\": 100}}]";
      String draft =
          "{\"name\": \"2024 年度报告得分测试方案\", \"year\": 2024, \"level\": \"STREET\","
              + " \"items\": "
              + items
              + "}";
      JsonNode scheme = read(send(post("/api/v1/assessment-schemes"), draft));
      id = scheme.path("id").asLong();
      String base = "/api/v1/assessment-schemes/" + id;
      read(call("heping.admin", post(base + "/publish")));
      String sheetUrl = base + "/sheets/" + f.street;
      read(send(post(sheetUrl + "/comments"), "{\"comment\": \"结案率达标，继续保持\"}"));
      JsonNode signed = read(call("heping.admin", post(sheetUrl + "/sign")));
      assertThat(signed.path("total").asDouble()).isEqualTo(100.0);
      // after sign-off an open case due in 2024: recomputed, closeRate would be 50 %, 0 points
      f.addCase(
          g,
          "OTHER",
          "RECTIFYING",
          "2024-02-01T02:00:00Z",
          "2024-05-01T09:00:00Z",
          null,
          null,
          "2024-05-01T09:00:00Z");
      long events = events(id);

      List<List<Object>> rows =
          ReportFiles.rows(
              download(generate("heping.admin", f.street, "2024", "zh-CN"), "xlsx"), "考核得分");
      assertThat(rows.get(1).get(1)).isEqualTo("2024 年度报告得分测试方案");
      assertThat((String) rows.get(2).get(1)).contains("已签字锁定", "heping.admin");
      assertThat(rows.get(3))
          .containsExactly(
              "case.closeRate", "结案率", 1.0, 1.0, 100.0, "线性：50 得 0 分，100 得满分", 100.0, 100.0, null);
      assertThat(rows.get(4).get(0)).isEqualTo("合计");
      assertThat(rows.get(4).get(7)).isEqualTo(100.0);
      assertThat(rows.get(4).get(8)).isEqualTo(1.0);
      assertThat(rows.get(5).get(0)).isEqualTo("考核评语");
      assertThat((String) rows.get(5).get(1)).startsWith("结案率达标，继续保持（");

      // the district's report ranks its streets: the signed one first with its frozen total
      List<List<Object>> district =
          ReportFiles.rows(
              download(generate("heping.admin", "120101", "2024", "en"), "xlsx"), "Score sheet");
      assertThat(district.get(1)).startsWith("Ranking of the units below", "2024 年度报告得分测试方案");
      assertThat(district.get(2).get(0)).isEqualTo(f.street);
      assertThat(district.get(2).subList(7, 9)).containsExactly(100.0, 1.0);
      // the reports read the sheets without writing a history line
      assertThat(events(id)).isEqualTo(events);
    } finally {
      if (id != null) {
        jdbc.sql("DELETE FROM assessment_scheme WHERE id = ?").param(id).update();
      }
    }
  }

  @Test
  void aUnitNoSchemeAssessesSaysSo() throws Exception {
    String street =
        jdbc.sql(
                "SELECT code FROM division WHERE level = 'street' AND district_code <> '120101'"
                    + " ORDER BY code LIMIT 1")
            .query(String.class)
            .single();
    String period = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
    long zh = generate("admin", street, period, "zh-CN");
    List<List<Object>> rows = ReportFiles.rows(download(zh, "xlsx"), "考核得分");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1)).startsWith("考核方案", period + " 年没有已发布的考核方案考核本单位或其下级单位");
    assertThat(ReportFiles.pdfText(download(zh, "pdf"))).contains("没有已发布的考核方案");
    long en = generate("admin", street, period, "en");
    assertThat(ReportFiles.pdfText(download(en, "pdf")))
        .contains("Score sheet", "No scheme published for " + period);
  }

  private JsonNode demoScheme(int year) throws Exception {
    for (JsonNode s : read(call("heping.admin", get("/api/v1/assessment-schemes")))) {
      if (s.path("name").asString().contains("演示")
          && s.path("year").asInt() == year
          && "PUBLISHED".equals(s.path("status").asString())
          && "120101".equals(s.path("owner").asString())) {
        return s;
      }
    }
    throw new AssertionError("no demo scheme of " + year);
  }

  private long events(long scheme) {
    return jdbc.sql(
            "SELECT count(*) FROM assessment_sheet_event e JOIN assessment_sheet s"
                + " ON s.id = e.sheet_id WHERE s.scheme_id = ?")
        .param(scheme)
        .query(Long.class)
        .single();
  }

  private static Double number(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asDouble();
  }

  private static String format(Double v) {
    return new java.text.DecimalFormat(
            "0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
        .format(v);
  }

  private long generate(String username, String unit, String period, String lang) throws Exception {
    MvcResult res =
        mvc.perform(
                post("/api/v1/assessment-reports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(AssessmentReportTest.body("ANNUAL", unit, period, lang))
                    .with(user(users.loadUserByUsername(username))))
            .andReturn();
    assertThat(res.getResponse().getStatus())
        .as(res.getResponse().getContentAsString())
        .isEqualTo(201);
    long id = json.readTree(res.getResponse().getContentAsString()).path("id").asLong();
    reports.add(id);
    return id;
  }

  private byte[] download(long id, String format) throws Exception {
    MvcResult res = call("admin", get("/api/v1/assessment-reports/" + id + "." + format));
    assertThat(res.getResponse().getStatus()).isEqualTo(200);
    return res.getResponse().getContentAsByteArray();
  }

  private MvcResult send(MockHttpServletRequestBuilder r, String body) throws Exception {
    return call(
        "heping.admin",
        r.contentType(MediaType.APPLICATION_JSON).content(body).header("Accept-Language", "zh-CN"));
  }

  private JsonNode read(MvcResult r) throws Exception {
    String text = r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(r.getResponse().getStatus()).as(text).isBetween(200, 201);
    return json.readTree(text);
  }

  private MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
  }
}
