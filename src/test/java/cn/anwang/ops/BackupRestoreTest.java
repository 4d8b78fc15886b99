package cn.anwang.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.identity.AuditLog;
import cn.anwang.ops.OpsScripts.Run;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup procedure for real: {@code scripts/backup-restore-check.sh} backs up a copy of the
 * test database (made with pg_dump | pg_restore, so the shared one is never wiped) and a file store
 * of real files, wipes both, restores them and compares; tampering after a restore is named.
 */
@IntegrationTest
class BackupRestoreTest {

  static final String COPY = "anwang_backup_check";

  @Autowired EmbeddedPostgres postgres;
  @Autowired JdbcClient jdbc;
  @Autowired AuditLog audit;
  @Autowired TransactionTemplate transactions;
  @Autowired TestRestTemplate rest;

  @Value("${anwang.embedded-database.data-directory}")
  String dataDirectory;

  @TempDir Path work;
  Path files;
  Path backups;

  @BeforeEach
  void copyTheTestDatabaseAndMakeAFileStore() throws Exception {
    // an entry of this run, sealed (identity's verification seals what is pending)
    transactions.executeWithoutResult(
        tx -> audit.record("test.backup", "backup", "run", "120101", null, Map.of("at", "start")));
    assertThat(
            rest.withBasicAuth("auditor", "anwang-demo-2026")
                .getForObject("/api/v1/audit/verify", Map.class)
                .get("intact"))
        .isEqualTo(true);

    dropCopy();
    jdbc.sql("CREATE DATABASE " + COPY).update();
    Path client = OpsScripts.clientFor(17);
    String base = "postgresql://postgres@localhost:" + postgres.getPort() + "/";
    OpsScripts.shell(
        String.format(
            "'%s/pg_dump' -Fc -d '%s%s' | '%s/pg_restore' --no-owner --no-acl --exit-on-error -d '%s%s'",
            client, base, database(), client, base, COPY));

    files = work.resolve("files");
    backups = work.resolve("backups");
    Files.createDirectories(files.resolve("cases/CASE-1"));
    Files.createDirectories(files.resolve("inspection/photos/2026"));
    Files.writeString(files.resolve("cases/CASE-1/整改通知书.txt"), "限期整改\n", StandardCharsets.UTF_8);
    byte[] photo = new byte[300_000];
    new Random(15).nextBytes(photo);
    Files.write(files.resolve("inspection/photos/2026/photo 1.jpg"), photo);
    Files.write(files.resolve("inspection/photos/2026/empty.bin"), new byte[0]);
  }

  @AfterEach
  void dropCopy() {
    jdbc.sql("DROP DATABASE IF EXISTS " + COPY + " WITH (FORCE)").update();
  }

  @Test
  void backupWipeRestoreGivesBackEveryRowEveryFileAndTheAuditChain() throws Exception {
    Run refused =
        OpsScripts.run("backup-restore-check.sh", connection("--files", files.toString()));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.output()).contains("--confirm-wipe " + COPY);

    Map<String, Long> before = counts();
    byte[] photo = Files.readAllBytes(files.resolve("inspection/photos/2026/photo 1.jpg"));
    assertThat(before.get("public.audit_event")).isPositive();

    Run check =
        OpsScripts.run(
            "backup-restore-check.sh",
            connection(
                "--files", files.toString(), "--out", backups.toString(), "--confirm-wipe", COPY));

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output())
        .contains("wiped: no table left, the file store deleted")
        .contains("OK: " + before.size() + " tables with " + sum(before) + " rows, 3 files")
        .containsPattern("audit chain of [1-9][0-9]* entries verified end to end");
    assertThat(counts()).isEqualTo(before);
    assertThat(files.resolve("inspection/photos/2026/photo 1.jpg")).hasBinaryContent(photo);
    assertThat(files.resolve("cases/CASE-1/整改通知书.txt")).hasContent("限期整改\n");
    System.out.println(check.output());
  }

  @Test
  void aRestoreThatDiffersFromTheBackupIsNamed() throws Exception {
    Run backup =
        OpsScripts.run(
            "backup.sh", connection("--files", files.toString(), "--out", backups.toString()));
    assertThat(backup.exitCode()).as(backup.output()).isZero();
    String[] lines = backup.output().strip().split("\n");
    String dir = lines[lines.length - 1];
    Run restore =
        OpsScripts.run(
            "restore.sh", prepend(dir, connection("--files", files.toString(), "--replace-files")));
    assertThat(restore.exitCode()).as(restore.output()).isZero();
    String[] verify = prepend(dir, connection("--files", files.toString()));
    assertThat(OpsScripts.run("verify-restore.sh", verify).exitCode()).isZero();

    long changed;
    try (Connection copy = OpsScripts.connect(postgres.getPort(), COPY);
        Statement statement = copy.createStatement()) {
      changed =
          single(
              statement,
              "SELECT id FROM audit_event WHERE seq = (SELECT max(seq) / 2 FROM audit_event)");
      statement.executeUpdate(
          "UPDATE audit_event SET actor_username = 'mallory' WHERE id = " + changed);
      statement.executeUpdate(
          "DELETE FROM flyway_schema_history WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
    }
    Files.writeString(files.resolve("cases/CASE-1/整改通知书.txt"), "已整改\n", StandardCharsets.UTF_8);

    Run tampered = OpsScripts.run("verify-restore.sh", verify);

    assertThat(tampered.exitCode()).isEqualTo(1);
    assertThat(tampered.output())
        .contains("audit chain broken at audit_event id " + changed + " ")
        .contains("file ./cases/CASE-1/整改通知书.txt: content differs")
        .contains("table public.flyway_schema_history: ")
        .contains("FAILED: 3 difference(s)");
  }

  private String[] connection(String... more) {
    String[] base = {
      "--data-dir", Path.of(dataDirectory).toAbsolutePath().toString(), "--dbname", COPY
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private String database() {
    return jdbc.sql("SELECT current_database()").query(String.class).single();
  }

  /** Every table's row count in the copy, independently of the scripts. */
  private Map<String, Long> counts() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection copy = OpsScripts.connect(postgres.getPort(), COPY);
        Statement statement = copy.createStatement()) {
      Map<String, String> tables = new TreeMap<>();
      try (ResultSet rows =
          statement.executeQuery(
              """
              SELECT n.nspname || '.' || c.relname, format('%I.%I', n.nspname, c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 AND n.nspname NOT LIKE 'pg\\_%'
              """)) {
        while (rows.next()) {
          tables.put(rows.getString(1), rows.getString(2));
        }
      }
      for (var table : tables.entrySet()) {
        counts.put(table.getKey(), single(statement, "SELECT count(*) FROM " + table.getValue()));
      }
    }
    return counts;
  }

  private static long sum(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static long single(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
