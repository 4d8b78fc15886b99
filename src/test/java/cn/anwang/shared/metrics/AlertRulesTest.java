package cn.anwang.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alerting rules file parses, every rule is complete, and the metric names its expressions use
 * are extracted as Prometheus would read them (MetricsScrapeTest compares them with a real scrape).
 */
class AlertRulesTest {

  @Test
  void everyRuleHasANameAnExpressionASeverityASummaryAndARunbookSection() throws Exception {
    AlertRules rules = AlertRules.load();
    assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(12);
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/observability.md"));
    Set<String> alerts = new HashSet<>();
    for (AlertRules.Rule r : rules.rules()) {
      assertThat(r.alert()).matches("Anwang[A-Za-z0-9]+");
      assertThat(r.expr()).as(r.alert()).isNotBlank();
      assertThat(r.labels()).as(r.alert()).containsKey("severity");
      assertThat(r.labels().get("severity")).as(r.alert()).isIn("warning", "critical");
      assertThat(r.annotations()).as(r.alert()).containsKeys("summary", "runbook");
      assertThat((String) r.annotations().get("runbook"))
          .as(r.alert())
          .startsWith("docs/observability.md#anwang");
      String anchor = ((String) r.annotations().get("runbook")).replaceFirst(".*#", "");
      assertThat(doc.lines().filter(l -> l.startsWith("### ")).map(l -> l.substring(4).strip()))
          .as("runbook section of %s", r.alert())
          .anyMatch(h -> h.equalsIgnoreCase(anchor));
      if (r.forDuration() != null) {
        assertThat(r.forDuration()).as(r.alert()).matches("\\d+[smh]");
      }
      assertThat(alerts.add(r.alert())).as("alert %s twice", r.alert()).isTrue();
    }
  }

  @Test
  void coversTheLoopAndTheInfrastructure() throws Exception {
    assertThat(AlertRules.load().metricNames())
        .contains(
            "up",
            "anwang_cases_overdue",
            "anwang_outbox_due_age_seconds",
            "anwang_reminders_due",
            "anwang_scheduler_lag_seconds",
            "hikaricp_connections_pending",
            "http_server_requests_seconds_count",
            "jvm_memory_used_bytes");
  }

  @Test
  void readsMetricNamesOutOfPromQl() {
    assertThat(
            AlertRules.metricNames(
                "sum by (instance) (rate(http_server_requests_seconds_count{status=~\"5..\"}[5m]))"
                    + " / sum by (instance) (rate(http_server_requests_seconds_count[5m])) > 0.02"))
        .containsExactly("http_server_requests_seconds_count");
    assertThat(
            AlertRules.metricNames(
                "max by (district) (anwang_cases_overdue)"
                    + " - max by (district) (anwang_cases_overdue offset 1d) > 1e1"))
        .containsExactly("anwang_cases_overdue");
    assertThat(AlertRules.metricNames("a_total and on (job) b_bytes > bool 0"))
        .containsExactly("a_total", "b_bytes");
  }
}
