package cn.anwang.inspection.plan;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.web.ApiProblems;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patrol coverage of a division on a day, one row per child (districts of the city, streets of a
 * district, grids of a street or village): tasks done, due (open, not yet late) and overdue (open
 * past their due date, of this period or an earlier one). It counts inspections required and made,
 * nothing else: no online time, no check-ins.
 */
@Service
@Transactional(readOnly = true)
public class PatrolCoverage {

  /** PatrolCoverage of one child division or grid. */
  public record Row(String code, String name, long done, long due, long overdue) {

    public long total() {
      return done + due + overdue;
    }

    /** Done as a share of all tasks, 0–100, or null when there are none. */
    public Double donePercent() {
      return total() == 0 ? null : Math.round(done * 1000.0 / total()) / 10.0;
    }
  }

  /** The rows, their sum, and the level they are at. */
  public record Report(
      String divisionCode,
      String divisionName,
      String level,
      LocalDate on,
      List<Row> rows,
      Row total) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final Clock clock;

  PatrolCoverage(JdbcClient jdbc, CurrentActor currentActor, Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(PatrolPeriods.CHINA));
  }

  public Report of(String divisionCode, LocalDate on) {
    Actor actor = currentActor.require();
    String code =
        divisionCode == null || divisionCode.isBlank()
            ? actor.scope().territoryCode()
            : divisionCode;
    if (!actor.covers(code)) {
      throw ApiProblems.notFound("Division", code);
    }
    LocalDate day = on == null ? today() : on;
    String name =
        jdbc.sql("SELECT name FROM division WHERE code = ?")
            .param(code)
            .query(String.class)
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Division", code));
    String level;
    String group;
    String names;
    switch (code.length()) {
      case 2 -> {
        level = "district";
        group = "t.district_code";
        names = "SELECT code, name FROM division";
      }
      case 6 -> {
        level = "street";
        group = "substring(t.division_code, 1, 9)";
        names = "SELECT code, name FROM division";
      }
      default -> {
        level = "grid";
        group = "t.grid_code";
        names = "SELECT code, name FROM grid";
      }
    }
    List<Row> rows =
        jdbc.sql(
                "SELECT k.code, coalesce(n.name, k.code) AS name, k.done, k.due, k.overdue FROM ("
                    + " SELECT "
                    + group
                    + " AS code,"
                    + "  count(*) FILTER (WHERE t.status = 'DONE') AS done,"
                    + "  count(*) FILTER (WHERE t.status = 'OPEN' AND t.due_date >= :day) AS due,"
                    + "  count(*) FILTER (WHERE t.status = 'OPEN' AND t.due_date < :day) AS overdue"
                    + "  FROM patrol_task t"
                    + " WHERE t.division_code LIKE :prefix AND t.period_start <= :day"
                    + "   AND (t.due_date >= :day OR t.status = 'OPEN')"
                    + " GROUP BY 1) k LEFT JOIN ("
                    + names
                    + ") n ON n.code = k.code ORDER BY k.code")
            .param("day", day)
            .param("prefix", code + "%")
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getLong("done"),
                        rs.getLong("due"),
                        rs.getLong("overdue")))
            .list();
    Row total =
        new Row(
            code,
            name,
            rows.stream().mapToLong(Row::done).sum(),
            rows.stream().mapToLong(Row::due).sum(),
            rows.stream().mapToLong(Row::overdue).sum());
    return new Report(code, name, level, day, rows, total);
  }
}
