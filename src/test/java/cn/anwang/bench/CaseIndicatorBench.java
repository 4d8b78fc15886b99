package cn.anwang.bench;

import cn.anwang.casework.indicator.CaseIndicators;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The second half of {@link CaseBenchmark}: writes a year of cases of one district with their
 * timeline by SQL and times the indicators for that district over the year.
 */
final class CaseIndicatorBench {

  private CaseIndicatorBench() {}

  static void run(JdbcTemplate jdbc, CaseIndicators indicators, int cases) {
    long t = System.nanoTime();
    // a year of cases of 河东区 (120102) over its streets: 85% closed (10% of those late), 4%
    // voided, the rest open; timeline: report, register, dispatch, feedback, re-inspection, close,
    // plus returns, reworks and extensions
    jdbc.update(
        "WITH g AS (SELECT i, hashint4(i) & 2147483647 AS h,"
            + " timestamptz '2025-12-01 09:00+08' + (i % 365) * interval '1 day'"
            + " + (hashint4(i + 7) & 32767) * interval '1 second' AS reported"
            + " FROM generate_series(1, ?) i)"
            + " INSERT INTO safety_case (number, district_code, street_code, division_code, type,"
            + " source, title, description, status, handler_type, handler_code, stage,"
            + " stage_started_at, stage_due_at, due_at, reported_at, registered_at,"
            + " first_dispatched_at, feedback_at, closed_at, closed_on_time,"
            + " handling_working_seconds, rework_count, wrong_dispatch_count, extension_count,"
            + " reporter_name)"
            + " SELECT 'I-' || i, '120102', '120102' || lpad((1 + h % 13)::text, 3, '0'),"
            + " '120102' || lpad((1 + h % 13)::text, 3, '0'), 'GENERAL_HAZARD',"
            + " 'OFFICER_INSPECTION', '指标案件', '基准',"
            + " CASE WHEN h % 100 < 85 THEN 'CLOSED' WHEN h % 100 < 89 THEN 'VOIDED'"
            + " ELSE 'RECTIFYING' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN 'STREET' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN '120102' || lpad((1 + h % 13)::text, 3, '0') END,"
            + " CASE WHEN h % 100 >= 89 THEN 'RECTIFY' END,"
            + " CASE WHEN h % 100 >= 89 THEN reported END,"
            + " CASE WHEN h % 100 >= 89 THEN reported + interval '14 days' END,"
            + " CASE WHEN h % 100 < 85 OR h % 100 >= 89 THEN reported + interval '14 days' END,"
            + " reported, reported + interval '2 hours', reported + interval '5 hours',"
            + " CASE WHEN h % 100 < 85 THEN reported + interval '9 days' END,"
            + " CASE WHEN h % 100 < 85 THEN reported + (CASE WHEN h % 10 = 0 THEN 16 ELSE 11 END)"
            + " * interval '1 day' END,"
            + " CASE WHEN h % 100 < 85 THEN h % 10 <> 0 END,"
            + " CASE WHEN h % 100 < 85 THEN (7 + h % 5) * 86400 END,"
            + " CASE WHEN h % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN h % 23 = 0 THEN 1 ELSE 0 END,"
            + " CASE WHEN h % 29 = 0 THEN 1 ELSE 0 END, '基准'"
            + " FROM g",
        cases);
    jdbc.update(
        "INSERT INTO case_event (case_id, district_code, at, actor_name, action, from_status,"
            + " to_status)"
            + " SELECT c.id, c.district_code, x.at, '基准', x.action, NULL, NULL"
            + " FROM safety_case c CROSS JOIN LATERAL (VALUES"
            + " (c.reported_at, 'REPORT'), (c.registered_at, 'REGISTER'),"
            + " (c.first_dispatched_at, 'DISPATCH'), (c.feedback_at, 'FEEDBACK'),"
            + " (c.closed_at - interval '1 hour', 'REINSPECT_PASS'), (c.closed_at, 'CLOSE'),"
            + " (CASE WHEN c.rework_count > 0 THEN c.feedback_at + interval '1 day' END, 'REWORK'),"
            + " (CASE WHEN c.wrong_dispatch_count > 0 THEN c.first_dispatched_at"
            + " + interval '1 hour' END, 'RETURN'),"
            + " (CASE WHEN c.extension_count > 0 THEN c.first_dispatched_at + interval '2 days' END,"
            + " 'APPROVE_EXTENSION')) x(at, action)"
            + " WHERE c.number LIKE 'I-%' AND x.at IS NOT NULL");
    // steady state: the vacuum the transitions above left for autovacuum (audit entries sealed,
    // cases and outbox rows updated) would otherwise run in the background while this is timed
    jdbc.execute("VACUUM ANALYZE");
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d cases of 120102 over a year and %,d timeline lines in %.1f s%n",
        jdbc.queryForObject("SELECT count(*) FROM safety_case WHERE number LIKE 'I-%'", Long.class),
        jdbc.queryForObject(
            "SELECT count(*) FROM case_event WHERE district_code = '120102'", Long.class),
        (System.nanoTime() - t) / 1e9);
    Instant from = LocalDate.of(2025, 12, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant to = LocalDate.of(2026, 12, 1).atStartOfDay(WorkingCalendar.CHINA).toInstant();
    Instant now = Instant.now();
    CaseIndicators.Result last = null;
    for (int i = 0; i < 3; i++) {
      last = indicators.compute("120102", null, from, to, now);
    }
    int rounds = 15;
    double[] ms = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      last = indicators.compute("120102", null, from, to, now);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "Indicators of 120102 over a year (%,d registered, %,d due, 结案率 %.4f, 按期结案率 %.4f,"
            + " 返工率 %.4f; %d streets, %d handlers): min %.0f ms, median %.0f ms, max %.0f ms%n",
        last.totals().registered(),
        last.totals().due(),
        last.totals().closeRate(),
        last.totals().onTimeRate(),
        last.totals().reworkRate(),
        last.byStreet().size(),
        last.byHandler().size(),
        ms[0],
        ms[rounds / 2],
        ms[rounds - 1]);
  }
}
