package cn.anwang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * A plain start ({@code java -jar}, demo mode off) on an empty database: the real Tianjin tree and
 * the first administrator, nothing else. Runs in its own database beside the demo one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {"anwang.demo=false", "anwang.embedded-database.database-name=plainstart"})
@ActiveProfiles("test")
class PlainStartTest {

  @Autowired JdbcClient jdbc;
  @Autowired PasswordEncoder passwords;

  @Test
  void loadsTheWholeTianjinTree() {
    assertThat(count("SELECT count(*) FROM division WHERE level = 'district'")).isEqualTo(16);
    assertThat(count("SELECT count(*) FROM division WHERE level = 'street'")).isEqualTo(299);
    assertThat(count("SELECT count(*) FROM division WHERE level = 'village'")).isEqualTo(5617);
    assertThat(
            count(
                "SELECT count(*) FROM division WHERE level = 'district' AND boundary_wkb IS NOT NULL"))
        .isEqualTo(16);
  }

  @Test
  void createsNoDemoGridsOrUsers() {
    assertThat(count("SELECT count(*) FROM grid")).isZero();
    assertThat(count("SELECT count(*) FROM division WHERE boundary_synthetic")).isZero();
    assertThat(jdbc.sql("SELECT username FROM app_user").query(String.class).list())
        .containsExactly("admin");
  }

  @Test
  void givesTheFirstAdministratorTheConfiguredPassword() {
    String hash =
        jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'admin'")
            .query(String.class)
            .single();
    assertThat(passwords.matches("admin-test-password", hash)).isTrue();
    assertThat(hash).doesNotContain("admin-test-password");
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
