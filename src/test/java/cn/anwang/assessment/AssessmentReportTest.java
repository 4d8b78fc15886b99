package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.anwang.IntegrationTest;
import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.Indicator;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.MonthFigure;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.indicator.IndicatorTables.Table;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.assessment.report.ReportKind;
import cn.anwang.assessment.report.ReportPeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The generated reports of 和平区 over the hand-made cases of {@link IndicatorFixture}: the workbook's
 * cells are the indicator table's figures, the PDF reads in Chinese and in English, and the
 * refusals.
 */
@IntegrationTest
class AssessmentReportTest {

  static final String HEPING = "120101";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;
  @Autowired IndicatorTables tables;

  private final List<Long> reports = new ArrayList<>();

  @AfterEach
  void removeReports() {
    for (long id : reports) {
      jdbc.sql("DELETE FROM assessment_report WHERE id = ?").param(id).update();
    }
  }

  @Test
  void theMonthlyWorkbookHoldsTheTablesFiguresAndTheMonthBefore() throws Exception {
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      addCases(f);
      JsonNode r = generate("heping.admin", "MONTHLY", HEPING, "2026-03", "zh-CN");
      assertThat(r.path("version").asInt()).isEqualTo(1);
      assertThat(r.path("generatedBy").asString()).isEqualTo("heping.admin");
      ReportPeriod march = ReportPeriod.parse(ReportKind.MONTHLY, "2026-03").orElseThrow();
      LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
      Table table = table(march, today);
      Table before = table(march.previous(), today);
      byte[] xlsx = download("heping.admin", r.path("id").asLong(), "xlsx");
      assertThat(ReportFiles.sheetNames(xlsx)).containsExactly("概要", "指标表", "指标定义");
      List<List<Object>> rows = ReportFiles.rows(xlsx, "指标表");
      assertThat(rows.get(0))
          .containsExactly("单位代码", "单位", "指标代码", "指标", "值", "分子", "分母", "上月值", "环比变化");
      List<List<Object>> expected = expected(table, before, "%s（合计）", "%s直属");
      assertThat(withoutNames(rows)).isEqualTo(expected);
      // the fixture's street: c1 and c2 due in March, both closed
      Row street = row(table, f.street);
      assertThat(street.figures().get("case.closeRate").numerator()).isGreaterThanOrEqualTo(2);
      assertThat(ReportFiles.rows(xlsx, "概要").get(2)).containsExactly("单位", "和平区");

      String text = ReportFiles.pdfText(download("heping.admin", r.path("id").asLong(), "pdf"));
      assertThat(text).contains("安全生产网格化管理指标月报", "和平区", "2026-03", "指标定义", "第 1 /");
      Figure close = street.figures().get("case.closeRate");
      String line =
          text.lines()
              .filter(l -> l.contains(street.unit().name()) && l.contains(" 结案率 "))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no 结案率 line of the street in\n" + text));
      assertThat(line)
          .contains(format(close.value()) + " " + close.numerator() + " " + close.denominator());
    }
  }

  @Test
  void theAnnualReportHasTheYearsTableAndTheTrendAndReadsInEnglish() throws Exception {
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      addCases(f);
      JsonNode r = generate("heping.admin", "ANNUAL", HEPING, "2026", "en");
      LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
      Table table = table(ReportPeriod.year(2026), today);
      byte[] xlsx = download("heping.admin", r.path("id").asLong(), "xlsx");
      assertThat(ReportFiles.sheetNames(xlsx))
          .containsExactly("Summary", "Indicators", "Score sheet", "Trend by month", "Definitions");
      List<List<Object>> rows = ReportFiles.rows(xlsx, "Indicators");
      assertThat(withoutNames(rows)).isEqualTo(expected(table, null, "%s (total)", "%s itself"));
      List<MonthFigure> trend = tables.trend("case.closeRate", HEPING, null, 2026, Instant.now());
      List<Object> closeRate =
          ReportFiles.rows(xlsx, "Trend by month").stream()
              .filter(l -> "case.closeRate".equals(l.get(0)))
              .findFirst()
              .orElseThrow();
      for (int m = 0; m < trend.size(); m++) {
        Figure fig = trend.get(m).figure();
        assertThat(closeRate.get(2 + m))
            .as(trend.get(m).month())
            .isEqualTo(fig == null ? null : fig.value());
      }
      // March: c1 and c2 due and closed
      assertThat(trend.get(2).figure().numerator()).isGreaterThanOrEqualTo(2);
      String text = ReportFiles.pdfText(download("heping.admin", r.path("id").asLong(), "pdf"));
      assertThat(text)
          .contains(
              "Annual assessment report", "和平区", "Trend by month", "Definitions", "Page 1 of");

      JsonNode zh = generate("heping.admin", "ANNUAL", HEPING, "2026", "zh-CN");
      String zhText = ReportFiles.pdfText(download("heping.admin", zh.path("id").asLong(), "pdf"));
      assertThat(zhText).contains("安全生产网格化管理年度考核报告", "逐月趋势", "和平区");
    }
  }

  @Test
  void aRegenerationIsANewVersionAndTheListShowsBoth() throws Exception {
    long first =
        generate("heping.admin", "MONTHLY", HEPING, "2026-02", "zh-CN").path("id").asLong();
    JsonNode second = generate("heping.admin", "MONTHLY", HEPING, "2026-02", "zh-CN");
    assertThat(second.path("version").asInt()).isEqualTo(2);
    JsonNode list =
        json.readTree(
            mvc.perform(
                    get("/api/v1/assessment-reports")
                        .param("unit", HEPING)
                        .param("kind", "MONTHLY")
                        .with(user(users.loadUserByUsername("heping.admin"))))
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<Long> ids = new ArrayList<>();
    list.forEach(n -> ids.add(n.path("id").asLong()));
    assertThat(ids).contains(first, second.path("id").asLong());
    // the old version's file is still there
    assertThat(download("heping.admin", first, "pdf")).startsWith("%PDF".getBytes());
    MvcResult pdf =
        mvc.perform(
                get("/api/v1/assessment-reports/" + first + ".pdf")
                    .with(user(users.loadUserByUsername("heping.admin"))))
            .andReturn();
    assertThat(pdf.getResponse().getHeader("Content-Disposition"))
        .contains("filename*=UTF-8''")
        .contains("%E5%92%8C%E5%B9%B3%E5%8C%BA"); // 和平区
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'assessment.report.download'"
                        + " AND target_id = ?")
                .param(Long.toString(first))
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void outsideTheTerritoryIs404AndOtherRoles403() throws Exception {
    long id = generate("heping.admin", "MONTHLY", HEPING, "2026-01", "zh-CN").path("id").asLong();
    assertThat(status("xiqing.admin", body("MONTHLY", HEPING, "2026-01", "zh-CN"), "en"))
        .isEqualTo(404);
    assertThat(status("heping.officer", body("MONTHLY", HEPING, "2026-01", "zh-CN"), "en"))
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    get("/api/v1/assessment-reports/" + id + ".xlsx")
                        .with(user(users.loadUserByUsername("xiqing.admin"))))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    String list =
        mvc.perform(
                get("/api/v1/assessment-reports")
                    .with(user(users.loadUserByUsername("xiqing.admin"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).doesNotContain("\"id\":" + id + ",");
  }

  @Test
  void refusesABadKindPeriodUnitOrLanguageInTheCallersLanguage() throws Exception {
    long before = count();
    assertRefused(body("WEEKLY", HEPING, "2026-01", "zh-CN"), "zh-CN", "kind", "报告类型");
    assertRefused(body("MONTHLY", HEPING, "2026-13", "zh-CN"), "zh-CN", "period", "月报的期间");
    assertRefused(body("ANNUAL", HEPING, "2026-01", "zh-CN"), "en", "period", "annual report");
    assertRefused(body("ANNUAL", HEPING, "2099", "zh-CN"), "en", "period", "not begun");
    assertRefused(body("MONTHLY", HEPING + "001001", "2026-01", "zh-CN"), "en", "unit", "street");
    assertRefused(body("MONTHLY", HEPING, "2026-01", "fr"), "en", "lang", "zh-CN or en");
    assertThat(count()).isEqualTo(before);
  }

  private void assertRefused(String body, String lang, String field, String text) throws Exception {
    MvcResult res =
        mvc.perform(
                post("/api/v1/assessment-reports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body)
                    .header("Accept-Language", lang)
                    .with(user(users.loadUserByUsername("heping.admin"))))
            .andReturn();
    assertThat(res.getResponse().getStatus()).isEqualTo(422);
    JsonNode p = json.readTree(res.getResponse().getContentAsString());
    assertThat(p.path("errors").get(0).path("field").asString()).isEqualTo(field);
    assertThat(p.path("errors").get(0).path("message").asString()).contains(text);
  }

  /** The data rows with the indicator's name blanked (its texts are checked elsewhere). */
  private static List<List<Object>> withoutNames(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> r : rows.subList(1, rows.size())) {
      List<Object> copy = new ArrayList<>(r);
      assertThat(copy.get(3)).isNotNull();
      copy.set(3, null);
      out.add(copy);
    }
    return out;
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM assessment_report").query(Long.class).single();
  }

  private Table table(ReportPeriod p, LocalDate today) {
    return tables.table(HEPING, null, Level.STREET, p.from(), p.to(today), Instant.now());
  }

  private static Row row(Table t, String unit) {
    return t.units().stream().filter(r -> r.unit().code().equals(unit)).findFirst().orElseThrow();
  }

  /**
   * The table sheet's rows as the report must write them, from the table (and the month before).
   */
  private static List<List<Object>> expected(
      Table table, Table before, String total, String direct) {
    Map<String, Row> previous = new HashMap<>();
    if (before != null) {
      previous.put("total", before.total());
      before
          .units()
          .forEach(r -> previous.put((r.unit().direct() ? "d" : "") + r.unit().code(), r));
    }
    List<List<Object>> rows = new ArrayList<>();
    addExpected(
        rows,
        table,
        table.total(),
        total.formatted(table.name()),
        previous.get("total"),
        before != null);
    for (Row r : table.units()) {
      String name = r.unit().direct() ? direct.formatted(r.unit().name()) : r.unit().name();
      Row p = previous.get((r.unit().direct() ? "d" : "") + r.unit().code());
      addExpected(rows, table, r, name, p, before != null);
    }
    return rows;
  }

  private static void addExpected(
      List<List<Object>> rows, Table table, Row r, String name, Row previous, boolean compare) {
    for (Indicator i : table.indicators()) {
      Figure f = r.figures().get(i.code());
      if (f == null) {
        continue;
      }
      List<Object> cells = new ArrayList<>();
      cells.add(r.unit().code());
      cells.add(name);
      cells.add(i.code());
      cells.add(null); // the indicator's name: compared below by code only
      cells.add(f.value());
      cells.add(f.numerator() == null ? null : f.numerator().doubleValue());
      cells.add(f.denominator() == null ? null : f.denominator().doubleValue());
      if (compare) {
        Figure p = previous == null ? null : previous.figures().get(i.code());
        Double pv = p == null ? null : p.value();
        cells.add(pv);
        cells.add(
            pv == null || f.value() == null ? null : Math.round((f.value() - pv) * 100) / 100.0);
      }
      rows.add(cells);
    }
  }

  private void addCases(IndicatorFixture f) {
    String g1 = f.grids.get(0);
    String g2 = f.grids.get(1);
    long c1 =
        f.addCase(
            g1,
            "GENERAL_HAZARD",
            "CLOSED",
            "2026-02-01T02:00:00Z",
            "2026-03-01T09:00:00Z",
            "2026-02-20T03:00:00Z",
            true,
            null);
    long c2 =
        f.addCase(
            g1,
            "MAJOR_HAZARD",
            "CLOSED",
            "2026-02-05T02:00:00Z",
            "2026-03-10T09:00:00Z",
            "2026-03-15T03:00:00Z",
            false,
            null);
    f.addCase(
        g2,
        "OTHER",
        "RECTIFYING",
        "2026-01-01T02:00:00Z",
        "2026-02-01T09:00:00Z",
        null,
        null,
        "2026-02-01T09:00:00Z");
    f.addEvent(c1, "DISPATCH", "2026-02-10T02:00:00Z", null);
    f.addEvent(c2, "DISPATCH", "2026-02-10T02:00:00Z", null);
  }

  private static String format(Double v) {
    return new java.text.DecimalFormat(
            "0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
        .format(v);
  }

  static String body(String kind, String unit, String period, String lang) {
    return "{\"kind\":\"%s\",\"unit\":\"%s\",\"period\":\"%s\",\"lang\":\"%s\"}"
        .formatted(kind, unit, period, lang);
  }

  private int status(String username, String body, String lang) throws Exception {
    return mvc.perform(
            post("/api/v1/assessment-reports")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .header("Accept-Language", lang)
                .with(user(users.loadUserByUsername(username))))
        .andReturn()
        .getResponse()
        .getStatus();
  }

  private JsonNode generate(String username, String kind, String unit, String period, String lang)
      throws Exception {
    MvcResult res =
        mvc.perform(
                post("/api/v1/assessment-reports")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body(kind, unit, period, lang))
                    .with(user(users.loadUserByUsername(username))))
            .andReturn();
    assertThat(res.getResponse().getStatus())
        .as(res.getResponse().getContentAsString())
        .isEqualTo(201);
    JsonNode r = json.readTree(res.getResponse().getContentAsString());
    reports.add(r.path("id").asLong());
    return r;
  }

  private byte[] download(String username, long id, String format) throws Exception {
    MvcResult res =
        mvc.perform(
                get("/api/v1/assessment-reports/" + id + "." + format)
                    .with(user(users.loadUserByUsername(username))))
            .andReturn();
    assertThat(res.getResponse().getStatus()).isEqualTo(200);
    return res.getResponse().getContentAsByteArray();
  }
}
