package cn.anwang.workforce.training;

import static cn.anwang.workforce.training.TrainingFixtures.HEPING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.XIQING_STREET;
import static cn.anwang.workforce.training.TrainingFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The training record import over real HTTP: row report, dry run, all or nothing. */
@IntegrationTest
class TrainingImportTest {

  static final String HEADER = "网格员编号,姓名,课程代码,培训日期,地点,授课人,是否出勤,考试成绩\n";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  TrainingFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new TrainingFixtures(jdbc);
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithARowReportAndAGoodOneIsImported() throws Exception {
    String code = unique("IMPORT");
    long course = fixtures.course("120101", code, 60, 24);
    long a = fixtures.streetOfficer("赵一", HEPING_STREET);
    long b = fixtures.streetOfficer("钱二", HEPING_STREET);
    long xiqing = fixtures.streetOfficer("孙三", XIQING_STREET);
    String good =
        HEADER
            + a
            + ",赵一,"
            + code
            + ",2026-06-01,区应急局,李老师,是,85\n"
            + b
            + ",钱二,"
            + code
            + ",2026-06-01,区应急局,李老师,是,40\n";
    String bad =
        good
            + a
            + ",王五,"
            + code
            + ",2026-06-02,区应急局,李老师,是,85\n"
            + b
            + ",钱二,NO-SUCH-COURSE,2026/6/2,区应急局,李老师,也许,120\n"
            + xiqing
            + ",孙三,"
            + code
            + ",2026-06-01,区应急局,李老师,是,90\n";

    ResponseEntity<String> refused = upload("heping.admin", bad, false, "zh-CN");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
    JsonNode report = json.readTree(refused.getBody());
    assertThat(report.get("rowsRead").asInt()).isEqualTo(5);
    assertThat(report.get("validRows").asInt()).isEqualTo(2);
    assertThat(report.get("rejectedRows").asInt()).isEqualTo(3);
    assertThat(report.get("written").asBoolean()).isFalse();
    assertThat(report.toString())
        .contains("\"row\":4,\"column\":\"姓名\"")
        .contains("姓名“王五”与网格员编号对应的姓名“赵一”不一致")
        .contains("\"column\":\"课程代码\",\"reason\":\"课程代码 NO-SUCH-COURSE 不存在\"")
        .contains("\"column\":\"是否出勤\"")
        .contains("\"column\":\"考试成绩\"")
        .contains("\"row\":6,\"column\":\"网格员编号\"");
    assertThat(sessionsOf(course)).as("nothing written").isZero();

    JsonNode english = json.readTree(upload("heping.admin", bad, true, "en").getBody());
    assertThat(english.toString()).contains("does not match the officer's name");

    ResponseEntity<String> dry = upload("heping.admin", good, true, null);
    assertThat(dry.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(dry.getBody()).get("validRows").asInt()).isEqualTo(2);
    assertThat(sessionsOf(course)).as("a dry run writes nothing").isZero();

    ResponseEntity<String> done = upload("heping.admin", good, false, null);
    assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode result = json.readTree(done.getBody());
    assertThat(result.get("written").asBoolean()).isTrue();
    assertThat(result.get("sessionsCreated").asInt()).isEqualTo(1);
    assertThat(result.get("attendanceRecorded").asInt()).isEqualTo(2);
    assertThat(result.get("certificatesIssued").asInt()).isEqualTo(1);
    assertThat(sessionsOf(course)).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT expires_on::text FROM training_certificate WHERE officer_id = ?")
                .param(a)
                .query(String.class)
                .single())
        .isEqualTo("2028-06-01");
    assertThat(
            jdbc.sql("SELECT count(*) FROM training_certificate WHERE officer_id = ?")
                .param(b)
                .query(Long.class)
                .single())
        .isZero();

    // the same file again finds the session and issues nothing new
    JsonNode again = json.readTree(upload("heping.admin", good, false, null).getBody());
    assertThat(again.get("sessionsCreated").asInt()).isZero();
    assertThat(again.get("certificatesIssued").asInt()).isZero();
    assertThat(sessionsOf(course)).isEqualTo(1);

    assertThat(upload("heping.officer", good, true, null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<byte[]> template =
        TrainingFixtures.as(rest, "heping.admin")
            .getForEntity("/api/v1/training/import/template", byte[].class);
    assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(template.getBody()).startsWith('P', 'K');
  }

  private long sessionsOf(long course) {
    return jdbc.sql("SELECT count(*) FROM training_session WHERE course_id = ?")
        .param(course)
        .query(Long.class)
        .single();
  }

  private ResponseEntity<String> upload(String user, String csv, boolean dryRun, String language) {
    var file =
        new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "training.csv";
          }
        };
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", file);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (language != null) {
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return TrainingFixtures.as(rest, user)
        .exchange(
            "/api/v1/training/import?dryRun=" + dryRun,
            HttpMethod.POST,
            new HttpEntity<>(body, headers),
            String.class);
  }
}
