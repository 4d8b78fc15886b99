package cn.anwang.casework.indicator;

import cn.anwang.casework.CaseFigures;
import cn.anwang.shared.db.UnitColumn;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseFigures} in two grouped scans: one over the cases (their moments), one over the
 * timeline lines of the period. The conditions of each measure are written once, in {@link
 * #CASE_MEASURES} and {@link #EVENT_MEASURES}, and serve both the counts and the records.
 */
@Component
@Transactional(readOnly = true)
class CaseFigureQueries implements CaseFigures {

  private static final String IN_PERIOD = " >= :from AND %s < :to";

  /** Measures over the case row: the condition a case must meet. */
  static final Map<Measure, String> CASE_MEASURES = new EnumMap<>(Measure.class);

  /** Measures over the timeline: the condition a line of the period must meet. */
  static final Map<Measure, String> EVENT_MEASURES = new EnumMap<>(Measure.class);

  static {
    CASE_MEASURES.put(Measure.REGISTERED, period("c.registered_at"));
    CASE_MEASURES.put(
        Measure.HAZARDS,
        period("c.registered_at") + " AND c.type IN ('GENERAL_HAZARD', 'MAJOR_HAZARD')");
    CASE_MEASURES.put(Measure.DUE, period("c.due_at") + " AND c.status <> 'VOIDED'");
    CASE_MEASURES.put(Measure.CLOSED, period("c.due_at") + " AND c.status = 'CLOSED'");
    CASE_MEASURES.put(
        Measure.CLOSED_ON_TIME,
        period("c.due_at") + " AND c.status = 'CLOSED' AND c.closed_on_time");
    CASE_MEASURES.put(Measure.OPEN_NOW, "c.status NOT IN ('CLOSED', 'VOIDED')");
    CASE_MEASURES.put(
        Measure.OVERDUE_NOW, "c.status NOT IN ('CLOSED', 'VOIDED') AND c.stage_due_at < :now");
    EVENT_MEASURES.put(Measure.REWORK, "e.action = 'REWORK'");
    EVENT_MEASURES.put(Measure.EXTENSIONS, "e.action = 'APPROVE_EXTENSION'");
    EVENT_MEASURES.put(Measure.DISPATCHES, "e.action = 'DISPATCH'");
    EVENT_MEASURES.put(Measure.WRONG_DISPATCHES, "e.action = 'RETURN'");
    EVENT_MEASURES.put(
        Measure.REINSPECTIONS,
        "e.action IN ('REINSPECT_PASS', 'REWORK') AND (e.data ->> 'onTime') IS NOT NULL");
    EVENT_MEASURES.put(
        Measure.REINSPECTIONS_ON_TIME,
        "e.action IN ('REINSPECT_PASS', 'REWORK') AND (e.data ->> 'onTime') = 'true'");
  }

  private static final String EVENT_ACTIONS =
      "e.action IN ('REWORK', 'APPROVE_EXTENSION', 'DISPATCH', 'RETURN', 'REINSPECT_PASS')";

  private final JdbcClient jdbc;

  CaseFigureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static String period(String column) {
    return column + IN_PERIOD.formatted(column);
  }

  @Override
  public Map<String, Map<Measure, Long>> count(Slice slice) {
    return withCustomPlans(() -> counts(slice));
  }

  private Map<String, Map<Measure, Long>> counts(Slice slice) {
    Map<String, Object> p = params(slice);
    String unit = UnitColumn.of("c", slice.unitLength());
    Map<String, Map<Measure, Long>> result = new TreeMap<>();
    StringBuilder caseSql = new StringBuilder("SELECT ").append(unit).append(" AS unit");
    CASE_MEASURES
        .values()
        .forEach(c -> caseSql.append(", count(*) FILTER (WHERE ").append(c).append(')'));
    caseSql
        .append(" FROM safety_case c WHERE ")
        .append(scope(slice))
        .append(" AND (")
        .append(period("c.registered_at"))
        .append(" OR ")
        .append(period("c.due_at"))
        .append(" OR c.status NOT IN ('CLOSED', 'VOIDED')) GROUP BY 1");
    jdbc.sql(caseSql.toString())
        .params(p)
        .query((RowCallbackHandler) rs -> collect(rs, result, CASE_MEASURES));
    StringBuilder eventSql = new StringBuilder("SELECT ").append(unit).append(" AS unit");
    EVENT_MEASURES
        .values()
        .forEach(c -> eventSql.append(", count(*) FILTER (WHERE ").append(c).append(')'));
    eventSql
        .append(" FROM case_event e JOIN safety_case c ON c.id = e.case_id WHERE ")
        .append(EVENT_ACTIONS)
        .append(" AND ")
        .append(period("e.at"))
        .append(slice.divisionPrefix().length() >= 6 ? " AND e.district_code = :district" : "")
        .append(" AND ")
        .append(scope(slice))
        .append(" GROUP BY 1");
    jdbc.sql(eventSql.toString())
        .params(p)
        .query((RowCallbackHandler) rs -> collect(rs, result, EVENT_MEASURES));
    return result;
  }

  @Override
  public List<CaseRecord> records(Slice slice, String unit, Measure measure, int limit) {
    return withCustomPlans(() -> caseRecords(slice, unit, measure, limit));
  }

  /**
   * Runs the queries with a plan made for their parameters. After a statement has been executed
   * five times as a server-side prepared statement, PostgreSQL may switch to a generic plan, one
   * made without the parameters' values: it cannot use the division prefix ({@code LIKE :prefix})
   * on {@code safety_case_scope_idx}, and for the timeline scan it then reads every counted line of
   * the district's period and looks up each line's case (226 ms for a street of 2,700 cases among a
   * district's 35,000, against 14 ms with its own plan; see docs/benchmarks.md, "Assessment").
   * Planning these statements takes about a millisecond. The setting is local to the transaction
   * and put back afterwards, so the caller's other statements keep theirs.
   */
  private <T> T withCustomPlans(Supplier<T> queries) {
    String previous =
        jdbc.sql(
                "SELECT current_setting('plan_cache_mode'),"
                    + " set_config('plan_cache_mode', 'force_custom_plan', true)")
            .query((rs, n) -> rs.getString(1))
            .single();
    try {
      return queries.get();
    } finally {
      jdbc.sql("SELECT set_config('plan_cache_mode', :previous, true)")
          .param("previous", previous)
          .query((rs, n) -> rs.getString(1))
          .single();
    }
  }

  private List<CaseRecord> caseRecords(Slice slice, String unit, Measure measure, int limit) {
    Map<String, Object> p = params(slice);
    p.put("unit", unit == null ? "" : unit);
    p.put("limit", Math.max(1, Math.min(limit, 1000)));
    String condition;
    if (CASE_MEASURES.containsKey(measure)) {
      condition = CASE_MEASURES.get(measure);
    } else {
      condition =
          "EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND "
              + EVENT_MEASURES.get(measure)
              + " AND "
              + period("e.at")
              + ")";
    }
    return jdbc.sql(
            """
            SELECT c.id, c.number, c.title, c.type, c.status, c.division_code, c.grid_code,
                   c.registered_at, c.due_at, c.closed_at, c.closed_on_time
              FROM safety_case c
             WHERE\s"""
                + scope(slice)
                + " AND "
                + UnitColumn.of("c", slice.unitLength())
                + " = :unit AND "
                + condition
                + " ORDER BY c.reported_at DESC, c.id DESC LIMIT :limit")
        .params(p)
        .query(CaseFigureQueries::record)
        .list();
  }

  private static String scope(Slice slice) {
    StringBuilder where = new StringBuilder("c.division_code LIKE :prefix");
    if (slice.divisionPrefix().length() >= 6) {
      where.append(" AND c.district_code = :district");
    }
    if (slice.department() != null) {
      where.append(" AND c.handler_type = 'DEPARTMENT' AND c.handler_code = :department");
    }
    return where.toString();
  }

  private static Map<String, Object> params(Slice slice) {
    Map<String, Object> p = new HashMap<>();
    p.put("prefix", slice.divisionPrefix() + "%");
    if (slice.divisionPrefix().length() >= 6) {
      p.put("district", slice.divisionPrefix().substring(0, 6));
    }
    if (slice.department() != null) {
      p.put("department", slice.department());
    }
    p.put("from", Timestamp.from(slice.from()));
    p.put("to", Timestamp.from(slice.to()));
    p.put("now", Timestamp.from(slice.now()));
    return p;
  }

  private static void collect(
      ResultSet rs, Map<String, Map<Measure, Long>> result, Map<Measure, String> measures)
      throws SQLException {
    Map<Measure, Long> counts =
        result.computeIfAbsent(rs.getString(1), u -> new EnumMap<>(Measure.class));
    int i = 2;
    for (Measure m : measures.keySet()) {
      counts.put(m, rs.getLong(i++));
    }
  }

  private static CaseRecord record(ResultSet rs, int n) throws SQLException {
    boolean onTime = rs.getBoolean("closed_on_time");
    Boolean closedOnTime = rs.wasNull() ? null : onTime;
    return new CaseRecord(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getString("title"),
        rs.getString("type"),
        rs.getString("status"),
        rs.getString("division_code"),
        rs.getString("grid_code"),
        instant(rs, "registered_at"),
        instant(rs, "due_at"),
        instant(rs, "closed_at"),
        closedOnTime);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
