package cn.anwang.shared.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges whose values come from one snapshot: the source (typically one grouped query) is asked at
 * most once per time-to-live, however many series are read and however often Prometheus scrapes.
 *
 * <p>A series is registered the first time a snapshot contains it (it appears from the next scrape
 * on) or up front with {@link #register}; once registered it stays, reading 0 while the snapshot
 * lacks it, so that "no case in this state any more" reads 0 rather than disappearing. When the
 * source fails, every series reads NaN until the next snapshot.
 *
 * <p>Every source has one series registered up front, {@code anwang.metrics.snapshot.duration}
 * (source): how long its last snapshot took. It is what makes a scrape take the first snapshot of a
 * source whose series are all discovered from the data, and it shows what the snapshots cost.
 */
public final class SnapshotGauges {

  private static final Logger log = LoggerFactory.getLogger(SnapshotGauges.class);

  /** The gauge, tagged {@code source}, of how long each source's last snapshot took. */
  public static final String DURATION = "anwang.metrics.snapshot.duration";

  private record Snapshot(
      Map<Series, Double> values, long takenAt, boolean failed, double seconds) {}

  private record Meta(String description, String baseUnit) {}

  private final MeterRegistry registry;
  private final Supplier<Map<Series, Double>> source;
  private final long ttlNanos;
  private final LongSupplier ticker;
  private final Map<String, Meta> meta = new HashMap<>();
  private final Set<Series> registered = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private final AtomicLong taken = new AtomicLong();
  private volatile Snapshot snapshot;

  SnapshotGauges(
      MeterRegistry registry,
      String sourceName,
      Supplier<Map<Series, Double>> source,
      Duration ttl,
      LongSupplier ticker) {
    this.registry = registry;
    this.source = source;
    this.ttlNanos = ttl.toNanos();
    this.ticker = ticker;
    Gauge.builder(DURATION, this, g -> g.current().seconds())
        .tag("source", sourceName)
        .description("How long the last snapshot of a source (one query) took")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  /** The description and base unit (null for none) of every series of a name. */
  public SnapshotGauges describe(String name, String description, String baseUnit) {
    meta.put(name, new Meta(description, baseUnit));
    return this;
  }

  /** Registers these series now (reading 0 until a snapshot has them). */
  public SnapshotGauges register(Collection<Series> series) {
    series.forEach(this::ensure);
    return this;
  }

  /** How many snapshots were taken (each one call of the source). */
  public long snapshotsTaken() {
    return taken.get();
  }

  /** Forgets the snapshot: the next read takes a new one. */
  public void invalidate() {
    snapshot = null;
  }

  /** A series' value in the current snapshot (taking a new one when it is older than the TTL). */
  public double value(Series series) {
    Snapshot s = current();
    return s.failed() ? Double.NaN : s.values().getOrDefault(series, 0.0);
  }

  private Snapshot current() {
    Snapshot s = snapshot;
    if (s != null && ticker.getAsLong() - s.takenAt() < ttlNanos) {
      return s;
    }
    synchronized (lock) {
      s = snapshot;
      if (s != null && ticker.getAsLong() - s.takenAt() < ttlNanos) {
        return s;
      }
      s = take();
      snapshot = s;
    }
    s.values().keySet().forEach(this::ensure);
    return s;
  }

  private Snapshot take() {
    taken.incrementAndGet();
    long start = ticker.getAsLong();
    try {
      Map<Series, Double> values = Map.copyOf(source.get());
      long end = ticker.getAsLong();
      return new Snapshot(values, end, false, (end - start) / 1e9);
    } catch (RuntimeException e) {
      log.warn("Metrics snapshot failed: {}", e.toString());
      long end = ticker.getAsLong();
      return new Snapshot(Map.of(), end, true, (end - start) / 1e9);
    }
  }

  private void ensure(Series series) {
    if (!registered.add(series)) {
      return;
    }
    Meta m = meta.get(series.name());
    Gauge.builder(series.name(), this, g -> g.value(series))
        .tags(series.tags())
        .description(m == null ? null : m.description())
        .baseUnit(m == null ? null : m.baseUnit())
        .strongReference(true)
        .register(registry);
  }
}
