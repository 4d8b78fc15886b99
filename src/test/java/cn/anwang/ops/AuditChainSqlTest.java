package cn.anwang.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.identity.AuditLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup check re-computes the audit chain in SQL; it must agree with identity's own
 * verification (Java) on the live chain, including entries whose fields hold every control
 * character, quotes, backslashes, CJK and emoji, and report a changed or removed entry by id.
 */
@IntegrationTest
class AuditChainSqlTest {

  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;
  @Autowired EmbeddedPostgres postgres;

  @Test
  void sqlRecomputationAgreesWithTheJavaChainAndNamesAChangedEntry() throws Exception {
    long id = recordAwkwardEntry();
    Map<?, ?> java = javaVerification();
    assertThat(java.get("intact")).isEqualTo(true);

    try (Connection connection = OpsScripts.connect(postgres.getPort(), database())) {
      connection.setAutoCommit(false);
      AuditChainSql intact = AuditChainSql.run(connection);
      assertThat(intact.brokenId()).isNull();
      assertThat(intact.checked())
          .isGreaterThanOrEqualTo(((Number) java.get("checked")).longValue());
      assertThat(intact.checked()).isEqualTo(sealed(connection));

      update(connection, "UPDATE audit_event SET target_id = target_id || '!' WHERE id = " + id);
      AuditChainSql changed = AuditChainSql.run(connection);
      assertThat(changed.brokenId()).isEqualTo(id);
      assertThat(changed.problem()).isEqualTo("content");
      connection.rollback();

      long second = firstIds(connection)[1];
      update(connection, "DELETE FROM audit_event WHERE seq = (SELECT min(seq) FROM audit_event)");
      AuditChainSql removed = AuditChainSql.run(connection);
      assertThat(removed.brokenId()).isEqualTo(second);
      assertThat(removed.problem()).isEqualTo("link");
      connection.rollback();

      assertThat(AuditChainSql.run(connection).brokenId()).isNull();
      connection.rollback();
    }
  }

  /** An entry whose hashed fields stress the JSON escaping both sides must agree on. */
  private long recordAwkwardEntry() {
    StringBuilder controls = new StringBuilder();
    for (char c = 1; c < 32; c++) {
      controls.append(c);
    }
    Map<String, Object> before = new LinkedHashMap<>();
    before.put("controls", controls.toString());
    before.put("quotes", "\"q\" \\ \\u000b / \u007f \u2028");
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("名称", "和平区 😀");
    after.put("n", 1.5);
    String targetId = "t\t\"q\"\\u000b" + controls.substring(0, 12) + "中文😀";
    transactions.executeWithoutResult(
        tx -> audit.record("test.backup-chain", "thing", targetId, "120101", before, after));
    return jdbc.sql("SELECT max(id) FROM audit_event WHERE action = 'test.backup-chain'")
        .query(Long.class)
        .single();
  }

  /** identity's verification over HTTP, which also seals what is pending. */
  private Map<?, ?> javaVerification() {
    return rest.withBasicAuth("auditor", "anwang-demo-2026")
        .getForObject("/api/v1/audit/verify", Map.class);
  }

  private String database() {
    return jdbc.sql("SELECT current_database()").query(String.class).single();
  }

  private static long sealed(Connection connection) throws Exception {
    try (PreparedStatement count =
            connection.prepareStatement("SELECT count(*) FROM audit_event WHERE seq IS NOT NULL");
        ResultSet rows = count.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long[] firstIds(Connection connection) throws Exception {
    try (PreparedStatement first =
            connection.prepareStatement("SELECT id FROM audit_event ORDER BY seq LIMIT 2");
        ResultSet rows = first.executeQuery()) {
      long[] ids = new long[2];
      for (int i = 0; i < 2 && rows.next(); i++) {
        ids[i] = rows.getLong(1);
      }
      return ids;
    }
  }

  private static void update(Connection connection, String sql) throws Exception {
    try (var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
