package cn.anwang.casework.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.AnwangApplication;
import cn.anwang.IntegrationTest;
import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.identity.UserDirectory.Contact;
import cn.anwang.notification.Notifications;
import cn.anwang.notification.outbox.OutboxTestAccess;
import cn.anwang.notification.outbox.WebhookHttpServer;
import cn.anwang.shared.calendar.WorkingCalendar;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two application instances on one database (the test's own, "A", and a second one, "B", started
 * here on a random port against A's embedded PostgreSQL with SMTP pointing at an in-process
 * GreenMail): both scan concurrently, again and again, and every reminder is claimed and sent
 * exactly once; e-mails arrive in the recipient's language; a server killed in the middle of
 * sending leaves the work to the other, still exactly once.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServerReminderTest {

  static final AtomicInteger SEQ = new AtomicInteger();

  /** Makes B's in-app notifications of one case block until released (the "mid-way" of a run). */
  static volatile String blockDedupPrefix;

  static volatile CountDownLatch entered = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired ReminderScanner scannerA;
  @Autowired UserDirectory directory;
  @Autowired ObjectMapper json;
  @Autowired ApplicationContext contextA;

  GreenMail greenMail;
  ConfigurableApplicationContext contextB;
  ReminderScanner scannerB;
  WebhookHttpServer receiver;
  long endpointId;

  /** Wraps B's {@link Notifications} (after its transaction proxy) so that it can block. */
  static class BlockingNotifications implements BeanPostProcessor, Ordered {
    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
      if (!(bean instanceof Notifications target)) {
        return bean;
      }
      return Proxy.newProxyInstance(
          Notifications.class.getClassLoader(),
          new Class<?>[] {Notifications.class},
          (proxy, method, args) -> {
            String prefix = blockDedupPrefix;
            if (method.getName().equals("notify")
                && prefix != null
                && ((String) args[5]).startsWith(prefix)) {
              entered.countDown();
              release.await(60, TimeUnit.SECONDS);
            }
            try {
              return method.invoke(target, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  @BeforeAll
  void startSecondServerAndMail() throws Exception {
    int smtpPort;
    try (ServerSocket s = new ServerSocket(0)) {
      smtpPort = s.getLocalPort();
    }
    greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();

    String url;
    try (Connection c = dataSource.getConnection()) {
      url = c.getMetaData().getURL();
    }
    contextB =
        new SpringApplicationBuilder(AnwangApplication.class)
            .profiles("test")
            .properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.hikari.maximum-pool-size=6",
                "spring.datasource.hikari.data-source-properties.ApplicationName=anwang-b",
                "spring.flyway.enabled=false",
                "spring.modulith.events.republish-outstanding-events-on-restart=false",
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtpPort,
                "anwang.demo=false",
                "anwang.casework.reminders.server-name=B",
                "db-scheduler.scheduler-name=anwang-b")
            .initializers(
                ctx ->
                    ((GenericApplicationContext) ctx)
                        .registerBean(
                            "blockingNotifications",
                            BlockingNotifications.class,
                            BlockingNotifications::new))
            // an argument, not a default property: application.yml's 8080 would win over that
            .run("--server.port=0");
    scannerB = contextB.getBean(ReminderScanner.class);

    jdbc.sql(
            """
            UPDATE app_user SET email = username || '@anwang.test',
                   language = CASE WHEN username = 'heping.admin' THEN 'en' END
             WHERE username IN ('heping.street', 'heping.admin', 'heping.yingji', 'heping.officer',
                                'admin')
            """)
        .update();

    receiver = new WebhookHttpServer(() -> 200);
    endpointId =
        jdbc.sql(
                """
                INSERT INTO webhook_endpoint (url, secret, event_kinds, created_by)
                VALUES (?, 'two-server-test-secret-000', ARRAY['case.reminder.*', 'case.escalated'],
                        'test') RETURNING id
                """)
            .param(receiver.url("/reminders"))
            .query(Long.class)
            .single();
  }

  @AfterAll
  void stop() {
    jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(endpointId).update();
    jdbc.sql("UPDATE app_user SET email = NULL, language = NULL WHERE email LIKE '%@anwang.test'")
        .update();
    if (contextB != null && contextB.isActive()) {
      contextB.close();
    }
    if (greenMail != null) {
      greenMail.stop();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  // ------------------------------------------------------------------ cases

  /**
   * An open case of 劝业场街道 (120101001) whose current stage started and is due at the given moments.
   */
  long openCase(
      String status,
      String stage,
      String handlerType,
      String handlerCode,
      Instant start,
      Instant due) {
    String number = "120101-R" + ProcessHandle.current().pid() % 1000 + "-" + SEQ.incrementAndGet();
    return jdbc.sql(
            """
            INSERT INTO safety_case (number, district_code, street_code, division_code, type, source,
                                     title, description, status, handler_type, handler_code, stage,
                                     stage_started_at, stage_due_at, due_at, reported_at,
                                     reporter_name)
            VALUES (?, '120101', '120101001', '120101001', 'GENERAL_HAZARD', 'OFFICER_INSPECTION',
                    '配电箱无防护', 'reminder test', ?, ?, ?, ?, ?, ?, ?, ?, '测试')
            RETURNING id
            """)
        .params(
            number,
            status,
            handlerType,
            handlerCode,
            stage,
            Timestamp.from(start),
            Timestamp.from(due),
            Timestamp.from(due),
            Timestamp.from(start))
        .query(Long.class)
        .single();
  }

  private List<String> claimsOf(long caseId) {
    return jdbc.sql("SELECT kind FROM case_reminder WHERE case_id = ? ORDER BY kind")
        .param(caseId)
        .query(String.class)
        .list();
  }

  private long notificationsOf(long caseId, String kind) {
    return jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key LIKE ? AND dedup_key LIKE ?")
        .params("case-reminder:" + caseId + ":%", "%:" + kind)
        .query(Long.class)
        .single();
  }

  private Set<Long> recipientsOf(long caseId, String kind) {
    return new HashSet<>(
        jdbc.sql("SELECT user_id FROM notification WHERE dedup_key LIKE ? AND dedup_key LIKE ?")
            .params("case-reminder:" + caseId + ":%", "%:" + kind)
            .query(Long.class)
            .list());
  }

  private long userId(String username) {
    return jdbc.sql("SELECT id FROM app_user WHERE username = ?")
        .param(username)
        .query(Long.class)
        .single();
  }

  private static Set<Long> ids(List<Contact> contacts) {
    return contacts.stream().map(Contact::id).collect(Collectors.toSet());
  }

  // ------------------------------------------------------------------ tests

  @Test
  @Order(1)
  void theUserDirectoryFindsPeopleByRoleTerritoryAndDepartment() {
    assertThat(ids(directory.withRole(Role.STREET_OFFICER, "120101001005")))
        .contains(userId("heping.officer"))
        .doesNotContain(userId("xiqing.officer"));
    assertThat(ids(directory.withRole(Role.STREET_ADMIN, "120101001")))
        .contains(userId("heping.street"));
    assertThat(ids(directory.withRole(Role.DISTRICT_ADMIN, "120101001")))
        .contains(userId("heping.admin"))
        .doesNotContain(userId("xiqing.admin"));
    assertThat(ids(directory.withRole(Role.CITY_ADMIN, "120111"))).contains(userId("admin"));
    assertThat(ids(directory.inDepartment("120101-YJ")))
        .containsExactlyInAnyOrderElementsOf(
            jdbc.sql(
                    "SELECT id FROM app_user WHERE enabled AND role = 'DEPARTMENT_STAFF'"
                        + " AND department_code = '120101-YJ'")
                .query(Long.class)
                .list())
        .contains(userId("heping.yingji"));
    assertThat(directory.find(userId("heping.street")).orElseThrow().email())
        .isEqualTo("heping.street@anwang.test");
    assertThat(directory.find(userId("heping.admin")).orElseThrow().language()).isEqualTo("en");
  }

  @Test
  @Order(2)
  void twoServersScanningConcurrentlySendEachReminderExactlyOnce() throws Exception {
    Instant now = Instant.now();
    List<Long> escalated = new ArrayList<>();
    List<Long> early = new ArrayList<>();
    List<Long> reinspect = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // a street's case a month overdue: overdue, then the district, then the city
      escalated.add(
          openCase(
              "RECTIFYING",
              "RECTIFY",
              "STREET",
              "120101001",
              now.minus(Duration.ofDays(60)),
              now.minus(Duration.ofDays(30))));
      // a department's case with two hours left of a month: the early reminder
      early.add(
          openCase(
              "RECTIFYING",
              "RECTIFY",
              "DEPARTMENT",
              "120101-YJ",
              now.minus(Duration.ofDays(30)),
              now.plus(Duration.ofHours(2))));
      // re-inspection overdue by an hour: the department and the grid officers
      reinspect.add(
          openCase(
              "FEEDBACK_SUBMITTED",
              "REINSPECT",
              "DEPARTMENT",
              "120101-YJ",
              now.minus(Duration.ofDays(10)),
              now.minus(Duration.ofHours(1))));
    }
    List<Long> mine = new ArrayList<>();
    mine.addAll(escalated);
    mine.addAll(early);
    mine.addAll(reinspect);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> claimed = new ArrayList<>();
    try {
      for (int round = 0; round < 6; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> runs = new ArrayList<>();
        for (ReminderScanner scanner : List.of(scannerA, scannerB, scannerA, scannerB)) {
          runs.add(
              pool.submit(
                  () -> {
                    go.await();
                    return scanner.scan(Instant.now());
                  }));
        }
        go.countDown();
        for (Future<List<String>> run : runs) {
          claimed.addAll(run.get(60, TimeUnit.SECONDS));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> claimedOfMine =
        claimed.stream()
            .filter(k -> mine.contains(Long.parseLong(k.substring(0, k.indexOf('|')))))
            .toList();
    assertThat(claimedOfMine)
        .as("claims returned by all scans")
        .hasSize(15)
        .doesNotHaveDuplicates();
    List<String> servers =
        jdbc.sql("SELECT DISTINCT claimed_by FROM case_reminder WHERE case_id = ANY(?)")
            .param(mine.toArray(Long[]::new))
            .query(String.class)
            .list();
    assertThat(servers)
        .isNotEmpty()
        .allMatch(s -> s.equals("B") || s.equals(scannerA.serverName()));

    Set<Long> streetAdmins = ids(directory.withRole(Role.STREET_ADMIN, "120101001"));
    Set<Long> districtAdmins = ids(directory.withRole(Role.DISTRICT_ADMIN, "120101001"));
    Set<Long> cityAdmins = ids(directory.withRole(Role.CITY_ADMIN, "120101001"));
    Set<Long> staff = ids(directory.inDepartment("120101-YJ"));
    Set<Long> officers = ids(directory.withRole(Role.STREET_OFFICER, "120101001"));
    assertThat(streetAdmins).contains(userId("heping.street"));
    assertThat(officers).contains(userId("heping.officer"));

    for (long id : escalated) {
      assertThat(claimsOf(id)).containsExactly("ESCALATE_CITY", "ESCALATE_DISTRICT", "OVERDUE");
      assertThat(recipientsOf(id, "OVERDUE")).isEqualTo(streetAdmins);
      assertThat(recipientsOf(id, "ESCALATE_DISTRICT")).isEqualTo(districtAdmins);
      assertThat(recipientsOf(id, "ESCALATE_CITY")).isEqualTo(cityAdmins);
      assertThat(notificationsOf(id, "OVERDUE")).isEqualTo(streetAdmins.size());
      List<Map<String, Object>> lines =
          jdbc.sql(
                  "SELECT action, from_status, to_status, data->>'level' AS level FROM case_event"
                      + " WHERE case_id = ? ORDER BY id")
              .param(id)
              .query()
              .listOfRows();
      assertThat(lines).as("one ESCALATE line per level, status unchanged").hasSize(2);
      assertThat(lines)
          .extracting(l -> l.get("action") + " " + l.get("level") + " " + l.get("to_status"))
          .containsExactlyInAnyOrder("ESCALATE DISTRICT RECTIFYING", "ESCALATE CITY RECTIFYING");
      assertThat(
              jdbc.sql("SELECT status FROM safety_case WHERE id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo("RECTIFYING");
    }
    for (long id : early) {
      assertThat(claimsOf(id)).containsExactly("EARLY");
      assertThat(recipientsOf(id, "EARLY")).isEqualTo(staff);
    }
    Set<Long> reinspectors = new HashSet<>(staff);
    reinspectors.addAll(officers);
    for (long id : reinspect) {
      assertThat(claimsOf(id)).containsExactly("OVERDUE");
      assertThat(recipientsOf(id, "OVERDUE")).isEqualTo(reinspectors);
    }

    // e-mails: one per recipient with an address, per reminder
    long expectedEmails =
        jdbc.sql(
                """
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                 WHERE u.email IS NOT NULL AND n.dedup_key LIKE 'case-reminder:%'
                   AND split_part(n.dedup_key, ':', 2)::bigint = ANY(?)
                """)
            .param(mine.toArray(Long[]::new))
            .query(Long.class)
            .single();
    assertThat(expectedEmails).isGreaterThanOrEqualTo(3 * 3 + 3 + 3 * 2);
    long emails =
        jdbc.sql(
                """
                SELECT count(*) FROM notification_outbox
                 WHERE channel = 'EMAIL' AND split_part(idempotency_key, ':', 3)::bigint = ANY(?)
                """)
            .param(mine.toArray(Long[]::new))
            .query(Long.class)
            .single();
    assertThat(emails).isEqualTo(expectedEmails);
    // webhooks: one per reminder for the endpoint
    long webhooks =
        jdbc.sql(
                """
                SELECT count(*) FROM notification_outbox
                 WHERE endpoint_id = ? AND split_part(recipient, ':', 2)::bigint = ANY(?)
                """)
            .params(endpointId, mine.toArray(Long[]::new))
            .query(Long.class)
            .single();
    assertThat(webhooks).isEqualTo(15);

    // delivery from both servers at once: each webhook arrives once
    ExecutorService deliver = Executors.newFixedThreadPool(2);
    try {
      for (ApplicationContext ctx : List.of(contextA, contextB)) {
        deliver.submit(() -> OutboxTestAccess.deliverDue(ctx));
      }
      deliver.shutdown();
      assertThat(deliver.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      deliver.shutdownNow();
    }
    awaitCondition("the webhooks of my cases", () -> webhookIdsOf(mine).size() >= 15);
    List<String> delivered = webhookIdsOf(mine);
    assertThat(delivered).hasSize(15).doesNotHaveDuplicates();
  }

  private List<String> webhookIdsOf(List<Long> cases) {
    List<String> ids = new ArrayList<>();
    for (WebhookHttpServer.Received r : receiver.at("/reminders")) {
      JsonNode payload = json.readTree(r.text());
      if (cases.contains(payload.at("/case/id").asLong())) {
        assertThat(r.header("X-Anwang-Delivery")).isEqualTo(payload.get("id").asString());
        ids.add(payload.get("id").asString());
      }
    }
    return ids;
  }

  private static void awaitCondition(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  @Test
  @Order(3)
  void eMailsReachTheRecipientsInTheirLanguageThroughSmtp() throws Exception {
    Instant now = Instant.now();
    long id =
        openCase(
            "RECTIFYING",
            "RECTIFY",
            "STREET",
            "120101001",
            now.minus(Duration.ofDays(40)),
            now.minus(Duration.ofDays(20)));
    String number =
        jdbc.sql("SELECT number FROM safety_case WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(scannerB.scan(now)).filteredOn(k -> k.startsWith(id + "|")).hasSize(3);
    OutboxTestAccess.deliverDue(contextB);
    awaitCondition(
        "the e-mails of " + number,
        () ->
            Arrays.stream(greenMail.getReceivedMessages())
                    .filter(m -> subject(m).contains(number))
                    .count()
                >= 3);
    List<MimeMessage> mails =
        Arrays.stream(greenMail.getReceivedMessages())
            .filter(m -> subject(m).contains(number))
            .toList();
    MimeMessage toStreet = to(mails, "heping.street@anwang.test");
    assertThat(subject(toStreet)).startsWith("【安网】事件 " + number).contains("已超期");
    assertThat((String) toStreet.getContent())
        .contains("您好")
        .contains(number)
        .contains("/cases/" + id);
    MimeMessage toDistrict = to(mails, "heping.admin@anwang.test");
    assertThat(subject(toDistrict))
        .startsWith("[Anwang] Case " + number)
        .contains("escalated to the district");
    assertThat((String) toDistrict.getContent()).startsWith("Dear ");
    MimeMessage toCity = to(mails, "admin@anwang.test");
    assertThat(subject(toCity)).contains("升级至市级");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification_outbox WHERE channel = 'EMAIL'"
                        + " AND split_part(idempotency_key, ':', 3)::bigint = ? AND sent_at IS NULL")
                .param(id)
                .query(Long.class)
                .single())
        .as("all sent")
        .isZero();
    long sameKeyTwice =
        Arrays.stream(greenMail.getReceivedMessages())
            .filter(m -> subject(m).contains(number))
            .map(TwoServerReminderTest::delivery)
            .collect(Collectors.groupingBy(k -> k, Collectors.counting()))
            .values()
            .stream()
            .filter(n -> n > 1)
            .count();
    assertThat(sameKeyTwice).isZero();
  }

  private static String subject(Message m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String delivery(MimeMessage m) {
    try {
      return m.getHeader("X-Anwang-Delivery", null);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage to(List<MimeMessage> mails, String address) {
    return mails.stream()
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(a -> a.toString().equals(address));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail to " + address));
  }

  @Test
  @Order(4)
  void aServerKilledWhileSendingLeavesTheReminderToTheOtherStillExactlyOnce() throws Exception {
    Instant now = Instant.now();
    long id =
        openCase(
            "RECTIFYING",
            "RECTIFY",
            "STREET",
            "120101001",
            now.minus(Duration.ofDays(3)),
            now.minus(Duration.ofHours(1)));
    entered = new CountDownLatch(1);
    release = new CountDownLatch(1);
    blockDedupPrefix = "case-reminder:" + id + ":";
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<List<String>> onB = pool.submit(() -> scannerB.scan(Instant.now()));
      assertThat(entered.await(30, TimeUnit.SECONDS)).as("B is sending").isTrue();
      // B has claimed it, uncommitted: nobody else sees the claim
      assertThat(claimsOf(id)).isEmpty();

      Future<List<String>> onA = pool.submit(() -> scannerA.scan(Instant.now()));
      Thread.sleep(500);
      assertThat(onA.isDone()).as("A waits on B's claim").isFalse();
      assertThat(claimsOf(id)).isEmpty();

      // kill B: its connections drop (PostgreSQL rolls its transaction back), it shuts down
      int killed =
          jdbc.sql(
                  "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      + " WHERE application_name = 'anwang-b'")
              .query(Integer.class)
              .single();
      assertThat(killed).isPositive();
      Future<?> closing = pool.submit(() -> contextB.close());
      release.countDown();

      List<String> byA = onA.get(60, TimeUnit.SECONDS);
      assertThat(byA).contains(ReminderScanner.key(id, now.minus(Duration.ofDays(3)), "OVERDUE"));
      closing.get(60, TimeUnit.SECONDS);
      try {
        assertThat(onB.get(60, TimeUnit.SECONDS)).noneMatch(k -> k.startsWith(id + "|"));
      } catch (java.util.concurrent.ExecutionException e) {
        // B's scan died with its connection: as good as a killed process
      }
    } finally {
      blockDedupPrefix = null;
      release.countDown();
      pool.shutdownNow();
    }
    assertThat(claimsOf(id)).containsExactly("OVERDUE");
    assertThat(
            jdbc.sql("SELECT claimed_by FROM case_reminder WHERE case_id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(scannerA.serverName());
    Set<Long> streetAdmins = ids(directory.withRole(Role.STREET_ADMIN, "120101001"));
    assertThat(recipientsOf(id, "OVERDUE")).isEqualTo(streetAdmins);
    assertThat(notificationsOf(id, "OVERDUE")).isEqualTo(streetAdmins.size());
    // and again: nothing more
    assertThat(scannerA.scan(Instant.now())).noneMatch(k -> k.startsWith(id + "|"));
    assertThat(notificationsOf(id, "OVERDUE")).isEqualTo(streetAdmins.size());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification_outbox WHERE endpoint_id = ?"
                        + " AND split_part(recipient, ':', 2)::bigint = ?")
                .params(endpointId, id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @Order(5)
  void theScanRunsOnDbScheduler() throws Exception {
    Instant now = Instant.now();
    long id =
        openCase(
            "REGISTERED",
            "DISPATCH",
            null,
            null,
            now.minus(Duration.ofDays(2)),
            now.minus(Duration.ofMinutes(5)));
    assertThat(
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = ?")
                .param(CaseReminderTaskConfiguration.TASK_NAME)
                .update())
        .isEqualTo(1);
    awaitCondition("the scheduled scan", () -> !claimsOf(id).isEmpty());
    assertThat(claimsOf(id)).containsExactly("OVERDUE");
    assertThat(recipientsOf(id, "OVERDUE")).contains(userId("heping.street"));
    assertThat(WorkingCalendar.CHINA.getId()).isEqualTo("Asia/Shanghai");
  }
}
