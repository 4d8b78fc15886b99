package cn.anwang.inspection.plan;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.OfficerDutyTasks;
import cn.anwang.inspection.checklist.Checklist;
import cn.anwang.inspection.checklist.Checklists;
import cn.anwang.registry.SupervisedObjects;
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
 * The calling officer's tasks: every open patrol task (overdue ones included) and the done ones of
 * the current period, and the other modules' open duties in the officer's grids ({@link
 * OfficerDutyTasks}: documents to deliver), ordered open first, by due date, then by distance from
 * the phone.
 */
@Service
@Transactional(readOnly = true)
public class TaskList {

  /**
   * A task as the phone shows it.
   *
   * @param taskId the patrol task, null for another module's duty
   * @param kind INSPECTION for patrol tasks, else the duty's kind (DOCUMENT_DELIVERY)
   * @param reference the duty's reference, passed back in the visit
   * @param title what the duty is about, null for patrol tasks
   */
  public record Task(
      Long taskId,
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
      Double distanceMeters,
      String kind,
      String reference,
      String title) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final OfficerDirectory officers;
  private final Checklists checklists;
  private final Clock clock;
  private final SupervisedObjects objects;
  private final List<OfficerDutyTasks> duties;

  TaskList(
      JdbcClient jdbc,
      CurrentActor currentActor,
      OfficerDirectory officers,
      Checklists checklists,
      Optional<Clock> clock,
      SupervisedObjects objects,
      List<OfficerDutyTasks> duties) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.officers = officers;
    this.checklists = checklists;
    this.clock = clock.orElse(Clock.systemUTC());
    this.objects = objects;
    this.duties = duties;
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
                      distance,
                      "INSPECTION",
                      null,
                      null));
            });
    if (!duties.isEmpty()) {
      addDuties(tasks, officers.currentGridCodes(officerId), lon, lat, today);
    }
    tasks.sort(
        Comparator.comparing((Task t) -> "DONE".equals(t.status()))
            .thenComparing(Task::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::distanceMeters, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::taskId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::objectId));
    return tasks;
  }

  private void addDuties(
      List<Task> tasks, List<String> grids, Double lon, Double lat, LocalDate today) {
    if (grids.isEmpty()) {
      return;
    }
    for (OfficerDutyTasks source : duties) {
      for (OfficerDutyTasks.DutyTask duty : source.openIn(grids)) {
        objects
            .find(duty.objectId())
            .ifPresent(
                o -> {
                  Double distance =
                      lon != null && lat != null && o.lon() != null
                          ? Math.round(Haversine.metres(lon, lat, o.lon(), o.lat()) * 10) / 10.0
                          : null;
                  String status =
                      duty.dueDate() != null && duty.dueDate().isBefore(today) ? "OVERDUE" : "DUE";
                  tasks.add(
                      new Task(
                          null,
                          o.id(),
                          o.name(),
                          o.address(),
                          o.kind(),
                          o.riskLevel(),
                          o.gridCode(),
                          o.lon(),
                          o.lat(),
                          null,
                          duty.dueDate(),
                          status,
                          null,
                          null,
                          distance,
                          duty.kind(),
                          duty.reference(),
                          duty.title()));
                });
      }
    }
  }

  private static List<String> list(Array a) throws SQLException {
    return a == null ? List.of() : List.of((String[]) a.getArray());
  }
}
