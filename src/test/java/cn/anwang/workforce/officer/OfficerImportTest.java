package cn.anwang.workforce.officer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/officers/import} with real CSV (UTF-8, GBK) and .xlsx files. */
@IntegrationTest
class OfficerImportTest {

  static final String HEADER = "姓名,手机号,身份证号,所属街镇或村居代码,层级,用工方式,执法权,网格编码";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  OfficerFixtures f;

  @BeforeEach
  void setUp() {
    f = new OfficerFixtures(rest, jdbc, json);
  }

  record Result(int status, JsonNode body) {}

  private Result upload(
      String user, byte[] content, String fileName, String query, String language) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    ResponseEntity<String> r =
        rest.withBasicAuth(user, OfficerFixtures.password(user))
            .postForEntity(
                "/api/v1/officers/import" + query, new HttpEntity<>(parts, headers), String.class);
    return new Result(r.getStatusCode().value(), json.readTree(r.getBody()));
  }

  private static byte[] csv(Charset charset, String... rows) {
    return (HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(charset);
  }

  private long countNamed(String prefix) {
    return jdbc.sql("SELECT count(*) FROM officer WHERE name LIKE ?")
        .param(prefix + "%")
        .query(Long.class)
        .single();
  }

  @Test
  void badRowsRefuseTheWholeFileSayingWhyRowByRow() {
    String tag = "导" + OfficerFixtures.SEQ.incrementAndGet();
    String village = f.freeVillage("120101");
    String duplicate = OfficerFixtures.idNumber();
    byte[] file =
        csv(
            StandardCharsets.UTF_8,
            tag + "甲,13812345678," + OfficerFixtures.idNumber() + "," + village + ",村居,在编,否,",
            tag
                + "乙,,"
                + OfficerFixtures.withWrongCheck(OfficerFixtures.idNumber())
                + ","
                + village
                + ",村居,兼职,,",
            tag + "丙,," + OfficerFixtures.idNumber() + ",120101999999,村居,在编,是,",
            tag + "丁,," + duplicate + "," + village.substring(0, 9) + ",街镇,政府购买服务,否,",
            tag + "戊,," + duplicate.toLowerCase() + "," + village + ",村居,政府购买服务,否,");
    Result refused = upload("heping.admin", file, "officers.csv", "", "zh-CN");
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    JsonNode r = refused.body();
    assertThat(r.get("rowsRead").asInt()).isEqualTo(5);
    assertThat(r.get("validRows").asInt()).isEqualTo(2);
    assertThat(r.get("rejectedRows").asInt()).isEqualTo(3);
    assertThat(r.get("created").asInt()).isZero();
    assertThat(r.get("written").asBoolean()).isFalse();
    assertThat(reasons(r, 3)).containsExactly("身份证号校验位不正确");
    assertThat(column(r, 3)).isEqualTo("身份证号");
    assertThat(reasons(r, 4)).singleElement().asString().contains("120101999999");
    assertThat(column(r, 4)).isEqualTo("所属街镇或村居代码");
    assertThat(reasons(r, 6)).containsExactly("与第 5 行的身份证号重复");
    assertThat(countNamed(tag)).isZero();

    Result en = upload("heping.admin", file, "officers.csv", "?dryRun=true", "en");
    assertThat(en.status()).isEqualTo(200);
    assertThat(reasons(en.body(), 3)).containsExactly("The check digit of the ID number is wrong");
    assertThat(reasons(en.body(), 6)).containsExactly("Same ID number as row 5");
  }

  @Test
  void aValidGbkFileIsCheckedThenImportedOnceAndItsNumbersAreThenDuplicates() {
    String tag = "入" + OfficerFixtures.SEQ.incrementAndGet();
    String village = f.freeVillage("120101");
    String a = OfficerFixtures.idNumber();
    byte[] file =
        csv(
            Charset.forName("GBK"),
            tag + "甲,13812345678," + a + "," + village + ",村居,在编,否,",
            tag
                + "乙,022-23456789,"
                + OfficerFixtures.idNumber()
                + ","
                + village.substring(0, 9)
                + ",街镇,政府购买服务,是,");
    Result dry = upload("heping.admin", file, "officers.csv", "?dryRun=true", "zh-CN");
    assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
    assertThat(dry.body().get("encoding").asString()).contains("GB");
    assertThat(dry.body().get("validRows").asInt()).isEqualTo(2);
    assertThat(dry.body().get("acceptable").asBoolean()).isTrue();
    assertThat(countNamed(tag)).isZero();

    long auditsBefore =
        jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'officer.import'")
            .query(Long.class)
            .single();
    Result done = upload("heping.admin", file, "officers.csv", "", "zh-CN");
    assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
    assertThat(done.body().get("created").asInt()).isEqualTo(2);
    assertThat(countNamed(tag)).isEqualTo(2);
    assertThat(
            jdbc.sql(
                    "SELECT tier || ':' || employment || ':' || enforcement_power || ':' || status"
                        + " FROM officer WHERE name = ?")
                .param(tag + "乙")
                .query(String.class)
                .single())
        .isEqualTo("STREET:PURCHASED:true:CANDIDATE");
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'officer.import'")
                .query(Long.class)
                .single())
        .isEqualTo(auditsBefore + 1);

    Result again = upload("heping.admin", file, "officers.csv", "", "zh-CN");
    assertThat(again.status()).isEqualTo(422);
    assertThat(reasons(again.body(), 2)).singleElement().asString().contains(tag + "甲");
    assertThat(countNamed(tag)).isEqualTo(2);
  }

  @Test
  void aGridForAnUntrainedOfficerIsARowProblemSayingWhyAndAnotherDistrictIsOutOfReach()
      throws Exception {
    String tag = "格" + OfficerFixtures.SEQ.incrementAndGet();
    String village = f.freeVillage("120101");
    String grids = String.join("、", f.gridsOf(village));
    String xiqing = f.freeVillage("120111");
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("网格员");
      String[][] rows = {
        HEADER.split(","),
        {tag + "甲", "13812345678", OfficerFixtures.idNumber(), village, "村居", "在编", "否", grids},
        {tag + "乙", "", OfficerFixtures.idNumber(), xiqing, "村居", "在编", "否", ""}
      };
      for (int i = 0; i < rows.length; i++) {
        var row = sheet.createRow(i);
        for (int c = 0; c < rows[i].length; c++) {
          row.createCell(c).setCellValue(rows[i][c]);
        }
      }
      var out = new ByteArrayOutputStream();
      workbook.write(out);
      Result result = upload("heping.admin", out.toByteArray(), "officers.xlsx", "", "zh-CN");
      assertThat(result.status()).isEqualTo(422);
      assertThat(result.body().get("format").asString()).isEqualTo("XLSX");
      assertThat(reasons(result.body(), 2)).isNotEmpty().allMatch(s -> s.startsWith("先培训后上岗"));
      assertThat(column(result.body(), 2)).isEqualTo("网格编码");
      assertThat(reasons(result.body(), 3)).singleElement().asString().contains(xiqing);
      assertThat(countNamed(tag)).isZero();
    }
  }

  @Test
  void theTemplateHasTheImportHeaders() throws Exception {
    ResponseEntity<byte[]> r =
        rest.withBasicAuth("heping.admin", OfficerFixtures.DEMO_PASSWORD)
            .getForEntity("/api/v1/officers/import/template", byte[].class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(r.getBody()))) {
      var header = workbook.getSheet("网格员").getRow(0);
      List<String> names = new ArrayList<>();
      header.forEach(c -> names.add(c.getStringCellValue().replace("*", "")));
      assertThat(names).contains("姓名", "身份证号", "所属街镇或村居代码", "层级", "用工方式", "执法权", "网格编码");
    }
  }

  private static List<String> reasons(JsonNode report, int row) {
    List<String> reasons = new ArrayList<>();
    for (JsonNode p : report.get("problems")) {
      if (p.get("row").asInt() == row) {
        reasons.add(p.get("reason").asString());
      }
    }
    return reasons;
  }

  private static String column(JsonNode report, int row) {
    for (JsonNode p : report.get("problems")) {
      if (p.get("row").asInt() == row) {
        return p.get("column").asString();
      }
    }
    return null;
  }
}
