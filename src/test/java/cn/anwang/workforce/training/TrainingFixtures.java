package cn.anwang.workforce.training;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Officers, users and courses for the training tests, written straight into the database. */
final class TrainingFixtures {

  static final String DEMO_PASSWORD = "anwang-demo-2026";
  static final String HEPING_STREET = "120101001";
  static final String XIQING_STREET = "120111001";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final JdbcClient jdbc;

  TrainingFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + SEQ.incrementAndGet();
  }

  /** A user with the demo password (so it can log in), e.g. an officer's account. */
  long user(String username, String role, String territory) {
    return jdbc.sql(
            """
            INSERT INTO app_user (username, password_hash, display_name, role, territory_code)
            SELECT ?, password_hash, ?, ?, ? FROM app_user WHERE username = 'heping.officer'
            RETURNING id
            """)
        .params(username, username, role, territory)
        .query(Long.class)
        .single();
  }

  long userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  long officer(String name, String division, String tier, String status, Long userId) {
    return jdbc.sql(
            """
            INSERT INTO officer (district_code, division_code, name, tier, employment, status, user_id)
            VALUES (?, ?, ?, ?, 'STAFF', ?, ?) RETURNING id
            """)
        .params(division.substring(0, 6), division, name, tier, status, userId)
        .query(Long.class)
        .single();
  }

  long streetOfficer(String name, String street) {
    return officer(name, street, "STREET", "ACTIVE", null);
  }

  String villageOf(String street) {
    return jdbc.sql(
            "SELECT code FROM division WHERE parent_code = ? AND level = 'village' ORDER BY code LIMIT 1")
        .param(street)
        .query(String.class)
        .single();
  }

  /** A course of the district (or city-wide when null), straight into the table. */
  long course(String district, String code, int passMark, int validityMonths) {
    return jdbc.sql(
            """
            INSERT INTO training_course (district_code, code, title, topic, hours, required_for,
                                         pass_mark, validity_months)
            VALUES (?, ?, ?, '测试', 4, 'ALL', ?, ?) RETURNING id
            """)
        .params(district, code, "测试课程 " + code, passMark, validityMonths)
        .query(Long.class)
        .single();
  }

  long certificate(long officer, long course, String issuedOn, String expiresOn) {
    return jdbc.sql(
            """
            INSERT INTO training_certificate (officer_id, course_id, district_code, number, issued_on, expires_on)
            SELECT ?, ?, district_code, ?, CAST(? AS date), CAST(? AS date) FROM officer WHERE id = ?
            RETURNING id
            """)
        .params(officer, course, unique("T-CERT"), issuedOn, expiresOn, officer)
        .query(Long.class)
        .single();
  }

  static TestRestTemplate as(TestRestTemplate rest, String username) {
    return rest.withBasicAuth(
        username, "admin".equals(username) ? "admin-test-password" : DEMO_PASSWORD);
  }
}
