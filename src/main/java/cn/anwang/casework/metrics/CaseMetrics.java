package cn.anwang.casework.metrics;

import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.metrics.MetricSnapshots;
import cn.anwang.shared.metrics.Series;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code anwang.cases} (district, status, light) and {@code anwang.cases.overdue} (district), from
 * one grouped read of {@code safety_case} per snapshot. The light is the case pages' (the share of
 * the current stage's working time used on the holiday calendar, {@link TrafficLight}); closed and
 * voided cases and open ones without a stage clock have the light {@code NONE}. Overdue is the red
 * light: an open case whose stage is past its deadline.
 */
@Component
class CaseMetrics implements MeterBinder {

  static final String CASES = "anwang.cases";
  static final String OVERDUE = "anwang.cases.overdue";
  static final String NONE = "NONE";

  private final JdbcClient jdbc;
  private final HolidayCalendar calendar;
  private final MetricSnapshots snapshots;

  CaseMetrics(JdbcClient jdbc, HolidayCalendar calendar, MetricSnapshots snapshots) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.snapshots = snapshots;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    snapshots
        .gauges(registry, "cases", this::read)
        .describe(CASES, "Cases by district, status and traffic light (NONE: closed, voided)", null)
        .describe(OVERDUE, "Open cases past their stage's deadline (red light), by district", null);
  }

  static Series cases(String district, String status, String light) {
    return Series.of(CASES, "district", district, "status", status, "light", light);
  }

  static Series overdue(String district) {
    return Series.of(OVERDUE, "district", district);
  }

  /** One row per district, status and (open cases only) stage clock, counted. */
  Map<Series, Double> read() {
    WorkingCalendar cal = calendar.current();
    Instant now = Instant.now();
    Map<Series, Double> values = new HashMap<>();
    jdbc.sql(
            """
            SELECT district_code, status, s, d, count(*)
              FROM (SELECT district_code, status,
                           CASE WHEN status NOT IN ('CLOSED', 'VOIDED') THEN stage_started_at END s,
                           CASE WHEN status NOT IN ('CLOSED', 'VOIDED') THEN stage_due_at END d
                      FROM safety_case) c
             GROUP BY 1, 2, 3, 4
            """)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String district = rs.getString(1);
                  String light = NONE;
                  if (rs.getTimestamp(3) != null && rs.getTimestamp(4) != null) {
                    light =
                        TrafficLight.of(
                                cal.usedShare(
                                    rs.getTimestamp(3).toInstant(),
                                    rs.getTimestamp(4).toInstant(),
                                    now))
                            .name();
                  }
                  double n = rs.getLong(5);
                  values.merge(cases(district, rs.getString(2), light), n, Double::sum);
                  if (light.equals("RED")) {
                    values.merge(overdue(district), n, Double::sum);
                  } else {
                    values.putIfAbsent(overdue(district), 0.0);
                  }
                });
    return values;
  }
}
