package cn.anwang.casework.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reliability: a thousand cases registered concurrently over the real HTTP API by 32 clients (a
 * thousand transitions, each in its own transaction; every tenth case also gets a racing second
 * registration of the same version, which must get 409): no update is lost (every case has the
 * version and status its transition gives), and the timeline is complete (exactly one line per
 * successful transition). The cases are deleted afterwards.
 */
@IntegrationTest
class ThousandTransitionsTest {

  static final int CASES = 1_000;
  static final int THREADS = 32;
  static final String PASSWORD = "anwang-demo-2026";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;
  @Autowired CaseRepository cases;
  @Autowired HolidayCalendar calendar;
  @Autowired DeadlineRules rules;
  @Autowired SupervisedObjects objects;

  private final List<Long> ids = new ArrayList<>();

  /** A thousand reported cases on objects of 劝业场街道, written directly (one transaction). */
  private void reportThousand() {
    report(CASES, CaseSource.OFFICER_INSPECTION);
  }

  private void report(int count, CaseSource source) {
    List<Long> sample =
        jdbc.sql(
                "SELECT id FROM supervised_object WHERE street_code = '120101001'"
                    + " AND status = 'OPERATING' ORDER BY id LIMIT 50")
            .query(Long.class)
            .list();
    Instant now = Instant.now();
    WorkingCalendar cal = calendar.current();
    List<ObjectRef> refs = sample.stream().map(id -> objects.find(id).orElseThrow()).toList();
    transactions.executeWithoutResult(
        tx -> {
          for (int i = 0; i < count; i++) {
            ObjectRef o = refs.get(i % refs.size());
            SafetyCase c = SafetyCase.reported(CaseType.GENERAL_HAZARD, source, now, cal, rules);
            c.objectId = o.id();
            c.districtCode = o.districtCode();
            c.streetCode = o.streetCode();
            c.villageCode = o.villageCode();
            c.divisionCode = o.divisionCode();
            c.gridCode = o.gridCode();
            c.address = o.address();
            c.title = "并发测试 " + i;
            c.description = "一千个案件的并发流转";
            c.reporterName = "test";
            c.number =
                cases.nextNumber(c.districtCode, now.atZone(WorkingCalendar.CHINA).getYear());
            c.id = cases.insert(c);
            cases.insertEvent(
                c,
                now,
                null,
                "test",
                "STREET_OFFICER",
                new SafetyCase.Change(
                    CaseAction.REPORT, null, CaseStatus.REPORTED, null, Map.of()));
            ids.add(c.id);
          }
        });
  }

  @AfterEach
  void deleteTheCases() {
    if (ids.isEmpty()) {
      return;
    }
    Map<String, Object> p = Map.of("ids", ids);
    for (String table : List.of("case_reminder", "case_attachment", "case_event")) {
      jdbc.sql("DELETE FROM " + table + " WHERE case_id IN (:ids)").params(p).update();
    }
    jdbc.sql("DELETE FROM safety_case WHERE id IN (:ids)").params(p).update();
    ids.clear();
  }

  @Test
  void aThousandCasesTransitionedConcurrentlyLoseNoUpdateAndKeepEveryTimelineLine()
      throws Exception {
    long setup = System.nanoTime();
    java.sql.Timestamp before = progressPublicationsFrom();
    reportThousand();
    System.out.printf("1,000 cases written in %d ms%n", (System.nanoTime() - setup) / 1_000_000);
    assertThat(ids).hasSize(CASES);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate street = rest.withBasicAuth("heping.street", PASSWORD);
    Map<Long, List<Integer>> answers = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long started = System.nanoTime();
    int requests = 0;
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i);
        // every tenth case gets a second, racing registration of the same version
        int copies = i % 10 == 0 ? 2 : 1;
        for (int k = 0; k < copies; k++) {
          requests++;
          work.add(
              pool.submit(
                  () -> {
                    start.await();
                    ResponseEntity<String> answer =
                        street.postForEntity(
                            "/api/v1/cases/{id}/register",
                            new HttpEntity<>("{\"version\":0}", headers),
                            String.class,
                            id);
                    answers
                        .computeIfAbsent(id, x -> new CopyOnWriteArrayList<>())
                        .add(answer.getStatusCode().value());
                    return null;
                  }));
        }
      }
      start.countDown();
      for (Future<?> f : work) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("%d register requests by %d clients in %d ms%n", requests, THREADS, millis);

    // every case registered exactly once; the racing copy got 409 and wrote nothing
    assertThat(answers).hasSize(CASES);
    for (int i = 0; i < ids.size(); i++) {
      List<Integer> codes = answers.get(ids.get(i));
      if (i % 10 == 0) {
        assertThat(codes).containsExactlyInAnyOrder(200, 409);
      } else {
        assertThat(codes).containsExactly(200);
      }
    }
    Map<String, Object> p = Map.of("ids", ids);
    // no lost update: every case at version 1, registered
    List<Map<String, Object>> states =
        jdbc.sql(
                "SELECT status, version, count(*) AS n FROM safety_case"
                    + " WHERE id IN (:ids) GROUP BY 1, 2")
            .params(p)
            .query()
            .listOfRows();
    assertThat(states).hasSize(1);
    assertThat(states.get(0))
        .containsEntry("status", "REGISTERED")
        .containsEntry("version", 1)
        .containsEntry("n", (long) CASES);
    // the timeline is complete: exactly one REGISTER line per successful transition
    List<Map<String, Object>> timelines =
        jdbc.sql(
                """
                SELECT string_agg(action, ',' ORDER BY id) AS actions
                  FROM case_event WHERE case_id IN (:ids) GROUP BY case_id
                """)
            .params(p)
            .query()
            .listOfRows();
    assertThat(timelines).hasSize(CASES);
    assertThat(timelines)
        .allSatisfy(t -> assertThat(t.get("actions")).isEqualTo("REPORT,REGISTER"));
    assertThat(millis).as("well inside the suite's minute").isLessThan(60_000);
    // the module listeners of CaseProgressed want only reported or third-party cases: their
    // conditions keep these thousand transitions out of the event publication table
    assertThat(progressPublicationsSince(before)).isZero();
  }

  @Test
  void aPublicReportCaseStillReachesItsListenerDurably() {
    java.sql.Timestamp before = progressPublicationsFrom();
    report(1, CaseSource.PUBLIC_REPORT);
    ResponseEntity<String> answer =
        rest.withBasicAuth("heping.street", PASSWORD)
            .postForEntity(
                "/api/v1/cases/{id}/register",
                new HttpEntity<>("{\"version\":0}", jsonHeaders()),
                String.class,
                ids.get(0));
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    List<String> listeners =
        jdbc.sql(
                "SELECT listener_id FROM event_publication WHERE event_type LIKE '%CaseProgressed'"
                    + " AND publication_date >= ? AND serialized_event LIKE ?")
            .params(before, "%\"caseId\":" + ids.get(0) + ",%")
            .query(String.class)
            .list();
    // the desk follows the case; the reward proposer waits for its closure; partners ignore it
    assertThat(listeners).hasSize(1);
    assertThat(listeners.get(0)).contains("CaseProgressFollower");
  }

  private static HttpHeaders jsonHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  private java.sql.Timestamp progressPublicationsFrom() {
    return jdbc.sql("SELECT now()").query(java.sql.Timestamp.class).single();
  }

  private long progressPublicationsSince(java.sql.Timestamp since) {
    return jdbc.sql(
            "SELECT count(*) FROM event_publication WHERE event_type LIKE '%CaseProgressed'"
                + " AND publication_date >= ?")
        .param(since)
        .query(Long.class)
        .single();
  }
}
