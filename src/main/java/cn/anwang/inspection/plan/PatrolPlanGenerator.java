package cn.anwang.inspection.plan;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the patrol tasks of the period that contains a date, set-based: one task per operating,
 * not directly supervised object in a grid with an active officer, for that officer (the earliest
 * assigned, then the lowest id, when a grid has several), for the period its risk level's plan
 * gives. Unique per object and period start, so running it again (or on two servers) adds nothing.
 * It also hands open tasks to the grid's current officer after reassignments and drops open tasks
 * of objects that closed or went under direct supervision.
 */
@Service
public class PatrolPlanGenerator {

  private static final Logger log = LoggerFactory.getLogger(PatrolPlanGenerator.class);

  /** What one run did. */
  public record Result(int created, int reassigned, int dropped) {}

  // the officer of each grid (earliest current assignment of an active officer)
  private static final String GRID_OFFICER =
      """
      SELECT DISTINCT ON (a.grid_code) a.grid_code, a.officer_id
        FROM officer_assignment a JOIN officer f ON f.id = a.officer_id
       WHERE a.ends_on IS NULL AND f.status = 'ACTIVE' AND a.starts_on <= :day
       ORDER BY a.grid_code, a.starts_on, a.officer_id
      """;

  private final JdbcClient jdbc;

  PatrolPlanGenerator(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Generates the tasks for the whole city on a day. */
  @Transactional
  public Result generate(LocalDate day) {
    return generate(day, "12");
  }

  /** Generates the tasks of the objects in a division subtree on a day. */
  @Transactional
  public Result generate(LocalDate day, String divisionPrefix) {
    String prefix = divisionPrefix + "%";
    int dropped =
        jdbc.sql(
                """
                DELETE FROM patrol_task t USING supervised_object o
                 WHERE t.object_id = o.id AND t.status = 'OPEN' AND t.division_code LIKE :prefix
                   AND (o.status <> 'OPERATING' OR o.direct_supervision OR o.grid_code IS NULL)
                """)
            .param("prefix", prefix)
            .update();
    int reassigned =
        jdbc.sql(
                "UPDATE patrol_task t SET officer_id = g.officer_id, grid_code = o.grid_code,"
                    + " division_code = o.division_code"
                    + " FROM supervised_object o JOIN ("
                    + GRID_OFFICER
                    + ") g ON g.grid_code = o.grid_code"
                    + " WHERE t.object_id = o.id AND t.status = 'OPEN' AND o.division_code LIKE :prefix"
                    + " AND (t.officer_id <> g.officer_id OR t.grid_code <> o.grid_code"
                    + "      OR t.division_code <> o.division_code)")
            .param("prefix", prefix)
            .param("day", day)
            .update();
    int created =
        jdbc.sql(
                "INSERT INTO patrol_task (object_id, officer_id, district_code, division_code,"
                    + " grid_code, risk_level, period_start, due_date)"
                    + " SELECT o.id, g.officer_id, o.district_code, o.division_code, o.grid_code,"
                    + "        l.level, p.ps, (p.ps + make_interval(months => m.months))::date - 1"
                    + "   FROM supervised_object o"
                    + "   JOIN ("
                    + GRID_OFFICER
                    + ") g ON g.grid_code = o.grid_code"
                    + "   LEFT JOIN patrol_plan_setting ds ON ds.scope_code = o.district_code"
                    + "   CROSS JOIN (SELECT * FROM patrol_plan_setting WHERE scope_code = '12') c"
                    + "   CROSS JOIN LATERAL (SELECT COALESCE(o.risk_override_level, o.risk_level) AS level) l"
                    + "   CROSS JOIN LATERAL (SELECT CASE l.level"
                    + "        WHEN 'RED' THEN COALESCE(ds.red_months, c.red_months)"
                    + "        WHEN 'ORANGE' THEN COALESCE(ds.orange_months, c.orange_months)"
                    + "        WHEN 'YELLOW' THEN COALESCE(ds.yellow_months, c.yellow_months)"
                    + "        ELSE COALESCE(ds.blue_months, c.blue_months) END AS months) m"
                    + "   CROSS JOIN LATERAL (SELECT make_date(:year,"
                    + "        ((:month - 1) / m.months) * m.months + 1, 1) AS ps) p"
                    + "  WHERE o.status = 'OPERATING' AND NOT o.direct_supervision"
                    + "    AND o.grid_code IS NOT NULL AND o.division_code LIKE :prefix"
                    + " ON CONFLICT (object_id, period_start, district_code) DO NOTHING")
            .param("prefix", prefix)
            .param("day", day)
            .param("year", day.getYear())
            .param("month", day.getMonthValue())
            .update();
    Result r = new Result(created, reassigned, dropped);
    if (created + reassigned + dropped > 0) {
      log.info("patrol tasks on {} under {}: {}", day, divisionPrefix, r);
    }
    return r;
  }
}
