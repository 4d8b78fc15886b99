package cn.anwang.casework.reminder;

import cn.anwang.shared.metrics.MetricSnapshots;
import cn.anwang.shared.metrics.Series;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code anwang.reminders.due} (kind): the reminders whose moment has come and that no scan has
 * claimed yet — the backlog of {@code casework-reminder-scan}, computed as the scan computes it
 * ({@link ReminderScanner#backlog}), once per snapshot.
 */
@Component
class ReminderMetrics implements MeterBinder {

  static final String NAME = "anwang.reminders.due";

  private final ReminderScanner scanner;
  private final MetricSnapshots snapshots;

  ReminderMetrics(ReminderScanner scanner, MetricSnapshots snapshots) {
    this.scanner = scanner;
    this.snapshots = snapshots;
  }

  static Series series(ReminderKind kind) {
    return Series.of(NAME, "kind", kind.name());
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    snapshots
        .gauges(registry, "reminders", this::read)
        .describe(NAME, "Case reminders and escalations due and not yet sent, by kind", null)
        .register(Arrays.stream(ReminderKind.values()).map(ReminderMetrics::series).toList());
  }

  private Map<Series, Double> read() {
    Map<Series, Double> values = new HashMap<>();
    scanner.backlog(Instant.now()).forEach((k, n) -> values.put(series(k), n.doubleValue()));
    return values;
  }
}
