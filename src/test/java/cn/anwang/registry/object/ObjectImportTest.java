package cn.anwang.registry.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.area.GridLocator;
import cn.anwang.area.Location;
import cn.anwang.shared.uscc.UsccGenerator;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /api/v1/objects/import} with real files (CSV in UTF-8 and GBK, .xlsx written by POI)
 * on the embedded PostgreSQL, as the demo administrators of 和平区.
 */
@IntegrationTest
class ObjectImportTest {

  static final String HEADER = "统一社会信用代码,名称,对象类型,地址,经度,纬度,行业代码,规模,从业人数,危险特征,联系人,联系电话,状态";
  static final AtomicInteger SEQ = new AtomicInteger();
  static final UsccGenerator USCC = new UsccGenerator(new Random(System.nanoTime()));

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired GridLocator locator;
  @Autowired TestRestTemplate rest;

  // ------------------------------------------------------------------ the happy path

  @Test
  void aDryRunWritesNothingThenTheImportCreatesEveryRowWithGridRiskDepartmentsAndHistory()
      throws Exception {
    String tag = tag();
    double[] p = hepingPoint(0);
    Location where = locator.locate(p[0], p[1]).orElseThrow();
    String uscc = USCC.nextEnterprise("120101");
    String csv =
        HEADER
            + "\n"
            + row(uscc, tag + "化工贸易有限公司", "企业", tag + "南京路1号", p, "C2614", "小型", "12", "危险化学品", "")
            + "\n"
            + row("", tag + "小饭馆", "小商铺", tag + "南京路2号", p, "H6210", "微型", "3", "燃气、人员密集", "")
            + "\n"
            + row("", tag + "住户", "家庭户", tag + "南京路3号", p, "", "", "", "", "");
    JsonNode dry = importCsv("heping.admin", csv, StandardCharsets.UTF_8, "?dryRun=true", 200);
    assertThat(dry.get("rowsRead").asLong()).isEqualTo(3);
    assertThat(dry.get("validRows").asLong()).isEqualTo(3);
    assertThat(dry.get("written").asBoolean()).isFalse();
    assertThat(dry.get("created").asLong()).isZero();
    assertThat(dry.get("acceptable").asBoolean()).isTrue();
    assertThat(dry.get("encoding").asString()).isEqualTo("UTF-8");
    assertThat(countTagged(tag)).isZero();

    JsonNode done = importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 200);
    assertThat(done.get("created").asLong()).isEqualTo(3);
    assertThat(done.get("written").asBoolean()).isTrue();
    assertThat(countTagged(tag)).isEqualTo(3);

