package cn.anwang.inspection.figures;

import cn.anwang.inspection.PatrolFigures;
import cn.anwang.shared.db.UnitColumn;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link PatrolFigures} from one grouped scan of the patrol tasks due in the period. */
@Component
@Transactional(readOnly = true)
class PatrolFigureQueries implements PatrolFigures {

  private final JdbcClient jdbc;

  PatrolFigureQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Map<String, Tasks>> byUnitAndRisk(
      String divisionPrefix, int unitLength, LocalDate first, LocalDate last) {
    Map<String, Map<String, Tasks>> result = new TreeMap<>();
    jdbc.sql(
            "SELECT "
                + UnitColumn.of("t", unitLength)
                + ", t.risk_level, count(*), count(*) FILTER (WHERE t.status = 'DONE')"
                + " FROM patrol_task t WHERE t.division_code LIKE :prefix"
                + " AND t.due_date BETWEEN :first AND :last GROUP BY 1, 2")
        .param("prefix", divisionPrefix + "%")
        .param("first", Date.valueOf(first))
        .param("last", Date.valueOf(last))
        .query(
            (RowCallbackHandler)
                rs ->
                    result
                        .computeIfAbsent(rs.getString(1), u -> new TreeMap<>())
                        .put(rs.getString(2), new Tasks(rs.getLong(3), rs.getLong(4))));
    return result;
  }

  @Override
  public List<TaskRecord> tasks(
      String divisionPrefix,
      int unitLength,
      String unit,
      String riskLevel,
      boolean doneOnly,
      LocalDate first,
      LocalDate last,
      int limit) {
    return jdbc.sql(
            "SELECT t.id, t.object_id, t.risk_level, t.status, t.division_code, t.grid_code,"
                + " t.due_date FROM patrol_task t WHERE t.division_code LIKE :prefix"
                + " AND t.due_date BETWEEN :first AND :last AND "
                + UnitColumn.of("t", unitLength)
                + " = :unit"
                + (riskLevel == null ? "" : " AND t.risk_level = :risk")
                + (doneOnly ? " AND t.status = 'DONE'" : "")
                + " ORDER BY t.due_date DESC, t.id DESC LIMIT :limit")
        .param("prefix", divisionPrefix + "%")
        .param("first", Date.valueOf(first))
        .param("last", Date.valueOf(last))
        .param("unit", unit)
        .param("risk", riskLevel == null ? "" : riskLevel)
        .param("limit", Math.max(1, Math.min(limit, 1000)))
        .query(
            (rs, n) ->
                new TaskRecord(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getDate(7).toLocalDate()))
        .list();
  }
}
