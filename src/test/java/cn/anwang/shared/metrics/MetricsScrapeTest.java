package cn.anwang.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.anwang.IntegrationTest;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /actuator/prometheus} of the running application: the loop's gauges equal what the
 * database holds (counted here by SQL), the scheduler and import series are there and an import is
 * timed, and every metric the alert rules use is exposed. Snapshots are invalidated before each
 * scrape ({@link MetricSnapshots#invalidateAll}), so nothing waits for the 15 s cache.
 */
@IntegrationTest
class MetricsScrapeTest {

  static final String DISTRICT = "120101";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired MetricSnapshots snapshots;
  @Autowired HolidayCalendar calendar;

  final List<Long> cases = new ArrayList<>();
  final MetricsFixtures fixtures = new MetricsFixtures();

  @AfterEach
  void removeRows() {
    fixtures.remove(jdbc, cases);
  }

  @Test
  void scrapingNeedsACityAdministrator() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").with(httpBasic("heping.admin", "anwang-demo-2026")))
        .andExpect(status().isForbidden());
  }

  @Test
  void casesByStatusAndLightAndOverdueEqualTheDatabase() throws Exception {
    PrometheusText before = scrape();
    Instant now = Instant.now();
    Duration day = Duration.ofDays(1);
    cases.add(
        fixtures.insertCase(
            jdbc, "RECTIFYING", now.minusSeconds(3600), now.plus(day.multipliedBy(30))));
    for (int i = 0; i < 2; i++) {
      cases.add(
          fixtures.insertCase(
              jdbc, "DISPATCHED", now.minus(day.multipliedBy(30)), now.plusSeconds(3600)));
    }
    for (int i = 0; i < 3; i++) {
      cases.add(
          fixtures.insertCase(jdbc, "RECTIFYING", now.minus(day.multipliedBy(60)), now.minus(day)));
    }
    cases.add(fixtures.insertCase(jdbc, "CLOSED", null, null));
    cases.add(fixtures.insertCase(jdbc, "REPORTED", null, null));

    PrometheusText after = scrape();
    assertThat(delta(before, after, "RECTIFYING", "GREEN")).isEqualTo(1);
    assertThat(delta(before, after, "DISPATCHED", "YELLOW")).isEqualTo(2);
    assertThat(delta(before, after, "RECTIFYING", "RED")).isEqualTo(3);
    assertThat(delta(before, after, "CLOSED", "NONE")).isEqualTo(1);
    assertThat(delta(before, after, "REPORTED", "NONE")).isEqualTo(1);
    assertThat(
            after.valueOrZero("anwang_cases_overdue", "district", DISTRICT)
                - before.valueOrZero("anwang_cases_overdue", "district", DISTRICT))
        .isEqualTo(3);

    // every series against the whole table: the light per row as the case pages compute it
    Map<List<String>, Double> expected = casesInTheDatabase();
    Map<List<String>, Double> scraped = new HashMap<>();
    for (PrometheusText.Sample s : after.of("anwang_cases")) {
      if (s.value() != 0) {
        scraped.put(
            List.of(s.labels().get("district"), s.labels().get("status"), s.labels().get("light")),
            s.value());
      }
    }
    assertThat(scraped).isEqualTo(expected);

    // overdue by SQL alone: open, with a stage clock, past the deadline
    Map<String, Double> overdue = new HashMap<>();
    jdbc.sql(
            """
            SELECT district_code, count(*) FROM safety_case
             WHERE status NOT IN ('CLOSED', 'VOIDED') AND stage_started_at IS NOT NULL
               AND stage_due_at < now()
             GROUP BY 1
            """)
        .query((RowCallbackHandler) rs -> overdue.put(rs.getString(1), rs.getDouble(2)));
    Map<String, Double> scrapedOverdue = new HashMap<>();
    after.of("anwang_cases_overdue").stream()
        .filter(s -> s.value() != 0)
        .forEach(s -> scrapedOverdue.put(s.labels().get("district"), s.value()));
    assertThat(scrapedOverdue).isEqualTo(overdue).containsEntry(DISTRICT, overdue.get(DISTRICT));
  }

  @Test
  void reminderBacklogCountsDueRemindersNoScanClaimedYet() throws Exception {
    PrometheusText before = scrape();
    Instant now = Instant.now();
    // a street's case a month overdue: overdue, then the district, then the city are due
    long late =
        fixtures.insertCase(
            jdbc,
            "RECTIFYING",
            "STREET",
            "120101001",
            now.minus(Duration.ofDays(60)),
            now.minus(Duration.ofDays(30)));
    cases.add(late);
    // a department's case with two hours left of a month: the early reminder is due
    cases.add(
        fixtures.insertCase(
            jdbc,
            "RECTIFYING",
            "DEPARTMENT",
            "120101-YJ",
            now.minus(Duration.ofDays(30)),
            now.plus(Duration.ofHours(2))));

    PrometheusText after = scrape();
    for (String kind : List.of("EARLY", "OVERDUE", "ESCALATE_DISTRICT", "ESCALATE_CITY")) {
      assertThat(reminders(after, kind) - reminders(before, kind)).as(kind).isEqualTo(1);
    }

    // a scan claimed the overdue reminder (its row in case_reminder): no longer in the backlog
    jdbc.sql(
            """
            INSERT INTO case_reminder (case_id, district_code, stage_started_at, kind, stage, claimed_by)
            SELECT id, district_code, stage_started_at, 'OVERDUE', stage, 'metrics-test' FROM safety_case WHERE id = ?
            """)
        .param(late)
        .update();
    PrometheusText claimed = scrape();
    assertThat(reminders(claimed, "OVERDUE") - reminders(before, "OVERDUE")).isZero();
    assertThat(reminders(claimed, "ESCALATE_CITY") - reminders(before, "ESCALATE_CITY"))
        .isEqualTo(1);
  }

  @Test
  void outboxBacklogEqualsTheDatabase() throws Exception {
    fixtures.insertEmail(jdbc, 0, Duration.ofHours(1), false);
    fixtures.insertEmail(jdbc, 0, Duration.ofHours(1), false);
    fixtures.insertEmail(jdbc, 3, Duration.ofHours(1), false);
    fixtures.insertEmail(jdbc, 8, Duration.ZERO, true);
    // due ten minutes ago: no SMTP server in the tests, so it stays due
    fixtures.insertEmail(jdbc, 0, Duration.ofMinutes(-10), false);

    PrometheusText after = scrape();
    jdbc.sql(
            """
            SELECT c.channel,
                   count(o.id) FILTER (WHERE o.sent_at IS NULL AND o.failed_at IS NULL),
                   count(o.id) FILTER (WHERE o.sent_at IS NULL AND o.failed_at IS NULL
                                         AND o.attempts > 0),
                   count(o.id) FILTER (WHERE o.failed_at IS NOT NULL),
                   coalesce(extract(epoch FROM now() - min(o.next_attempt_at)
                            FILTER (WHERE o.sent_at IS NULL AND o.failed_at IS NULL
                                      AND o.next_attempt_at <= now())), 0)
              FROM (VALUES ('EMAIL'), ('WEBHOOK')) c (channel)
              LEFT JOIN notification_outbox o ON o.channel = c.channel
             GROUP BY c.channel
            """)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String channel = rs.getString(1);
                  assertThat(
                          after.value(
                              "anwang_outbox_messages", "channel", channel, "state", "PENDING"))
                      .as(channel)
                      .isEqualTo(rs.getDouble(2));
                  assertThat(
                          after.value(
                              "anwang_outbox_messages", "channel", channel, "state", "RETRYING"))
                      .as(channel)
                      .isEqualTo(rs.getDouble(3));
                  assertThat(
                          after.value(
                              "anwang_outbox_messages", "channel", channel, "state", "FAILED"))
                      .as(channel)
                      .isEqualTo(rs.getDouble(4));
                  assertThat(after.value("anwang_outbox_due_age_seconds", "channel", channel))
                      .as(channel)
                      .isCloseTo(rs.getDouble(5), within(5.0));
                });
    assertThat(after.value("anwang_outbox_messages", "channel", "EMAIL", "state", "PENDING"))
        .isGreaterThanOrEqualTo(4);
    assertThat(after.value("anwang_outbox_messages", "channel", "EMAIL", "state", "RETRYING"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.value("anwang_outbox_messages", "channel", "EMAIL", "state", "FAILED"))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.value("anwang_outbox_due_age_seconds", "channel", "EMAIL"))
        .isGreaterThanOrEqualTo(595);
  }

  @Test
  void schedulerLagShowsAnExecutionNoServerPicked() throws Exception {
    PrometheusText quiet = scrape();
    assertThat(quiet.value("anwang_scheduler_lag_seconds")).isNotNull().isGreaterThanOrEqualTo(0);
    assertThat(quiet.value("anwang_scheduler_executions_due")).isNotNull();
    assertThat(quiet.value("anwang_scheduler_executions_failing")).isNotNull();
    assertThat(quiet.value("anwang_events_incomplete")).isNotNull();
    // an execution of a task no server knows, due five minutes ago: nobody picks it
    fixtures.insertUnknownTaskExecution(jdbc, Duration.ofMinutes(5));
    PrometheusText late = scrape();
    assertThat(late.value("anwang_scheduler_lag_seconds")).isGreaterThanOrEqualTo(299);
    assertThat(late.value("anwang_scheduler_executions_due"))
        .isEqualTo(
            jdbc.sql(
                    "SELECT count(*) FROM scheduled_tasks WHERE execution_time < now() AND NOT picked")
                .query(Double.class)
                .single());
  }

  @Test
  void anImportIsTimedByKindAndOutcome() throws Exception {
    PrometheusText before = scrape();
    for (String kind : List.of("grids", "objects")) {
      for (String outcome : List.of("WRITTEN", "DRY_RUN", "REFUSED", "FAILED")) {
        assertThat(before.value("anwang_import_seconds_count", "kind", kind, "outcome", outcome))
            .as(kind + " " + outcome)
            .isNotNull();
      }
    }
    // a grid file whose one feature has neither code nor name: checked and refused
    mvc.perform(
            post("/api/v1/grids/import")
                .with(httpBasic("admin", "admin-test-password"))
                .contentType("application/geo+json")
                .content(
                    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{},\"geometry\":null}]}"))
        .andExpect(status().isUnprocessableContent());
    PrometheusText after = scrape();
    String[] refused = {"kind", "grids", "outcome", "REFUSED"};
    assertThat(after.value("anwang_import_seconds_count", refused))
        .isEqualTo(before.value("anwang_import_seconds_count", refused) + 1);
    assertThat(after.value("anwang_import_seconds_sum", refused))
        .isGreaterThan(before.value("anwang_import_seconds_sum", refused));
  }

  @Test
  void everyMetricTheAlertRulesUseIsExposed() throws Exception {
    // one request before, so that http.server.requests has a series
    scrape();
    PrometheusText text = scrape();
    for (String name : AlertRules.load().metricNames()) {
      if (!AlertRules.FROM_PROMETHEUS.contains(name)) {
        assertThat(text.names()).as("metric of an alert rule").contains(name);
      }
    }
    assertThat(text.value("anwang_metrics_snapshot_duration_seconds", "source", "cases"))
        .isNotNull();
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Forgets every snapshot, then scrapes twice: series first seen in a snapshot are in the second.
   */
  PrometheusText scrape() throws Exception {
    snapshots.invalidateAll();
    scrapeText();
    return PrometheusText.parse(scrapeText());
  }

  private String scrapeText() throws Exception {
    return mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin-test-password")))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static double delta(
      PrometheusText before, PrometheusText after, String status, String light) {
    String[] labels = {"district", DISTRICT, "status", status, "light", light};
    return after.valueOrZero("anwang_cases", labels) - before.valueOrZero("anwang_cases", labels);
  }

  private static double reminders(PrometheusText text, String kind) {
    return text.value("anwang_reminders_due", "kind", kind);
  }

  /** (district, status, light) → cases, the light computed per row as the case pages do. */
  private Map<List<String>, Double> casesInTheDatabase() {
    WorkingCalendar cal = calendar.current();
    Instant now = Instant.now();
    Map<List<String>, Double> counts = new HashMap<>();
    jdbc.sql("SELECT district_code, status, stage_started_at, stage_due_at FROM safety_case")
        .query(
            (RowCallbackHandler)
                rs -> {
                  String status = rs.getString(2);
                  Timestamp start = rs.getTimestamp(3);
                  Timestamp due = rs.getTimestamp(4);
                  boolean open = !status.equals("CLOSED") && !status.equals("VOIDED");
                  String light =
                      open && start != null && due != null
                          ? TrafficLight.of(cal.usedShare(start.toInstant(), due.toInstant(), now))
                              .name()
                          : "NONE";
                  counts.merge(List.of(rs.getString(1), status, light), 1.0, Double::sum);
                });
    return counts;
  }
}
