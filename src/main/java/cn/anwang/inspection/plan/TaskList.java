package cn.anwang.inspection.plan;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.checklist.Checklist;
import cn.anwang.inspection.checklist.Checklists;
import cn.anwang.workforce.OfficerDirectory;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calling officer's tasks: every open task (overdue ones included) and the done ones of the
 * current period, ordered open first, by due date, then by distance from the phone.
 */
@Service
@Transactional(readOnly = true)
public class TaskList {

  /** A task as the phone shows it. */
  public record Task(
      long taskId,
      long objectId,
      String objectName,
      String objectAddress,
      String objectKind,
      String riskLevel,
      String gridCode,
      Double lon,
      Double lat,
      LocalDate periodStart,
      LocalDate dueDate,
      String status,
      Long checklistId,
      Integer checklistVersion,
      Double distanceMeters) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final OfficerDirectory officers;
  private final Checklists checklists;
  private final Clock clock;

  TaskList(
      JdbcClient jdbc,
      CurrentActor currentActor,
      OfficerDirectory officers,
      Checklists checklists,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.officers = officers;
    this.checklists = checklists;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  public List<Task> mine(Double lon, Double lat) {
    Actor actor = currentActor.require();
    Optional<OfficerDirectory.OfficerSummary> officer = officers.byUser(actor.userId());
    if (officer.isEmpty()) {
      return List.of();
    }
    return forOfficer(
        officer.get().id(), lon, lat, LocalDate.now(clock.withZone(PatrolPeriods.CHINA)));
  }

  /** The tasks of an officer on a day (unscoped; {@link #mine} is the caller's). */
  public List<Task> forOfficer(long officerId, Double lon, Double lat, LocalDate today) {
    List<Checklist> current = checklists.allCurrent();
    boolean located = lon != null && lat != null;
    List<Task> tasks = new ArrayList<>();
    jdbc.sql(
            """
            SELECT t.id, t.object_id, o.name, o.address, o.kind, t.risk_level, t.grid_code,
                   o.lon, o.lat, t.period_start, t.due_date, t.status, o.industry_code, o.hazards,
                   o.district_code
              FROM patrol_task t JOIN supervised_object o ON o.id = t.object_id
             WHERE t.officer_id = ?
               AND (t.status = 'OPEN' OR (t.status = 'DONE' AND t.due_date >= ?))
            """)
        .params(officerId, today)
        .query(
            rs -> {
              Double olon = (Double) rs.getObject("lon");
              Double olat = (Double) rs.getObject("lat");
              LocalDate due = rs.getObject("due_date", LocalDate.class);
              String status =
                  "DONE".equals(rs.getString("status"))
                      ? "DONE"
                      : due.isBefore(today) ? "OVERDUE" : "DUE";
              Checklist c =
                  Checklists.choose(
                          current,
                          rs.getString("kind"),
                          rs.getString("industry_code"),
                          list(rs.getArray("hazards")),
                          rs.getString("district_code"))
                      .orElse(null);
              Double distance =
                  located && olon != null
                      ? Math.round(Haversine.metres(lon, lat, olon, olat) * 10) / 10.0
                      : null;
              tasks.add(
                  new Task(
                      rs.getLong("id"),
                      rs.getLong("object_id"),
                      rs.getString("name"),
                      rs.getString("address"),
                      rs.getString("kind"),
                      rs.getString("risk_level"),
                      rs.getString("grid_code"),
                      olon,
                      olat,
                      rs.getObject("period_start", LocalDate.class),
                      due,
                      status,
                      c == null ? null : c.id(),
                      c == null ? null : c.version(),
                      distance));
            });
    tasks.sort(
        Comparator.comparing((Task t) -> "DONE".equals(t.status()))
            .thenComparing(Task::dueDate)
            .thenComparing(Task::distanceMeters, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::taskId));
    return tasks;
  }

  private static List<String> list(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
