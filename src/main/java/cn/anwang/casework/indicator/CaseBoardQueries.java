package cn.anwang.casework.indicator;

import cn.anwang.casework.CaseBoard;
import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseBoard}: one grouped count per status, one read of the open cases with a stage clock
 * (lit as the case pages light them), one grouped count per month.
 */
@Component
@Transactional(readOnly = true)
class CaseBoardQueries implements CaseBoard {

  private static final String OPEN = "c.status NOT IN ('CLOSED', 'VOIDED')";

  private final JdbcClient jdbc;
  private final HolidayCalendar calendar;

  CaseBoardQueries(JdbcClient jdbc, HolidayCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Override
  public Board board(Scope scope, Instant now, int limit) {
    Map<String, Object> p = params(scope);
    Map<String, Long> byStatus = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT c.status, count(*) FROM safety_case c WHERE "
                + where(scope)
                + " GROUP BY 1 ORDER BY 1")
        .params(p)
        .query((RowCallbackHandler) rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
    WorkingCalendar cal = calendar.current();
    long[] lights = new long[3];
    List<OpenCase> overdue = new ArrayList<>();
    jdbc.sql(
            "SELECT c.id, c.number, c.title, c.type, c.status, c.stage, c.division_code,"
                + " c.grid_code, c.stage_started_at, c.stage_due_at FROM safety_case c WHERE "
                + where(scope)
                + " AND "
                + OPEN
                + " AND c.stage_started_at IS NOT NULL AND c.stage_due_at IS NOT NULL"
                + " ORDER BY c.stage_due_at, c.id")
        .params(p)
        .query(
            (RowCallbackHandler)
                rs -> {
                  Instant due = rs.getTimestamp(10).toInstant();
                  TrafficLight light =
                      TrafficLight.of(cal.usedShare(rs.getTimestamp(9).toInstant(), due, now));
                  lights[light.ordinal()]++;
                  if (light == TrafficLight.RED && overdue.size() < limit) {
                    overdue.add(
                        new OpenCase(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            due));
                  }
                });
    return new Board(
        byStatus,
        lights[TrafficLight.RED.ordinal()],
        lights[TrafficLight.YELLOW.ordinal()],
        lights[TrafficLight.GREEN.ordinal()],
        overdue);
  }

  @Override
  public List<Month> months(Scope scope, int year, Instant now) {
    ZoneId zone = WorkingCalendar.CHINA;
    YearMonth last = YearMonth.from(now.atZone(zone));
    Map<String, Object> p = params(scope);
    p.put("from", Timestamp.from(YearMonth.of(year, 1).atDay(1).atStartOfDay(zone).toInstant()));
    p.put("to", Timestamp.from(YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(zone).toInstant()));
    Map<String, long[]> counts = new HashMap<>();
    String month = "to_char(%s AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')";
    jdbc.sql(
            "SELECT "
                + month.formatted("c.registered_at")
                + ", count(*) FROM safety_case c WHERE "
                + where(scope)
                + " AND c.registered_at >= :from AND c.registered_at < :to GROUP BY 1")
        .params(p)
        .query(
            (RowCallbackHandler)
                rs -> counts.computeIfAbsent(rs.getString(1), m -> new long[2])[0] = rs.getLong(2));
    jdbc.sql(
            "SELECT "
                + month.formatted("c.closed_at")
                + ", count(*) FROM safety_case c WHERE "
                + where(scope)
                + " AND c.status = 'CLOSED' AND c.closed_at >= :from AND c.closed_at < :to"
                + " GROUP BY 1")
        .params(p)
        .query(
            (RowCallbackHandler)
                rs -> counts.computeIfAbsent(rs.getString(1), m -> new long[2])[1] = rs.getLong(2));
    List<Month> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth ym = YearMonth.of(year, m);
      if (ym.isAfter(last)) {
        break;
      }
      long[] c = counts.getOrDefault(ym.toString(), new long[2]);
      months.add(new Month(ym.toString(), c[0], c[1]));
    }
    return months;
  }

  private static String where(Scope scope) {
    StringBuilder where = new StringBuilder("c.division_code LIKE :prefix");
    if (scope.divisionPrefix().length() >= 6) {
      where.append(" AND c.district_code = :district");
    }
    if (scope.department() != null) {
      where.append(" AND c.handler_type = 'DEPARTMENT' AND c.handler_code = :department");
    }
    if (scope.reporterUserId() != null) {
      where.append(" AND c.reporter_user_id = :reporter");
    }
    return where.toString();
  }

  private static Map<String, Object> params(Scope scope) {
    Map<String, Object> p = new HashMap<>();
    p.put("prefix", scope.divisionPrefix() + "%");
    if (scope.divisionPrefix().length() >= 6) {
      p.put("district", scope.divisionPrefix().substring(0, 6));
    }
    if (scope.department() != null) {
      p.put("department", scope.department());
    }
    if (scope.reporterUserId() != null) {
      p.put("reporter", scope.reporterUserId());
    }
    return p;
  }
}
