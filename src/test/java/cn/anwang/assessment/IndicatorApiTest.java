package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.anwang.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The indicators of a small example checked by hand: five cases in one village over the first half
 * of 2026, the figures of the village, of its grids and of its row in the street's table, the
 * records behind a figure, and the refusals.
 */
@IntegrationTest
class IndicatorApiTest {

  private static final String FROM = "2026-01-01";
  private static final String TO = "2026-06-30";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired UserDetailsService users;

  @Test
  void aVillagesFiguresAreTheHandCountedOnesAndDrillToTheirCases() throws Exception {
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      String g1 = f.grids.get(0);
      String g2 = f.grids.get(1);
      // before any case: the village's case figures are 0 / 0, without a value
      JsonNode empty = table("heping.admin", f.village, null).path("total").path("figures");
      assertThat(empty.path("case.closeRate").path("denominator").asLong()).isZero();
      assertThat(empty.path("case.closeRate").path("value").isNull()).isTrue();
      // c1: a hazard due in March, closed on time; c2: a major hazard closed late after a rework
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
      // c3: due in April, still rectifying and past its stage deadline
      long c3 =
          f.addCase(
              g2,
              "OTHER",
              "RECTIFYING",
              "2026-03-01T02:00:00Z",
              "2026-04-01T09:00:00Z",
              null,
              null,
              "2026-04-01T09:00:00Z");
      // c4: a hazard registered in May, due after the period, not overdue
      long c4 =
          f.addCase(
              g2,
              "GENERAL_HAZARD",
              "DISPATCHED",
              "2026-05-01T02:00:00Z",
              "2026-08-01T09:00:00Z",
              null,
              null,
              "2099-01-01T00:00:00Z");
      // c5: voided before registration, its deadline inside the period: never counted as due
      f.addCase(g1, "GENERAL_HAZARD", "VOIDED", null, "2026-03-01T09:00:00Z", null, null, null);
      for (long c : List.of(c1, c2, c3, c4)) {
        f.addEvent(c, "DISPATCH", "2026-02-10T02:00:00Z", null);
      }
      f.addEvent(c3, "RETURN", "2026-03-02T02:00:00Z", null);
      f.addEvent(c3, "DISPATCH", "2026-03-03T02:00:00Z", null);
      f.addEvent(c2, "APPROVE_EXTENSION", "2026-03-01T02:00:00Z", null);
      f.addEvent(c1, "REINSPECT_PASS", "2026-02-19T02:00:00Z", true);
      f.addEvent(c2, "REWORK", "2026-03-05T02:00:00Z", true);
      f.addEvent(c2, "REINSPECT_PASS", "2026-03-14T02:00:00Z", false);

      JsonNode village = table("heping.admin", f.village, null);
      JsonNode total = village.path("total").path("figures");
      // due: c1, c2, c3 (c4 after the period, c5 voided)
      assertFigure(total, "case.closeRate", 2, 3, 66.67);
      assertFigure(total, "case.onTimeRate", 1, 3, 33.33);
      assertFigure(total, "case.reworkRate", 1, 3, 33.33);
      assertFigure(total, "case.extensionRate", 1, 3, 33.33);
      // open now: c3 and c4, c3 overdue
      assertFigure(total, "case.overdueRate", 1, 2, 50.0);
      // five dispatches, one returned
      assertFigure(total, "case.wrongDispatchRate", 1, 5, 20.0);
      // three re-inspections, two on time
      assertFigure(total, "case.reinspectionTimeliness", 2, 3, 66.67);
      long objects = f.objects();
      JsonNode density = total.path("hazard.perHundredObjects");
      assertThat(density.path("numerator").asLong()).isEqualTo(3);
      assertThat(density.path("denominator").asLong()).isEqualTo(objects);
      if (objects > 0) {
        assertThat(density.path("value").asDouble())
            .isEqualTo(Math.round(300.0 / objects * 100) / 100.0);
      }
      // no officer in the village: none of its grids is covered
      assertFigure(total, "grid.coverage", 0, f.grids.size(), 0.0);
      // the village is below the street: public reports are not computed at this level
      assertThat(total.has("publicReport.hoursToVerification")).isFalse();
      assertThat(village.path("rows").asText()).isEqualTo("GRID");

      // per grid: g1 has c1 and c2 due, both closed; g2 has c3 due, open
      assertFigure(unit(village, g1), "case.closeRate", 2, 2, 100.0);
      assertFigure(unit(village, g2), "case.closeRate", 0, 1, 0.0);
      assertFigure(unit(village, g1), "grid.coverage", 0, 1, 0.0);

      // the street's table: the village is one of its rows with the same figures
      JsonNode street = table("heping.admin", f.street, null);
      assertThat(street.path("rows").asText()).isEqualTo("VILLAGE");
      assertFigure(unit(street, f.village), "case.closeRate", 2, 3, 66.67);
      assertFigure(unit(street, f.village), "case.wrongDispatchRate", 1, 5, 20.0);
      assertThat(street.path("total").path("figures").has("publicReport.hoursToVerification"))
          .isTrue();

      // the records behind a figure: the due cases of g1, then the closed ones of the village
      assertThat(records("case.closeRate", f.village, g1, "denominator"))
          .containsExactly(Long.toString(c2), Long.toString(c1));
      assertThat(records("case.closeRate", f.village, null, "numerator"))
          .containsExactlyInAnyOrder(Long.toString(c1), Long.toString(c2));
      assertThat(records("case.wrongDispatchRate", f.village, null, "numerator"))
          .containsExactly(Long.toString(c3));
      assertThat(records("grid.coverage", f.village, null, "denominator"))
          .containsExactlyElementsOf(f.grids);
      assertThat(records("grid.coverage", f.village, null, "numerator")).isEmpty();

      // month by month (Beijing time): c1 and c2 due in March, both closed; c3 due in April, open
      JsonNode trend = fetch("/api/v1/indicators/case.closeRate/trend", f.village);
      assertThat(trend.path("months")).hasSize(12);
      assertThat(trend.path("months").get(0).path("figure").path("denominator").asLong()).isZero();
      assertThat(trend.path("months").get(2).path("month").asText()).isEqualTo("2026-03");
      assertThat(trend.path("months").get(2).path("figure").path("value").asDouble())
          .isEqualTo(100.0);
      assertThat(trend.path("months").get(3).path("figure").path("denominator").asLong())
          .isEqualTo(1);
      assertThat(trend.path("months").get(3).path("figure").path("value").asDouble()).isZero();
      // the Excel workbook: the same figures, the village's total first, then its grids
      MvcResult xlsx =
          call(
              "heping.admin",
              get("/api/v1/indicator-table.xlsx")
                  .param("division", f.village)
                  .param("from", FROM)
                  .param("to", TO)
                  .header("Accept-Language", "zh-CN"));
      assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
      try (XSSFWorkbook book =
          new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
        Sheet sheet = book.getSheetAt(0);
        Row header = sheet.getRow(0);
        int close = -1;
        for (int c = 0; c < header.getLastCellNum(); c++) {
          if ("结案率".equals(header.getCell(c).getStringCellValue())) {
            close = c;
          }
        }
        assertThat(close).isPositive();
        Row totalRow = sheet.getRow(1);
        assertThat(totalRow.getCell(0).getStringCellValue()).isEqualTo(f.village);
        assertThat(totalRow.getCell(close).getNumericCellValue()).isEqualTo(66.67);
        assertThat(totalRow.getCell(close + 1).getNumericCellValue()).isEqualTo(2);
        assertThat(totalRow.getCell(close + 2).getNumericCellValue()).isEqualTo(3);
        assertThat(sheet.getLastRowNum()).isEqualTo(1 + f.grids.size());
      }
      // an indicator judged now has no history
      assertThat(fetch("/api/v1/indicators/grid.coverage/trend", f.village).path("months"))
          .isEmpty();
    }
  }

  @Test
  void receiptRateAndPublicityCoverageCountDeliveriesAndDistinctObjects() throws Exception {
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      // due in the period: 3 deliveries, 2 received; the document due in July is not counted
      f.addDocument("2026-03-31", 3, 2);
      f.addDocument("2026-07-15", 4, 0);
      // two activities reach object 1 twice and object 2 once: 2 objects; July's is not counted
      f.addActivity("2026-02-10T02:00:00Z", 900_000_001L, 900_000_002L);
      f.addActivity("2026-04-10T02:00:00Z", 900_000_001L);
      f.addActivity("2026-07-10T02:00:00Z", 900_000_003L);
      JsonNode total = table("heping.admin", f.village, null).path("total").path("figures");
      assertFigure(total, "document.receiptRate", 2, 3, 66.67);
      JsonNode coverage = total.path("publicity.coverage");
      assertThat(coverage.path("numerator").asLong()).isEqualTo(2);
      assertThat(coverage.path("denominator").asLong()).isEqualTo(f.objects());
      assertThat(records("document.receiptRate", f.village, null, "denominator")).hasSize(3);
      assertThat(records("document.receiptRate", f.village, null, "numerator")).hasSize(2);
      assertThat(records("publicity.coverage", f.village, null, "numerator"))
          .containsExactly("900000001", "900000002");

      // patrol tasks due in the period: two red (one done), one blue (done); a yellow one after it
      f.addTask("RED", "2026-03-01", true);
      f.addTask("RED", "2026-04-01", false);
      f.addTask("BLUE", "2026-05-01", true);
      f.addTask("YELLOW", "2026-08-01", true);
      JsonNode patrol = table("heping.admin", f.village, null).path("total").path("figures");
      assertFigure(patrol, "patrol.completion", 2, 3, 66.67);
      assertFigure(patrol, "patrol.completion.RED", 1, 2, 50.0);
      assertFigure(patrol, "patrol.completion.BLUE", 1, 1, 100.0);
      assertThat(patrol.path("patrol.completion.YELLOW").path("value").isNull()).isTrue();
      assertThat(records("patrol.completion.RED", f.village, null, "numerator")).hasSize(1);
      assertThat(records("patrol.completion", f.village, null, "denominator")).hasSize(3);
    }
  }

  @Test
  void trainingCoverageAndUntrainedOnPostAreJudgedOnThePeriodsLastDay() throws Exception {
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      // A trained, no grid; B untrained on g1; C trained on g2; D a candidate, not counted
      long a = f.addOfficer("甲", "ACTIVE");
      long b = f.addOfficer("乙", "ACTIVE");
      long c = f.addOfficer("丙", "ACTIVE");
      f.addOfficer("丁", "CANDIDATE");
      f.certify(a);
      f.certify(c);
      f.assign(b, f.grids.get(0));
      f.assign(c, f.grids.get(1));
      JsonNode village = table("heping.admin", f.village, null);
      JsonNode total = village.path("total").path("figures");
      assertFigure(total, "training.coverage", 2, 3, 66.67);
      assertFigure(total, "training.unqualifiedOnPost", 1, 2, 50.0);
      // two of the village's grids now have an officer
      assertFigure(
          total,
          "grid.coverage",
          2,
          f.grids.size(),
          Math.round(200.0 / f.grids.size() * 100) / 100.0);
      assertThat(records("training.unqualifiedOnPost", f.village, null, "numerator"))
          .containsExactly(Long.toString(b));
      // officers are not placed in grids: not computed per grid
      assertThat(unit(village, f.grids.get(0)).has("training.coverage")).isFalse();
      JsonNode street = table("heping.admin", f.street, null);
      assertFigure(unit(street, f.village), "training.coverage", 2, 3, 66.67);
    }
  }

  @Test
  void staffingComplianceIsTheStaffingPagesJudgement() throws Exception {
    JsonNode district = table("heping.admin", "120101", null);
    MvcResult report = call("heping.admin", get("/api/v1/staffing").param("division", "120101"));
    JsonNode total = json.readTree(report.getResponse().getContentAsString()).path("total");
    assertFigure(
        district.path("total").path("figures"),
        "staffing.compliance",
        total.path("streetsWithin").asLong(),
        total.path("streets").asLong(),
        Math.round(total.path("streetsWithin").asLong() * 10_000.0 / total.path("streets").asLong())
            / 100.0);
    // each street's row is 1 / 1 or 0 / 1, and not computed below the street
    for (JsonNode row : district.path("units")) {
      assertThat(row.path("figures").path("staffing.compliance").path("denominator").asLong())
          .isEqualTo(1);
    }
    String street = district.path("units").get(0).path("unit").path("code").asText();
    JsonNode villages = table("heping.admin", street, null);
    assertThat(villages.path("total").path("figures").has("staffing.compliance")).isTrue();
    assertThat(villages.path("units").get(0).path("figures").has("staffing.compliance")).isFalse();
  }

  @Test
  void outsideTheTerritoryIsNotFoundAndBadParametersAreExplainedInTheReadersLanguage()
      throws Exception {
    assertThat(
            call("xiqing.admin", get("/api/v1/indicator-table").param("division", "120101"))
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(call("heping.officer", get("/api/v1/indicator-table")).getResponse().getStatus())
        .isEqualTo(403);
    MvcResult bad =
        call(
            "heping.admin",
            get("/api/v1/indicator-table")
                .param("division", "12x")
                .header("Accept-Language", "zh-CN"));
    assertThat(bad.getResponse().getStatus()).isEqualTo(422);
    assertThat(bad.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("不是区划代码");
    MvcResult year =
        call(
            "heping.admin",
            get("/api/v1/indicator-table").param("year", "1999").header("Accept-Language", "en"));
    assertThat(year.getResponse().getStatus()).isEqualTo(422);
    assertThat(year.getResponse().getContentAsString()).contains("The year must lie between");
    assertThat(
            call("heping.admin", get("/api/v1/indicators/no.such/records"))
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(
            call(
                    "heping.admin",
                    get("/api/v1/indicators/case.closeRate/records").param("part", "all"))
                .getResponse()
                .getStatus())
        .isEqualTo(422);
    // a unit outside the division asked for is not found
    assertThat(
            call(
                    "heping.admin",
                    get("/api/v1/indicators/case.closeRate/records")
                        .param("division", "120101001")
                        .param("unit", "120102001001"))
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  private JsonNode table(String user, String division, String by) throws Exception {
    MockHttpServletRequestBuilder r =
        get("/api/v1/indicator-table")
            .param("division", division)
            .param("from", FROM)
            .param("to", TO);
    if (by != null) {
      r.param("by", by);
    }
    MvcResult result = call(user, r);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private JsonNode fetch(String path, String division) throws Exception {
    MvcResult result =
        call("heping.admin", get(path).param("division", division).param("year", "2026"));
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    return json.readTree(result.getResponse().getContentAsString());
  }

  private List<String> records(String code, String division, String unit, String part)
      throws Exception {
    MockHttpServletRequestBuilder r =
        get("/api/v1/indicators/" + code + "/records")
            .param("division", division)
            .param("part", part)
            .param("from", FROM)
            .param("to", TO);
    if (unit != null) {
      r.param("unit", unit);
    }
    MvcResult result = call("heping.admin", r);
    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(result.getResponse().getContentAsString())
        .forEach(e -> ids.add(e.path("id").asText()));
    return ids;
  }

  private MvcResult call(String username, MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn();
  }

  private static JsonNode unit(JsonNode table, String code) {
    for (JsonNode row : table.path("units")) {
      if (code.equals(row.path("unit").path("code").asText())) {
        return row.path("figures");
      }
    }
    throw new AssertionError("no row " + code + " in " + table);
  }

  private static void assertFigure(
      JsonNode figures, String code, long numerator, long denominator, double value) {
    JsonNode f = figures.path(code);
    assertThat(f.path("numerator").asLong()).as(code + " numerator").isEqualTo(numerator);
    assertThat(f.path("denominator").asLong()).as(code + " denominator").isEqualTo(denominator);
    assertThat(f.path("value").asDouble()).as(code + " value").isEqualTo(value);
  }
}
