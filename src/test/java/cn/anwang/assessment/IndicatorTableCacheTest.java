package cn.anwang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.anwang.IntegrationTest;
import cn.anwang.assessment.indicator.Figure;
import cn.anwang.assessment.indicator.IndicatorTableCache;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.Table;
import cn.anwang.assessment.indicator.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' table cache over the real indicator tables: within its time to live a table is
 * reused (the same figures, the same moment of computation, even after the records changed), after
 * it the table is computed again and shows the change; concurrent readers share one computation.
 * (The test profile turns the cache off for every other test, which reads its fixtures back at
 * once.)
 */
@IntegrationTest
class IndicatorTableCacheTest {

  private static final Instant FROM = Instant.parse("2025-12-31T16:00:00Z");
  private static final Instant TO = Instant.parse("2026-12-31T16:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired IndicatorTables tables;

  /** A clock the test moves. */
  private static final class Hands extends Clock {
    Instant now = Instant.parse("2026-06-01T02:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void aTableIsReusedWithinItsTimeToLiveAndComputedAgainAfter() {
    Hands clock = new Hands();
    IndicatorTableCache cache = new IndicatorTableCache(tables, Duration.ofMinutes(5), clock);
    try (IndicatorFixture f = new IndicatorFixture(jdbc)) {
      f.addTask("RED", "2026-03-01", true);
      Table first = cache.table(f.village, null, Level.GRID, FROM, TO);
      assertThat(first.computedAt()).isEqualTo(clock.now);
      assertThat(patrol(first)).isEqualTo(new Figure(100.0, 1L, 1L));

      // a second task, four minutes later: the reused table does not show it yet
      f.addTask("RED", "2026-04-01", false);
      clock.now = clock.now.plus(Duration.ofMinutes(4));
      Table again = cache.table(f.village, null, Level.GRID, FROM, TO);
      assertThat(again).isSameAs(first);
      assertThat(again.computedAt()).isBefore(clock.now);
      // another key (another division or period) is its own table
      assertThat(cache.table(f.street, null, Level.VILLAGE, FROM, TO)).isNotSameAs(first);

      // past the time to live: computed again, with the new task and the new moment
      clock.now = clock.now.plus(Duration.ofMinutes(2));
      Table fresh = cache.table(f.village, null, Level.GRID, FROM, TO);
      assertThat(fresh).isNotSameAs(first);
      assertThat(fresh.computedAt()).isEqualTo(clock.now);
      assertThat(patrol(fresh)).isEqualTo(new Figure(50.0, 1L, 2L));
    }
  }

  @Test
  void concurrentReadersShareOneComputationAndZeroTurnsTheCacheOff() throws Exception {
    Hands clock = new Hands();
    IndicatorTableCache cache = new IndicatorTableCache(tables, Duration.ofMinutes(5), clock);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Table> read = () -> cache.table("120101", null, Level.STREET, FROM, TO);
      Future<Table> a = pool.submit(read);
      Future<Table> b = pool.submit(read);
      Future<Table> c = pool.submit(read);
      assertThat(b.get()).isSameAs(a.get());
      assertThat(c.get()).isSameAs(a.get());
    } finally {
      pool.shutdownNow();
    }

    IndicatorTableCache off = new IndicatorTableCache(tables, Duration.ZERO, clock);
    Table one = off.table("120101", null, Level.STREET, FROM, TO);
    Table two = off.table("120101", null, Level.STREET, FROM, TO);
    assertThat(two).isNotSameAs(one);
    assertThat(two.total().figures()).isEqualTo(one.total().figures());
  }

  private static Figure patrol(Table t) {
    return t.total().figures().get("patrol.completion");
  }
}
