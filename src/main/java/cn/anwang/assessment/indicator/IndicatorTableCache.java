package cn.anwang.assessment.indicator;

import cn.anwang.assessment.indicator.IndicatorTables.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The dashboards' indicator tables, each reused for a short while ({@code
 * anwang.assessment.table-cache-ttl}, 5 minutes by default; 0 turns it off). A table shows when it
 * was computed ({@link Table#computedAt()}), so a reader always sees how fresh it is. Concurrent
 * readers of the same table wait for one computation instead of each running it. Per server: two
 * servers may show tables computed at different moments, each within the time to live. Score sheets
 * and generated reports never come through here; they compute afresh.
 */
@Service
public class IndicatorTableCache {

  private static final int MAX_ENTRIES = 2_000;

  private record Key(String division, String department, Level rows, Instant from, Instant to) {}

  private record Entry(CompletableFuture<Table> table, Instant started) {}

  private final IndicatorTables tables;
  private final Duration ttl;
  private final Clock clock;
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

  @Autowired
  IndicatorTableCache(
      IndicatorTables tables,
      @Value("${anwang.assessment.table-cache-ttl:PT5M}") Duration ttl,
      Optional<Clock> clock) {
    this(tables, ttl, clock.orElse(Clock.systemUTC()));
  }

  /** For a test that sets its own time to live and clock. */
  public IndicatorTableCache(IndicatorTables tables, Duration ttl, Clock clock) {
    this.tables = tables;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The time to live; zero when tables are always computed afresh. */
  public Duration ttl() {
    return ttl;
  }

  /** The table, computed now or reused if computed less than the time to live ago. */
  public Table table(String division, String department, Level rows, Instant from, Instant to) {
    if (ttl.isZero() || ttl.isNegative()) {
      return tables.table(division, department, rows, from, to, clock.instant());
    }
    Key key = new Key(division, department, rows, from, to);
    Instant now = clock.instant();
    CompletableFuture<Table> mine = new CompletableFuture<>();
    Entry entry =
        entries.compute(
            key,
            (k, old) ->
                old != null && old.started().plus(ttl).isAfter(now) ? old : new Entry(mine, now));
    if (entry.table() == mine) {
      if (entries.size() > MAX_ENTRIES) {
        entries.entrySet().removeIf(e -> !e.getValue().started().plus(ttl).isAfter(now));
      }
      try {
        mine.complete(tables.table(division, department, rows, from, to, now));
      } catch (RuntimeException | Error e) {
        entries.remove(key, entry);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return entry.table().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }
}
