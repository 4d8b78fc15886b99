package cn.anwang.casework.indicator;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The casework indicators of GB/T 30428 over a period, for a division subtree and optionally one
 * handling department, with the same figures per street and per handler. Everything is derived from
 * what the transitions wrote — the case's moments and the timeline's lines — never typed in.
 *
 * <ul>
 *   <li><b>registered</b>: cases registered (立案) in the period;
 *   <li><b>due</b> (应结案): cases whose rectification deadline ({@code due_at}, after approved
 *       extensions) falls in the period, voided ones excluded;
 *   <li><b>closed</b> (结案): of those, the ones closed (by now); <b>closedOnTime</b> (按期结案): closed
 *       by their deadline;
 *   <li><b>closedInPeriod</b>: every case closed in the period, whenever it was due;
 *   <li><b>rework</b> (返工), <b>extensions</b> (approved 延期) and <b>wrongDispatches</b> (退回):
 *       timeline lines in the period;
 *   <li><b>overdueNow</b>: open cases whose current stage is past its deadline now;
 *   <li><b>averageHandlingWorkingDays</b>: of the cases closed in the period, the mean working time
 *       from registration to closing, in working days of 24 h;
 *   <li>rates: 结案率 = closed / due, 按期结案率 = closedOnTime / due, 返工率 = rework / due (null when
 *       nothing was due).
 * </ul>
 */
@Component
public class CaseIndicators {

  /** The figures of one group (the whole selection, a street or a handler). */
  public record Figures(
      long registered,
      long due,
      long closed,
      long closedOnTime,
      long closedInPeriod,
      long rework,
      long extensions,
      long wrongDispatches,
      long overdueNow,
      Double averageHandlingWorkingDays,
      Double closeRate,
      Double onTimeRate,
      Double reworkRate) {}

  /** A group's key and figures. */
  public record Group(String code, Figures figures) {}

  /** The answer: totals, per street, per handler (type:code). */
  public record Result(
      String division,
      String department,
      Instant from,
      Instant to,
      Instant computedAt,
      Figures totals,
      List<Group> byStreet,
      List<Group> byHandler) {}

  private final JdbcClient jdbc;

  CaseIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Computes the indicators.
   *
   * @param division a division code (the city "12", a district, a street or a village)
   * @param department only cases handled by this department, or null for all
   * @param from start of the period (inclusive)
   * @param to end of the period (exclusive)
   * @param now the moment "overdue now" is judged at
   */
  @Transactional(readOnly = true)
  public Result compute(String division, String department, Instant from, Instant to, Instant now) {
    Map<String, Object> p = new HashMap<>();
    StringBuilder where = new StringBuilder("c.division_code LIKE :prefix");
    p.put("prefix", division + "%");
    if (division.length() >= 6) {
      where.append(" AND c.district_code = :district");
      p.put("district", division.substring(0, 6));
    }
    if (department != null) {
      where.append(" AND c.handler_type = 'DEPARTMENT' AND c.handler_code = :department");
      p.put("department", department);
    }
    p.put("from", Timestamp.from(from));
    p.put("to", Timestamp.from(to));
    p.put("now", Timestamp.from(now));

    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Double> averages = new HashMap<>();
    jdbc.sql(
            """
            SELECT CASE WHEN GROUPING(c.street_code) = 0 THEN 'S:' || coalesce(c.street_code, '-')
                        WHEN GROUPING(c.handler_type) = 0
                             THEN 'H:' || coalesce(c.handler_type || ':' || c.handler_code, '-')
                        ELSE 'T' END AS grp,
                   count(*) FILTER (WHERE c.registered_at >= :from AND c.registered_at < :to),
                   count(*) FILTER (WHERE c.due_at >= :from AND c.due_at < :to AND c.status <> 'VOIDED'),
                   count(*) FILTER (WHERE c.due_at >= :from AND c.due_at < :to AND c.status = 'CLOSED'),
                   count(*) FILTER (WHERE c.due_at >= :from AND c.due_at < :to AND c.closed_on_time),
                   count(*) FILTER (WHERE c.closed_at >= :from AND c.closed_at < :to),
                   count(*) FILTER (WHERE c.status NOT IN ('CLOSED', 'VOIDED') AND c.stage_due_at < :now),
                   avg(c.handling_working_seconds) FILTER (WHERE c.closed_at >= :from AND c.closed_at < :to)
              FROM safety_case c
             WHERE\s"""
                + where
                + """

             GROUP BY GROUPING SETS ((), (c.street_code), (c.handler_type, c.handler_code))
            """)
        .params(p)
        .query(
            rs -> {
              String group = rs.getString(1);
              long[] v = counts.computeIfAbsent(group, g -> new long[9]);
              for (int i = 0; i < 6; i++) {
                v[i] = rs.getLong(2 + i);
              }
              double avg = rs.getDouble(8);
              if (!rs.wasNull()) {
                averages.put(group, avg / 86_400.0);
              }
            });
    jdbc.sql(
            """
            SELECT CASE WHEN GROUPING(c.street_code) = 0 THEN 'S:' || coalesce(c.street_code, '-')
                        WHEN GROUPING(c.handler_type) = 0
                             THEN 'H:' || coalesce(c.handler_type || ':' || c.handler_code, '-')
                        ELSE 'T' END AS grp,
                   count(*) FILTER (WHERE e.action = 'REWORK'),
                   count(*) FILTER (WHERE e.action = 'APPROVE_EXTENSION'),
                   count(*) FILTER (WHERE e.action = 'RETURN')
              FROM case_event e JOIN safety_case c ON c.id = e.case_id
             WHERE e.action IN ('REWORK', 'RETURN', 'APPROVE_EXTENSION')
               AND e.at >= :from AND e.at < :to
               """
                + (division.length() >= 6 ? "AND e.district_code = :district AND " : "AND ")
                + where
                + """

             GROUP BY GROUPING SETS ((), (c.street_code), (c.handler_type, c.handler_code))
            """)
        .params(p)
        .query(
            rs -> {
              long[] v = counts.computeIfAbsent(rs.getString(1), g -> new long[9]);
              v[6] = rs.getLong(2);
              v[7] = rs.getLong(3);
              v[8] = rs.getLong(4);
            });

    Figures totals = figures(counts.getOrDefault("T", new long[9]), averages.get("T"));
    List<Group> byStreet = new ArrayList<>();
    List<Group> byHandler = new ArrayList<>();
    counts.forEach(
        (group, v) -> {
          if (group.startsWith("S:")) {
            byStreet.add(new Group(group.substring(2), figures(v, averages.get(group))));
          } else if (group.startsWith("H:")) {
            byHandler.add(new Group(group.substring(2), figures(v, averages.get(group))));
          }
        });
    byStreet.sort((a, b) -> a.code().compareTo(b.code()));
    byHandler.sort((a, b) -> a.code().compareTo(b.code()));
    return new Result(division, department, from, to, now, totals, byStreet, byHandler);
  }

  private static Figures figures(long[] v, Double averageDays) {
    long due = v[1];
    return new Figures(
        v[0],
        due,
        v[2],
        v[3],
        v[4],
        v[6],
        v[7],
        v[8],
        v[5],
        averageDays == null ? null : Math.round(averageDays * 100) / 100.0,
        rate(v[2], due),
        rate(v[3], due),
        rate(v[6], due));
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
