package cn.anwang.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The infrastructure's gauges, from one query per snapshot: db-scheduler's {@code scheduled_tasks}
 * (executions due and not picked, the lag of the oldest, executions failing, picked ones whose
 * server stopped beating) and Spring Modulith's {@code event_publication} (publications not
 * completed and the age of the oldest).
 */
@Component
class InfrastructureMetrics implements MeterBinder {

  static final Series DUE = Series.of("anwang.scheduler.executions.due");
  static final Series LAG = Series.of("anwang.scheduler.lag");
  static final Series FAILING = Series.of("anwang.scheduler.executions.failing");
  static final Series STALE = Series.of("anwang.scheduler.executions.stale");
  static final Series EVENTS = Series.of("anwang.events.incomplete");
  static final Series EVENTS_AGE = Series.of("anwang.events.incomplete.age");

  private final JdbcClient jdbc;
  private final MetricSnapshots snapshots;

  InfrastructureMetrics(JdbcClient jdbc, MetricSnapshots snapshots) {
    this.jdbc = jdbc;
    this.snapshots = snapshots;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    snapshots
        .gauges(registry, "infrastructure", this::read)
        .describe(
            DUE.name(),
            "db-scheduler executions whose time has come and that no server picked",
            null)
        .describe(LAG.name(), "Age of the oldest due, unpicked db-scheduler execution", "seconds")
        .describe(
            FAILING.name(), "db-scheduler executions whose last runs failed (consecutive)", null)
        .describe(
            STALE.name(), "Picked db-scheduler executions without a heartbeat for 5 minutes", null)
        .describe(EVENTS.name(), "Spring Modulith event publications not completed", null)
        .describe(EVENTS_AGE.name(), "Age of the oldest incomplete event publication", "seconds")
        .register(List.of(DUE, LAG, FAILING, STALE, EVENTS, EVENTS_AGE));
  }

  private Map<Series, Double> read() {
    return jdbc.sql(
            """
            SELECT t.due, t.lag, t.failing, t.stale, e.incomplete, e.age
              FROM (SELECT count(*) FILTER (WHERE execution_time < now() AND NOT picked) AS due,
                           coalesce(extract(epoch FROM now() - min(execution_time)
                                    FILTER (WHERE execution_time < now() AND NOT picked)), 0) AS lag,
                           count(*) FILTER (WHERE consecutive_failures > 0) AS failing,
                           count(*) FILTER (WHERE picked
                                              AND last_heartbeat < now() - interval '5 minutes')
                               AS stale
                      FROM scheduled_tasks) t,
                   (SELECT count(*) AS incomplete,
                           coalesce(extract(epoch FROM now() - min(publication_date)), 0) AS age
                      FROM event_publication WHERE completion_date IS NULL) e
            """)
        .query(
            (rs, n) ->
                Map.of(
                    DUE, rs.getDouble(1),
                    LAG, rs.getDouble(2),
                    FAILING, rs.getDouble(3),
                    STALE, rs.getDouble(4),
                    EVENTS, rs.getDouble(5),
                    EVENTS_AGE, rs.getDouble(6)))
        .single();
  }
}
