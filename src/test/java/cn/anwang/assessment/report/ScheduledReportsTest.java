package cn.anwang.assessment.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.shared.files.FileStore;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler's run on 1 January 2026 over one street of 和平区: last month's MONTHLY and last
 * year's ANNUAL, stored once however often it runs, files that read back.
 */
@IntegrationTest
class ScheduledReportsTest {

  @Autowired ScheduledReports scheduled;
  @Autowired ReportGenerator generator;
  @Autowired JdbcClient jdbc;

  private String street;

  @AfterEach
  void removeReports() {
    jdbc.sql(
            "DELETE FROM assessment_report WHERE unit_code = ? AND period IN ('2025-12', '2025')"
                + " AND generated_by IS NULL")
        .param(street)
        .update();
  }

  @Test
  void generatesLastMonthAndLastYearOnceHoweverOftenItRuns() throws Exception {
    street =
        jdbc.sql(
                "SELECT code FROM division WHERE code LIKE '120101%' AND length(code) = 9"
                    + " ORDER BY code LIMIT 1")
            .query(String.class)
            .single();
    LocalDate newYear = LocalDate.of(2026, 1, 1);
    assertThat(scheduled.run(newYear, street)).isEqualTo(2);
    assertThat(scheduled.run(newYear, street)).isZero();

    List<StoredReport> stored = generator.list(street, street, null, 10);
    assertThat(stored)
        .extracting(StoredReport::kind, StoredReport::period, StoredReport::generatedBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ReportKind.MONTHLY, "2025-12", null),
            org.assertj.core.groups.Tuple.tuple(ReportKind.ANNUAL, "2025", null));
    for (StoredReport r : stored) {
      byte[] xlsx = generator.file(r.id(), "xlsx");
      byte[] pdf = generator.file(r.id(), "pdf");
      assertThat(FileStore.sha256(xlsx)).isEqualTo(r.xlsxSha256());
      assertThat(FileStore.sha256(pdf)).isEqualTo(r.pdfSha256());
      assertThat(pdf.length).isEqualTo(r.pdfSize());
      try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
        assertThat(wb.getSheet("指标表")).isNotNull();
      }
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        assertThat(new PDFTextStripper().getText(doc)).contains(r.unitName(), "系统定时生成");
      }
    }
    // the scheduler's key: a second scheduled row of the same report cannot exist
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM assessment_report WHERE unit_code = ?"
                        + " AND generated_by IS NULL")
                .param(street)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }
}
