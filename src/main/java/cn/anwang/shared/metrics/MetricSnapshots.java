package cn.anwang.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Makes the {@link SnapshotGauges} of every module, all with the configured time-to-live. */
@Component
public class MetricSnapshots {

  private final MetricsProperties properties;
  private final List<SnapshotGauges> all = new CopyOnWriteArrayList<>();

  MetricSnapshots(MetricsProperties properties) {
    this.properties = properties;
  }

  /**
   * Gauges on {@code registry} read from snapshots of {@code source}, named {@code sourceName} in
   * {@link SnapshotGauges#DURATION}.
   */
  public SnapshotGauges gauges(
      MeterRegistry registry, String sourceName, Supplier<Map<Series, Double>> source) {
    SnapshotGauges gauges =
        new SnapshotGauges(
            registry, sourceName, source, properties.snapshotTtl(), System::nanoTime);
    all.add(gauges);
    return gauges;
  }

  /** Forgets every snapshot: the next scrape reads the database again (tests; operators). */
  public void invalidateAll() {
    all.forEach(SnapshotGauges::invalidate);
  }
}