    var stored =
        jdbc.sql(
                "SELECT id, grid_code, street_code, risk_level, industry_code, uscc, version"
                    + " FROM supervised_object WHERE uscc = ?")
            .param(uscc)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getInt(7)
                    })
            .single();
    long id = (Long) stored[0];
    assertThat(stored[1]).isEqualTo(where.grid().code());
    assertThat(stored[2]).isEqualTo(where.street().code());
    assertThat(stored[3]).isEqualTo("ORANGE");
    assertThat(stored[4]).isEqualTo("2614");
    assertThat(stored[6]).isEqualTo(0);
    assertThat(
            jdbc.sql("SELECT count(*) FROM object_department WHERE object_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql("SELECT actor || ':' || action FROM object_history WHERE object_id = ?")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("heping.admin:import");
    // the imported object is a normal object of the API
    JsonNode viaApi =
        json.readTree(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/v1/objects/" + id)
                        .with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(viaApi.get("name").asString()).isEqualTo(tag + "化工贸易有限公司");
    // the text search (its bigram index) finds imported objects by a fragment of name or address
    JsonNode found =
        json.readTree(
            mvc.perform(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                            "/api/v1/objects")
                        .param("q", tag + "南京路")
                        .with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(found.get("total").asLong()).isEqualTo(3);
    assertThat(viaApi.get("hazards").toString()).contains("HAZARDOUS_CHEMICALS");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'object.import'"
                        + " AND actor_username = 'heping.admin' AND target_id = 'objects.csv'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  @Test
  void theSameFileImportedTwiceCreatesNothingTheSecondTime() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(1);
    String csv =
        HEADER
            + "\n"
            + row(
                USCC.nextEnterprise("120101"),
                tag + "甲公司",
                "企业",
                tag + "路1号",
                p,
                "F5211",
                "",
                "",
                "",
                "")
            + "\n"
            + row("", tag + "乙商铺", "小商铺", tag + "路2号", p, "", "", "", "", "");
    importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 200);
    JsonNode again = importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 422);
    assertThat(again.get("created").asLong()).isZero();
    assertThat(again.get("duplicates").asLong()).isEqualTo(2);
    assertThat(again.get("problems").get(0).get("reason").asString()).contains("已登记");
    JsonNode validRows =
        importCsv("heping.admin", csv, StandardCharsets.UTF_8, "?mode=VALID_ROWS", 422);
    assertThat(validRows.get("created").asLong()).isZero();
    assertThat(countTagged(tag)).isEqualTo(2);
  }

  @Test
  void aDoubleSubmissionImportsTheFileOnce() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(2);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < 40; i++) {
      csv.append('\n')
          .append(
              row(
                  USCC.nextEnterprise("120101"),
                  tag + "并发" + i,
                  "企业",
                  tag + "并发路" + i + "号",
                  p,
                  "",
                  "",
                  "",
                  "",
                  ""));
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Integer> post =
          () -> {
            Path file = Files.createTempFile("double", ".csv");
            try {
              Files.write(file, bytes);
              return upload(file, "heping.admin", "").getStatusCode().value();
            } finally {
              Files.delete(file);
            }
          };
      Future<Integer> a = pool.submit(post);
      Future<Integer> b = pool.submit(post);
      assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 422);
    } finally {
      pool.shutdown();
    }
    assertThat(countTagged(tag)).isEqualTo(40);
  }

  // ------------------------------------------------------------------ codes

  @Test
  void everyBadCodeIsReportedByRowAndColumnAndNothingIsImported() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(3);
    String good = USCC.nextEnterprise("120101");
    char wrongCheck = good.charAt(17) == '0' ? '1' : '0';
    String[] codes = {
      good.substring(0, 17) + wrongCheck, // wrong check character (row 2)
      good.substring(0, 17), // 17 characters (row 3)
      good + "1", // 19 characters (row 4)
      good.substring(0, 10) + "I" + good.substring(11), // I (row 5)
      good.substring(0, 10) + "O" + good.substring(11), // O (row 6)
      good.substring(0, 10) + "S" + good.substring(11), // S (row 7)
      good.substring(0, 10) + "V" + good.substring(11), // V (row 8)
      good.substring(0, 10) + "Z" + good.substring(11), // Z (row 9)
    };
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < codes.length; i++) {
      csv.append('\n')
          .append(row(codes[i], tag + "代码" + i, "企业", tag + "代码路" + i, p, "", "", "", "", ""));
    }
    String lower = USCC.nextEnterprise("120101");
    while (lower.chars().noneMatch(Character::isLetter)) {
      lower = USCC.nextEnterprise("120101");
    }
    csv.append('\n')
        .append(row(lower.toLowerCase(), tag + "小写", "企业", tag + "小写路", p, "", "", "", "", ""));

    JsonNode report = importCsv("heping.admin", csv.toString(), StandardCharsets.UTF_8, "", 422);
    assertThat(report.get("rowsRead").asLong()).isEqualTo(9);
    assertThat(report.get("rejectedRows").asLong()).isEqualTo(8);
    assertThat(report.get("validRows").asLong()).isEqualTo(1);
    assertThat(report.get("created").asLong()).isZero();
    assertThat(countTagged(tag)).isZero();
    assertThat(reasons(report, 2)).anyMatch(r -> r.contains("校验码（第 18 位）"));
    assertThat(reasons(report, 3)).anyMatch(r -> r.contains("当前为 17 位"));
    assertThat(reasons(report, 4)).anyMatch(r -> r.contains("当前为 19 位"));
    for (int row = 5; row <= 9; row++) {
      assertThat(reasons(report, row)).anyMatch(r -> r.contains("不允许使用"));
    }
    assertThat(reasons(report, 10)).isEmpty();
    for (JsonNode problem : report.get("problems")) {
      assertThat(problem.get("column").asString()).isEqualTo("统一社会信用代码");
      assertThat(problem.get("columnKey").asString()).isEqualTo("uscc");
    }

    // the valid (lower-case) row alone goes in when the user asks for the valid rows
    JsonNode valid =
        importCsv("heping.admin", csv.toString(), StandardCharsets.UTF_8, "?mode=VALID_ROWS", 200);
    assertThat(valid.get("created").asLong()).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT uscc FROM supervised_object WHERE name = ?")
                .param(tag + "小写")
                .query(String.class)
                .single())
        .isEqualTo(lower);
    assertThat(countTagged(tag)).isEqualTo(1);
  }

  @Test
  void aFailingCodeWithAReasonIsKeptAndAudited() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(4);
    String good = USCC.nextEnterprise("120101");
    String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
    String csv =
        HEADER
            + ",校验码例外原因\n"
            + row(bad, tag + "例外", "企业", tag + "例外路", p, "", "", "", "", "")
            + ",营业执照原件如此，已核实";
    importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 200);
    long id =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE uscc = ? AND uscc_override_reason IS NOT NULL")
            .param(bad)
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'object.uscc.override'"
                        + " AND target_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ other cells

  @Test
  void swappedOrOutsideCoordinatesUnknownIndustryKindAndHazardAreReportedInTheChosenLanguage()
      throws Exception {
    String tag = tag();
    double[] p = hepingPoint(5);
    String csv =
        HEADER
            + "\n"
            + row("", tag + "反", "小商铺", tag + "a", new double[] {p[1], p[0]}, "", "", "", "", "")
            + "\n"
            + row("", tag + "外", "小商铺", tag + "b", new double[] {121.47, 31.23}, "", "", "", "", "")
            + "\n"
            + row("", tag + "业", "小商铺", tag + "c", p, "C9999", "", "", "", "")
            + "\n"
            + row("", tag + "类", "大商场", tag + "d", p, "", "", "", "", "")
            + "\n"
            + row("", tag + "险", "小商铺", tag + "e", p, "", "", "", "核辐射", "")
            + "\n"
            + row("", tag + "数", "小商铺", tag + "f", p, "", "", "十二", "", "")
            + "\n"
            + row("", "", "小商铺", tag + "g", p, "", "", "", "", "");
    JsonNode zh = importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 422);
    assertThat(reasons(zh, 2)).anyMatch(r -> r.contains("填反"));
    assertThat(column(zh, 2)).isEqualTo("经度");
    assertThat(reasons(zh, 3)).anyMatch(r -> r.contains("不在天津市范围内"));
    assertThat(reasons(zh, 4)).anyMatch(r -> r.contains("9999") && r.contains("GB/T 4754"));
    assertThat(column(zh, 4)).isEqualTo("行业代码");
    assertThat(reasons(zh, 5)).anyMatch(r -> r.contains("大商场") && r.contains("小商铺"));
    assertThat(reasons(zh, 6)).anyMatch(r -> r.contains("核辐射"));
    assertThat(reasons(zh, 7)).anyMatch(r -> r.contains("十二"));
    assertThat(reasons(zh, 8)).anyMatch(r -> r.contains("必填"));
    assertThat(column(zh, 8)).isEqualTo("名称");
    assertThat(countTagged(tag)).isZero();

    MockMultipartFile file =
        new MockMultipartFile(
            "file", "objects.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    JsonNode en =
        json.readTree(
            mvc.perform(
                    multipart("/api/v1/objects/import")
                        .file(file)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .with(demo("heping.admin")))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(reasons(en, 2)).anyMatch(r -> r.contains("swapped"));
    assertThat(reasons(en, 3)).anyMatch(r -> r.contains("outside Tianjin"));
    assertThat(reasons(en, 6)).anyMatch(r -> r.contains("Unknown hazard feature"));
  }

  @Test
  void duplicatesInsideTheFileNameTheFirstRow() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(6);
    String code = USCC.nextEnterprise("120101");
    String csv =
        HEADER
            + "\n"
            + row(code, tag + "原", "企业", tag + "一号", p, "", "", "", "", "")
            + "\n"
            + row(code, tag + "同码", "企业", tag + "二号", p, "", "", "", "", "")
            + "\n"
            + row("", tag + "同名", "小商铺", tag + "三号", p, "", "", "", "", "")
            + "\n"
            + row("", tag + "同名", "小商铺", tag + "三号", p, "", "", "", "", "");
    JsonNode report = importCsv("heping.admin", csv, StandardCharsets.UTF_8, "", 422);
    assertThat(reasons(report, 3)).containsExactly("统一社会信用代码与第 2 行重复");
    assertThat(reasons(report, 5)).containsExactly("名称和地址与第 4 行相同");
    assertThat(report.get("duplicates").asLong()).isEqualTo(2);
    assertThat(countTagged(tag)).isZero();
  }

  @Test
  void aFileThatBreaksAfterSeveralBatchesLeavesNothingBehind() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(11);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < ObjectImport.BATCH + 500; i++) {
      csv.append('\n').append(row("", tag + "批" + i, "小商铺", tag + "批路" + i, p, "", "", "", "", ""));
    }
    csv.append('\n').append(row("", tag + "坏\uFFFD", "小商铺", tag + "坏路", p, "", "", "", "", ""));
    MockMultipartFile file =
        new MockMultipartFile(
            "file", "broken.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo("heping.admin")))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.row")
                .value(ObjectImport.BATCH + 502));
    assertThat(countTagged(tag)).as("the first batches were rolled back").isZero();
  }

  @Test
  void problemsFromEveryBatchAreReportedInRowOrderAndTheValidRowsImported() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(12);
    StringBuilder csv = new StringBuilder(HEADER);
    int rows = ObjectImport.BATCH * 2 + 10;
    for (int i = 0; i < rows; i++) {
      String kind = i % 1000 == 7 ? "大商场" : "小商铺";
      csv.append('\n').append(row("", tag + "序" + i, kind, tag + "序路" + i, p, "", "", "", "", ""));
    }
    JsonNode report =
        importCsv("heping.admin", csv.toString(), StandardCharsets.UTF_8, "?mode=VALID_ROWS", 200);
    List<Integer> problemRows = new ArrayList<>();
    report.get("problems").forEach(problem -> problemRows.add(problem.get("row").asInt()));
    assertThat(problemRows).containsExactly(9, 1009, 2009, 3009, 4009);
    assertThat(report.get("created").asLong()).isEqualTo(rows - 5);
    assertThat(countTagged(tag)).isEqualTo(rows - 5);
  }

  @Test
  void anUploadWithoutAFileNameIsImportedAndAuditedUnderAName() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(13);
    String csv = HEADER + "\n" + row("", tag + "无名", "小商铺", tag + "无名路", p, "", "", "", "", "");
    MockMultipartFile file =
        new MockMultipartFile("file", "", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo("heping.admin")))
        .andExpect(status().isOk());
    assertThat(countTagged(tag)).isEqualTo(1);
    long id =
        jdbc.sql("SELECT id FROM supervised_object WHERE name = ?")
            .param(tag + "无名")
            .query(Long.class)
            .single();
    assertThat(
            jdbc.sql("SELECT changes::text FROM object_history WHERE object_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .contains("\"upload\"", "\"row\"");
  }

  // ------------------------------------------------------------------ encodings and workbooks

  @Test
  void aGbkFileDeclaredAsUtf8IsReadAsGbkWithAWarning() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(7);
    String csv =
        HEADER
            + "\r\n"
            + row("", tag + "五金店", "小商铺", tag + "和平路八号", p, "F5274", "微型", "2", "", "")
            + "\r\n";
    byte[] gbk = csv.getBytes(Charset.forName("GBK"));
    MockMultipartFile file =
        new MockMultipartFile("file", "五金.csv", "text/csv; charset=UTF-8", gbk);
    JsonNode report =
        json.readTree(
            mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.get("encoding").asString()).contains("GB");
    assertThat(report.get("warnings").toString()).contains("UTF-8").contains("GBK");
    assertThat(
            jdbc.sql("SELECT address FROM supervised_object WHERE name = ?")
                .param(tag + "五金店")
                .query(String.class)
                .single())
        .isEqualTo(tag + "和平路八号");
  }

  @Test
  void aWorkbookWithAMergedTitleAnExtraSheetAndEmptyRowsIsRead() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(8);
    byte[] xlsx;
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("对象");
      sheet.createRow(0).createCell(0).setCellValue("和平区监督管理对象登记表（2026 年）");
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 12));
      String[] header = HEADER.split(",");
      XSSFRow h = sheet.createRow(1);
      for (int c = 0; c < header.length; c++) {
        h.createCell(c).setCellValue(header[c]);
      }
      // rows 3 and 5 hold data; row 4 is empty; rows 6-7 are empty
      writeRow(sheet.createRow(2), tag + "工作簿甲", "企业", p, USCC.nextEnterprise("120101"));
      sheet.createRow(3);
      writeRow(sheet.createRow(4), tag + "工作簿乙", "小作坊", p, "");
      sheet.createRow(5).createCell(0).setCellValue("   ");
      workbook.createSheet("说明").createRow(0).createCell(0).setCellValue("填表说明：……");
      workbook.write(out);
      xlsx = out.toByteArray();
    }
    MockMultipartFile file =
        new MockMultipartFile(
            "file",
            "对象.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            xlsx);
    JsonNode report =
        json.readTree(
            mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo("heping.admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    assertThat(report.get("format").asString()).isEqualTo("XLSX");
    assertThat(report.get("sheet").asString()).isEqualTo("对象");
    assertThat(report.get("rowsRead").asLong()).isEqualTo(2);
    assertThat(report.get("emptyRowsSkipped").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(countTagged(tag)).isEqualTo(2);
  }

  private static void writeRow(XSSFRow row, String name, String kind, double[] p, String uscc) {
    row.createCell(0).setCellValue(uscc);
    row.createCell(1).setCellValue(name);
    row.createCell(2).setCellValue(kind);
    row.createCell(3).setCellValue(name + "的地址");
    row.createCell(4).setCellValue(p[0]);
    row.createCell(5).setCellValue(p[1]);
    row.createCell(8).setCellValue(5);
  }

  // ------------------------------------------------------------------ files that are not tables

  @Test
  void filesThatAreNotTablesAreRefusedWith400AndAReason() throws Exception {
    expectUnreadable(new byte[0], "empty.csv", "EMPTY_FILE");
    expectUnreadable(
        new byte[] {
          (byte) 0xD0,
          (byte) 0xCF,
          0x11,
          (byte) 0xE0,
          (byte) 0xA1,
          (byte) 0xB1,
          0x1A,
          (byte) 0xE1,
          0,
          0,
          0,
          0
        },
        "old.xls",
        "OLD_EXCEL");
    expectUnreadable(
        "<html><body><table><tr><td>名称</td></tr></table></body></html>"
            .getBytes(StandardCharsets.UTF_8),
        "saved-from-web.xls",
        "HTML");
    expectUnreadable(
        "甲,乙,丙\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "x.csv", "HEADER_NOT_FOUND");
    expectUnreadable(
        "名称,对象类型,地址\n某店,小商铺,某路\n".getBytes(StandardCharsets.UTF_8), "x.csv", "MISSING_COLUMNS");
    expectUnreadable(
        (HEADER + "\n").getBytes(StandardCharsets.UTF_8), "header-only.csv", "NO_DATA");
    expectUnreadable(
        new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8}, "truncated.xlsx", "CORRUPT_WORKBOOK");
  }

  private void expectUnreadable(byte[] bytes, String name, String reason) throws Exception {
    MockMultipartFile file = new MockMultipartFile("file", name, "application/octet-stream", bytes);
    mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo("heping.admin")))
        .andExpect(status().isBadRequest())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.reason")
                .value(reason))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                .isNotEmpty());
  }

  @Test
  void aFiftyMegabyteFileIsStreamedAndAFileAboveTheLimitIsRefusedWith413() throws Exception {
    String tag = tag();
    double[] p = hepingPoint(9);
    Path big = Files.createTempFile("objects-50mb", ".csv");
    Path huge = Files.createTempFile("objects-huge", ".csv");
    try {
      String padding = "备注".repeat(2000); // 12 KB of an unknown column per row
      try (OutputStream out = Files.newOutputStream(big)) {
        out.write((HEADER + ",备注\n").getBytes(StandardCharsets.UTF_8));
        int i = 0;
        while (Files.size(big) < 50L * 1024 * 1024) {
          out.write(
              (row("", tag + "大文件" + i, "小商铺", tag + "大文件路" + i, p, "", "", "", "", "")
                      + ","
                      + padding
                      + "\n")
                  .getBytes(StandardCharsets.UTF_8));
          i++;
          if (i % 500 == 0) {
            out.flush();
          }
        }
      }
      assertThat(Files.size(big)).isGreaterThanOrEqualTo(50L * 1024 * 1024);
      ResponseEntity<String> ok = upload(big, "heping.admin", "?dryRun=true");
      assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
      JsonNode report = json.readTree(ok.getBody());
      assertThat(report.get("rowsRead").asLong()).isGreaterThan(4000);
      assertThat(report.get("validRows").asLong()).isEqualTo(report.get("rowsRead").asLong());
      assertThat(report.get("warnings").toString()).contains("备注");

      try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
        f.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        f.setLength(110L * 1024 * 1024);
      }
      ResponseEntity<String> refused = upload(huge, "heping.admin", "");
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
      assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
      assertThat(countTagged(tag)).isZero();
    } finally {
      Files.deleteIfExists(big);
      Files.deleteIfExists(huge);
    }
  }

  // ------------------------------------------------------------------ scope

  @Test
  void aStreetAdministratorImportsOnlyIntoItsStreetAndOtherRolesMayNotImport() throws Exception {
    String tag = tag();
    double[] inStreet = hepingPoint(10);
    String street = locator.locate(inStreet[0], inStreet[1]).orElseThrow().street().code();
    assertThat(street).isEqualTo("120101001");
    double[] elsewhere = hepingPointOutside("120101001");
    String csv =
        HEADER
            + "\n"
            + row("", tag + "本街道", "小商铺", tag + "本街道路", inStreet, "", "", "", "", "")
            + "\n"
            + row("", tag + "外街道", "小商铺", tag + "外街道路", elsewhere, "", "", "", "", "");
    JsonNode report = importCsv("heping.street", csv, StandardCharsets.UTF_8, "", 422);
    assertThat(reasons(report, 3)).anyMatch(r -> r.contains("不在您的辖区内"));
    assertThat(reasons(report, 2)).isEmpty();
    assertThat(countTagged(tag)).isZero();

    MockMultipartFile file =
        new MockMultipartFile("file", "o.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    for (String user : List.of("heping.officer", "auditor")) {
      mvc.perform(multipart("/api/v1/objects/import").file(file).with(demo(user)))
          .andExpect(status().isForbidden());
    }
    assertThat(countTagged(tag)).isZero();
  }

  // ------------------------------------------------------------------ helpers

  private JsonNode importCsv(
      String user, String csv, Charset charset, String query, int expectedStatus) throws Exception {
    MockMultipartFile file =
        new MockMultipartFile("file", "objects.csv", "text/csv", csv.getBytes(charset));
    ResultActions result =
        mvc.perform(
            multipart("/api/v1/objects/import" + query)
                .file(file)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")
                .with(demo(user)));
    String body = result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(result.andReturn().getResponse().getStatus()).as(body).isEqualTo(expectedStatus);
    return json.readTree(body);
  }

  private ResponseEntity<String> upload(Path file, String user, String query) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("file", new FileSystemResource(file));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN");
    return rest.withBasicAuth(user, ObjectApiTest.DEMO_PASSWORD)
        .postForEntity(
            "/api/v1/objects/import" + query, new HttpEntity<>(parts, headers), String.class);
  }

  private static List<String> reasons(JsonNode report, int row) {
    List<String> reasons = new ArrayList<>();
    for (JsonNode problem : report.get("problems")) {
      if (problem.get("row").asInt() == row) {
        reasons.add(problem.get("reason").asString());
      }
    }
    return reasons;
  }

  private static String column(JsonNode report, int row) {
    for (JsonNode problem : report.get("problems")) {
      if (problem.get("row").asInt() == row) {
        return problem.get("column").asString();
      }
    }
    return null;
  }

  private static String row(
      String uscc,
      String name,
      String kind,
      String address,
      double[] p,
      String industry,
      String scale,
      String employees,
      String hazards,
      String phone) {
    return String.join(
        ",",
        uscc,
        name,
        kind,
        address,
        String.valueOf(p[0]),
        String.valueOf(p[1]),
        industry,
        scale,
        employees,
        hazards,
        "",
        phone,
        "");
  }

  private long countTagged(String tag) {
    return jdbc.sql("SELECT count(*) FROM supervised_object WHERE name LIKE ?")
        .param(tag + "%")
        .query(Long.class)
        .single();
  }

  /** A prefix that makes this test's names unique in the shared database. */
  private static String tag() {
    return "导" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
  }

  /** The centre of the n-th demo grid of 和平区's first street that the locator places there. */
  private double[] hepingPoint(int n) {
    List<double[]> found = new ArrayList<>();
    jdbc.sql(
            "SELECT min_lon, min_lat, max_lon, max_lat FROM grid WHERE synthetic"
                + " AND division_code LIKE '120101001%' ORDER BY code LIMIT 60")
        .query(
            rs -> {
              double lon = (rs.getDouble(1) + rs.getDouble(3)) / 2;
              double lat = (rs.getDouble(2) + rs.getDouble(4)) / 2;
              var l = locator.locate(lon, lat);
              if (l.isPresent() && l.get().street().code().equals("120101001")) {
                found.add(new double[] {lon, lat});
              }
            });
    return found.get(n % found.size());
  }

  private double[] hepingPointOutside(String street) {
    List<double[]> found = new ArrayList<>();
    jdbc.sql(
            "SELECT min_lon, min_lat, max_lon, max_lat FROM grid WHERE synthetic"
                + " AND division_code LIKE '120101%' AND division_code NOT LIKE ? ORDER BY code"
                + " LIMIT 60")
        .param(street + "%")
        .query(
            rs -> {
              double lon = (rs.getDouble(1) + rs.getDouble(3)) / 2;
              double lat = (rs.getDouble(2) + rs.getDouble(4)) / 2;
              var l = locator.locate(lon, lat);
              if (l.isPresent() && !l.get().street().code().equals(street)) {
                found.add(new double[] {lon, lat});
              }
            });
    return found.get(0);
  }

  private static org.springframework.test.web.servlet.request.RequestPostProcessor demo(
      String user) {
    return httpBasic(user, ObjectApiTest.DEMO_PASSWORD);
  }
}
