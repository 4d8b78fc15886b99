package cn.anwang.workforce.officer;

import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.AuditLog;
import cn.anwang.workforce.officer.AssignmentRefused.Reason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends officer ↔ grid assignments, enforcing the rules every path (API, pages, import,
 * rebalancing) must obey: the officer may hold a grid (candidate or active); the grid lies in the
 * officer's street, and for a village officer in their own village; and the officer is trained
 * before post ({@link Qualifications}) on the first day. A candidate becomes active with the first
 * grid. Ending keeps the row (history). Both are audited under the grid's division.
 *
 * <p>Callers check that the current user may manage the officer and the grid (scope); this class
 * checks only the rules.
 */
@Service
@Transactional
public class Assignments {

  static final String COLUMNS =
      "id, officer_id, grid_code, district_code, grid_division_code, starts_on, ends_on,"
          + " start_reason, end_reason, rebalance_id, created_by";

  static final RowMapper<Assignment> ROW =
      (rs, n) ->
          new Assignment(
              rs.getLong("id"),
              rs.getLong("officer_id"),
              rs.getString("grid_code"),
              rs.getString("district_code"),
              rs.getString("grid_division_code"),
              rs.getObject("starts_on", LocalDate.class),
              rs.getObject("ends_on", LocalDate.class),
              rs.getString("start_reason"),
              rs.getString("end_reason"),
              (Long) rs.getObject("rebalance_id"),
              rs.getString("created_by"));

  private final JdbcClient jdbc;
  private final OfficerRepository officers;
  private final Qualifications qualifications;
  private final Grids grids;
  private final AuditLog audit;

  Assignments(
      JdbcClient jdbc,
      OfficerRepository officers,
      Qualifications qualifications,
      Grids grids,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.officers = officers;
    this.qualifications = qualifications;
    this.grids = grids;
    this.audit = audit;
  }

  /**
   * Checks every rule for giving {@code gridCode} to the officer from {@code startsOn}, without
   * writing anything.
   *
   * @throws AssignmentRefused naming the first rule broken
   */
  @Transactional(readOnly = true)
  public GridRef check(Officer officer, String gridCode, LocalDate startsOn) {
    GridRef grid =
        grids
            .find(gridCode)
            .orElseThrow(() -> new AssignmentRefused(Reason.GRID_NOT_FOUND, gridCode));
    if (!officer.status().mayHoldGrid()) {
      throw new AssignmentRefused(
          Reason.OFFICER_CANNOT_HOLD_GRID, officer.name(), officer.status().name());
    }
    if (officer.tier() == Tier.VILLAGE && !grid.divisionCode().equals(officer.divisionCode())) {
      throw new AssignmentRefused(Reason.OUTSIDE_VILLAGE, officer.name(), grid.code(), grid.name());
    }
    if (!grid.divisionCode().startsWith(officer.streetCode())) {
      throw new AssignmentRefused(Reason.OUTSIDE_STREET, officer.name(), grid.code(), grid.name());
    }
    if (!qualifications.anyPrePostCourse(officer)) {
      throw new AssignmentRefused(Reason.NO_PRE_POST_COURSE, officer.name());
    }
    List<Qualifications.Missing> missing = qualifications.missing(officer, startsOn);
    if (!missing.isEmpty()) {
      String courses =
          missing.stream()
              .map(
                  m ->
                      m.lastExpiredOn() == null
                          ? m.courseTitle()
                          : m.courseTitle() + " (" + m.lastExpiredOn() + ")")
              .collect(Collectors.joining(", "));
      throw new AssignmentRefused(Reason.NOT_TRAINED, officer.name(), courses, startsOn.toString());
    }
    return grid;
  }

  /**
   * Gives the grid to the officer from {@code startsOn}.
   *
   * @param rebalanceId the rebalancing proposal applied, or null
   * @param by who assigns (username)
   */
  public Assignment assign(
      long officerId,
      String gridCode,
      LocalDate startsOn,
      String reason,
      Long rebalanceId,
      String by) {
    Officer officer =
        officers
            .lock(officerId)
            .orElseThrow(() -> new IllegalArgumentException("no officer " + officerId));
    GridRef grid = check(officer, gridCode, startsOn);
    boolean held =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM officer_assignment"
                    + " WHERE officer_id = ? AND grid_code = ? AND ends_on IS NULL)")
            .params(officerId, gridCode)
            .query(Boolean.class)
            .single();
    if (held) {
      throw new AssignmentRefused(Reason.ALREADY_ASSIGNED, officer.name(), gridCode);
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO officer_assignment (officer_id, grid_code, district_code,
                    grid_division_code, starts_on, start_reason, rebalance_id, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                officerId,
                gridCode,
                grid.districtCode(),
                grid.divisionCode(),
                startsOn,
                reason,
                rebalanceId,
                by)
            .query(Long.class)
            .single();
    officers.activateCandidate(officerId);
    Assignment made = get(id).orElseThrow();
    audit.record(
        "officer.assign",
        "officer",
        Long.toString(officerId),
        grid.divisionCode(),
        null,
        Map.of("grid", gridCode, "startsOn", startsOn.toString(), "assignment", id));
    return made;
  }

  /** Ends a current assignment on {@code endsOn} (kept as history). */
  public Assignment end(long assignmentId, LocalDate endsOn, String reason, String by) {
    Assignment current =
        jdbc.sql("SELECT " + COLUMNS + " FROM officer_assignment WHERE id = ? FOR UPDATE")
            .param(assignmentId)
            .query(ROW)
            .optional()
            .filter(Assignment::current)
            .orElseThrow(() -> new AssignmentRefused(Reason.ASSIGNMENT_NOT_CURRENT, assignmentId));
    if (endsOn.isBefore(current.startsOn())) {
      throw new AssignmentRefused(
          Reason.BAD_DATES, current.startsOn().toString(), endsOn.toString());
    }
    jdbc.sql(
            "UPDATE officer_assignment SET ends_on = ?, end_reason = ?, ended_by = ?,"
                + " ended_at = now() WHERE id = ?")
        .params(endsOn, reason, by, assignmentId)
        .update();
    audit.record(
        "officer.unassign",
        "officer",
        Long.toString(current.officerId()),
        current.gridDivisionCode(),
        Map.of("grid", current.gridCode(), "assignment", assignmentId),
        Map.of("endsOn", endsOn.toString()));
    return get(assignmentId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public Optional<Assignment> get(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM officer_assignment WHERE id = ?")
        .param(id)
        .query(ROW)
        .optional();
  }

  /** The officer's current assignments, by grid code. */
  @Transactional(readOnly = true)
  public List<Assignment> current(long officerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM officer_assignment WHERE officer_id = ? AND ends_on IS NULL"
                + " ORDER BY grid_code")
        .param(officerId)
        .query(ROW)
        .list();
  }

  /** Every assignment the officer ever had, newest first. */
  @Transactional(readOnly = true)
  public List<Assignment> history(long officerId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM officer_assignment WHERE officer_id = ?"
                + " ORDER BY starts_on DESC, id DESC")
        .param(officerId)
        .query(ROW)
        .list();
  }

  /** The current assignments of grids in a division subtree (a street, a district, "12"). */
  @Transactional(readOnly = true)
  public List<Assignment> currentIn(String divisionPrefix) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM officer_assignment"
                + " WHERE grid_division_code LIKE ? AND ends_on IS NULL ORDER BY grid_code, officer_id")
        .param(divisionPrefix + "%")
        .query(ROW)
        .list();
  }
}
