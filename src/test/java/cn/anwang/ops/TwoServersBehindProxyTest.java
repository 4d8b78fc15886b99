package cn.anwang.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Two application servers (child JVMs, {@code a} and {@code b}) on the test's PostgreSQL as their
 * external database, behind Debian's HAProxy (round robin, health checks): a page session made on
 * one is honoured by the other, the scheduler's work is done once, and with one server killed with
 * SIGKILL in the middle of concurrent idempotent writes every acknowledged write exists exactly
 * once and the other server carries on. See {@code docs/deployment.md}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersBehindProxyTest {

  static final String PASSWORD = "anwang-demo-2026";
  static final String REMINDER_TASK = "casework-reminder-scan";

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired Scheduler scheduler;
  @Autowired UserDirectory directory;

  ProxiedServers cluster;
  final List<Long> casesMade = new ArrayList<>();

  @BeforeAll
  void startServersAndProxy() throws Exception {
    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    }
    cluster =
        ProxiedServers.start(
            List.of("a", "b"),
            List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=8",
                // the events of the test JVM are the test JVM's
                "--spring.modulith.events.republish-outstanding-events-on-restart=false",
                "--anwang.demo=false",
                // shared storage: the test JVM's file store and PII key
                "--anwang.files.directory=" + Path.of("target/test-files").toAbsolutePath(),
                "--anwang.pii.key-file=" + Path.of("target/test-pii.key").toAbsolutePath(),
                "--anwang.casework.reminders.scan-every=10m",
                "--db-scheduler.polling-interval=1s",
                "--server.forward-headers-strategy=native",
                "--server.shutdown=immediate",
                "--logging.level.root=WARN",
                "--logging.level.cn.anwang=INFO"));
  }

  @AfterAll
  void tearDown() throws IOException {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      scheduler.resume();
      // what a killed server had picked is the test JVM's again at once (db-scheduler would take
      // it back only after its heartbeats are missed)
      jdbc.sql(
              "UPDATE scheduled_tasks SET picked = false, picked_by = NULL"
                  + " WHERE picked_by IN ('node-a', 'node-b')")
          .update();
      for (long id : casesMade) {
        String reminders = "case-reminder:" + id + ":%";
        jdbc.sql("DELETE FROM notification_outbox WHERE idempotency_key LIKE ?")
            .param("%" + reminders)
            .update();
        jdbc.sql("DELETE FROM notification WHERE dedup_key LIKE ?").param(reminders).update();
        for (String table : List.of("case_reminder", "case_attachment", "case_event")) {
          jdbc.sql("DELETE FROM " + table + " WHERE case_id = ?").param(id).update();
        }
        jdbc.sql("DELETE FROM safety_case WHERE id = ?").param(id).update();
      }
    }
  }

  @Test
  @Order(1)
  void aPageSessionMadeOnOneServerIsHonouredByTheOther() throws Exception {
    PageClient browser = new PageClient(cluster.proxyUrl());
    List<String> nodes = new ArrayList<>();

    HttpResponse<String> login = browser.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    nodes.add(PageClient.node(login));
    HttpResponse<String> loggedIn =
        browser.postForm(
            "/login",
            Map.of(
                "username",
                "heping.street",
                "password",
                PASSWORD,
                "_csrf",
                PageClient.csrf(login.body())));
    nodes.add(PageClient.node(loggedIn));
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow())
        .as("the log-in was accepted (CSRF token of the other server's page)")
        .doesNotContain("/login");

    List<String> pages =
        List.of("/", "/cases/mine", "/notifications", "/cases/inbox", "/", "/cases/mine");
    String lastPage = null;
    for (String page : pages) {
      HttpResponse<String> response = browser.get(page);
      nodes.add(PageClient.node(response));
      assertThat(response.statusCode())
          .as(page + " on " + PageClient.node(response))
          .isEqualTo(200);
      assertThat(response.body()).contains("mx-2\">heping.street</span>");
      lastPage = response.body();
    }
    // log out with the token of the page just seen, then neither server knows the session
    HttpResponse<String> logout =
        browser.postForm("/logout", Map.of("_csrf", PageClient.csrf(lastPage)));
    nodes.add(PageClient.node(logout));
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> after = browser.get("/");
      nodes.add(PageClient.node(after));
      assertThat(after.statusCode()).isEqualTo(302);
      assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    System.out.println("TwoServersBehindProxyTest page flow served by " + nodes);
    assertThat(nodes).containsOnly("a", "b");
    int switches = 0;
    for (int i = 1; i < nodes.size(); i++) {
      switches += nodes.get(i).equals(nodes.get(i - 1)) ? 0 : 1;
    }
    assertThat(switches).as("round robin: the flow alternates servers").isGreaterThanOrEqualTo(8);
  }

  @Test
  @Order(2)
  void theSchedulersWorkIsDoneOnceWithBothServersUp() throws Exception {
    // the test JVM's own scheduler stands aside: the two servers compete for the execution
    scheduler.pause();
    try {
      Map<String, Integer> ranOn = new HashMap<>();
      for (int round = 0; round < 3; round++) {
        long caseId = overdueCase();
        double before = completions();
        assertThat(
                jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ?")
                    .param(REMINDER_TASK)
                    .update())
            .isEqualTo(1);
        await("the scan on a server", () -> completionsUnchecked() >= before + 1);
        // three more polling intervals of both servers: nobody runs it again
        Thread.sleep(3_000);
        assertThat(completions()).as("executions of the scan").isEqualTo(before + 1);
        List<String> claims =
            jdbc.sql("SELECT kind || ' by ' || claimed_by FROM case_reminder WHERE case_id = ?")
                .param(caseId)
                .query(String.class)
                .list();
        assertThat(claims).hasSize(1);
        assertThat(claims.get(0)).matches("OVERDUE by node-[ab]");
        ranOn.merge(claims.get(0).substring(claims.get(0).length() - 1), 1, Integer::sum);
        long streetAdmins = directory.withRole(Role.STREET_ADMIN, "120101001").size();
        assertThat(
                jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key LIKE ?")
                    .param("case-reminder:" + caseId + ":%")
                    .query(Long.class)
                    .single())
            .as("one notification per street administrator")
            .isEqualTo(streetAdmins)
            .isPositive();
      }
      System.out.println("TwoServersBehindProxyTest reminder scan ran on " + ranOn);
    } finally {
      scheduler.resume();
    }
  }

  /** An overdue case waiting for dispatch in 劝业场街道: the scan owes its street one reminder. */
  private long overdueCase() {
    Instant now = Instant.now();
    long id =
        jdbc.sql(
                """
                INSERT INTO safety_case (number, district_code, street_code, division_code, type,
                                         source, title, description, status, stage,
                                         stage_started_at, stage_due_at, due_at, reported_at,
                                         reporter_name)
                VALUES (?, '120101', '120101001', '120101001', 'GENERAL_HAZARD',
                        'OFFICER_INSPECTION', '两台服务器', 'TwoServersBehindProxyTest',
                        'REGISTERED', 'DISPATCH', ?, ?, ?, ?, '测试')
                RETURNING id
                """)
            .params(
                "120101-P" + UUID.randomUUID().toString().substring(0, 8),
                Timestamp.from(now.minus(Duration.ofDays(2))),
                Timestamp.from(now.minus(Duration.ofMinutes(5))),
                Timestamp.from(now.minus(Duration.ofMinutes(5))),
                Timestamp.from(now.minus(Duration.ofDays(2))))
            .query(Long.class)
            .single();
    casesMade.add(id);
    return id;
  }

  /** Successful runs of the reminder scan on both servers, from their Prometheus endpoints. */
  private double completions() throws IOException, InterruptedException {
    double sum = 0;
    for (String node : List.of("a", "b")) {
      sum += ServerMetrics.completions(cluster.directUrl(node), REMINDER_TASK);
    }
    return sum;
  }

  private double completionsUnchecked() {
    try {
      return completions();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Test
  @Order(3)
  void aServerKilledMidLoadLosesAndDuplicatesNothing() throws Exception {
    long objectId =
        jdbc.sql(
                """
                SELECT o.id FROM supervised_object o
                 WHERE o.street_code = '120101001' AND o.status = 'OPERATING'
                   AND NOT o.direct_supervision
                   AND EXISTS (SELECT 1 FROM object_department d WHERE d.object_id = o.id)
                 ORDER BY o.id LIMIT 1
                """)
            .query(Long.class)
            .single();
    IdempotentWrites writes =
        new IdempotentWrites(cluster.proxyUrl(), "heping.officer", PASSWORD, objectId, json);
    int clients = 4;
    int perClient = 20;
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < clients * perClient; i++) {
      keys.add("proxy-test-" + UUID.randomUUID());
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> runs = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        List<String> mine = keys.subList(c * perClient, (c + 1) * perClient);
        runs.add(
            pool.submit(
                () -> {
                  for (String key : mine) {
                    writes.send(key, Duration.ofSeconds(60));
                  }
                  return null;
                }));
      }
      // mid-load: a quarter acknowledged, some of it by b
      await(
          "writes acknowledged by both servers",
          () ->
              writes.acks.size() >= keys.size() / 4
                  && writes.acks.stream().anyMatch(a -> a.node().equals("b")));
      cluster.kill("b");
      int ackedAtKill = writes.acks.size();
      cluster.awaitStatus("b", "DOWN", Duration.ofSeconds(10));
      for (Future<?> run : runs) {
        run.get(90, TimeUnit.SECONDS);
      }
      System.out.printf(
          "TwoServersBehindProxyTest %d writes, %d acknowledged when b was killed, %d retries %s,"
              + " %d answered 200 (made by an earlier attempt)%n",
          keys.size(),
          ackedAtKill,
          writes.retries.get(),
          writes.retryReasons,
          writes.acks.stream().filter(a -> a.status() == 200).count());
      assertThat(ackedAtKill).isLessThan(keys.size());
    } finally {
      pool.shutdownNow();
    }

    Map<String, Long> acked = new HashMap<>();
    writes.acks.forEach(a -> acked.put(a.key(), a.caseId()));
    casesMade.addAll(new HashSet<>(acked.values()));
    assertThat(acked).as("every write acknowledged").hasSize(keys.size());
    Map<String, List<Long>> stored = new HashMap<>();
    jdbc.sql(
            "SELECT idempotency_key, id FROM safety_case WHERE idempotency_key LIKE 'proxy-test-%'")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    stored
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getLong(2)));
    for (String key : keys) {
      assertThat(stored.get(key)).as("the cases of " + key).containsExactly(acked.get(key));
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM case_event WHERE case_id = ANY(?) AND action = 'REPORT'")
                .param(acked.values().toArray(Long[]::new))
                .query(Long.class)
                .single())
        .as("one report line per case")
        .isEqualTo(keys.size());

    // a phone that never saw b's answer sends again: the survivor answers with the same case
    List<IdempotentWrites.Ack> byB =
        writes.acks.stream().filter(a -> a.node().equals("b")).limit(5).toList();
    assertThat(byB).isNotEmpty();
    for (IdempotentWrites.Ack ack : byB) {
      IdempotentWrites.Ack again = writes.send(ack.key(), Duration.ofSeconds(10));
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.caseId()).isEqualTo(ack.caseId());
      assertThat(again.node()).isEqualTo("a");
    }

    // the survivor keeps serving, and HAProxy sends it everything
    assertThat(cluster.statuses()).containsEntry("a", "UP").containsEntry("b", "DOWN");
    PageClient browser = new PageClient(cluster.proxyUrl());
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> login = browser.get("/login");
      assertThat(login.statusCode()).isEqualTo(200);
      assertThat(PageClient.node(login)).isEqualTo("a");
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }
}
