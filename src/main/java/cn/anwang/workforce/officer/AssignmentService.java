package cn.anwang.workforce.officer;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.area.Grids.GridRef;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assignments as the API and pages use them: the caller must manage both the officer and the grid
 * (else "not found"); the rules themselves are {@link Assignments}'. Also the coverage gaps of the
 * caller's territory, counted per street and district.
 */
@Service
@Transactional
public class AssignmentService {

  /** An assignment with the names a reader needs. */
  public record AssignmentView(
      long id,
      long officerId,
      String officerName,
      String gridCode,
      String gridName,
      String gridDivisionCode,
      LocalDate startsOn,
      LocalDate endsOn,
      String startReason,
      String endReason,
      Long rebalanceId,
      String createdBy,
      boolean current) {}

  /** Counts of grids and uncovered grids in a street or district. */
  public record GapCount(String code, String name, int grids, int uncovered) {}

  /** An uncovered grid. */
  public record GapGrid(
      String code, String name, String divisionCode, String streetCode, String districtCode) {}

  /** The coverage gaps of a division subtree. */
  public record Gaps(
      String division,
      String divisionName,
      int total,
      int uncovered,
      List<GapCount> byDistrict,
      List<GapCount> byStreet,
      List<GapGrid> grids) {}

  private final JdbcClient jdbc;
  private final Assignments assignments;
  private final OfficerService officers;
  private final Coverage coverage;
  private final Grids grids;
  private final Divisions divisions;
  private final CurrentActor currentActor;

  AssignmentService(
      JdbcClient jdbc,
      Assignments assignments,
      OfficerService officers,
      Coverage coverage,
      Grids grids,
      Divisions divisions,
      CurrentActor currentActor) {
    this.jdbc = jdbc;
    this.assignments = assignments;
    this.officers = officers;
    this.coverage = coverage;
    this.grids = grids;
    this.divisions = divisions;
    this.currentActor = currentActor;
  }

  /** Gives the grid to the officer; {@link AssignmentRefused} when a rule says no. */
  public AssignmentView assign(long officerId, String gridCode, LocalDate startsOn, String reason) {
    Actor actor = currentActor.require();
    Officer officer = officers.managed(officerId);
    managedGrid(actor, gridCode);
    Assignment made =
        assignments.assign(
            officer.id(),
            gridCode.strip(),
            startsOn == null ? LocalDate.now() : startsOn,
            blankToNull(reason),
            null,
            actor.username());
    return view(made);
  }

  /** Ends a current assignment the caller manages. */
  public AssignmentView end(long assignmentId, LocalDate endsOn, String reason) {
    Actor actor = currentActor.require();
    Assignment a =
        assignments
            .get(assignmentId)
            .filter(x -> WorkforcePolicy.manages(actor, x.gridDivisionCode()))
            .orElseThrow(() -> OfficerProblem.notFound("assignment", assignmentId));
    officers.managed(a.officerId());
    return view(
        assignments.end(
            assignmentId,
            endsOn == null ? LocalDate.now() : endsOn,
            blankToNull(reason),
            actor.username()));
  }

  /** The grid, if it exists and the caller manages it; else "not found". */
  GridRef managedGrid(Actor actor, String gridCode) {
    return grids
        .find(gridCode == null ? "" : gridCode.strip())
        .filter(g -> WorkforcePolicy.manages(actor, g.divisionCode()))
        .orElseThrow(() -> OfficerProblem.notFound("grid", gridCode));
  }

  /**
   * Assignments in the caller's scope, newest first; current ones only unless {@code history}.
   *
   * @param division a division code prefix of the grid
   */
  @Transactional(readOnly = true)
  public List<AssignmentView> list(
      Long officerId, String gridCode, String division, boolean history, int limit) {
    Actor actor = officers.requireWorkforceReader();
    StringBuilder sql =
        new StringBuilder(
            "SELECT a.id, a.officer_id, o.name, a.grid_code, a.grid_division_code, a.starts_on,"
                + " a.ends_on, a.start_reason, a.end_reason, a.rebalance_id, a.created_by"
                + " FROM officer_assignment a JOIN officer o ON o.id = a.officer_id WHERE true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (OfficerService.isOfficerRole(actor)) {
      sql.append(" AND o.user_id = :uid");
      params.put("uid", actor.userId());
    } else {
      sql.append(" AND a.grid_division_code LIKE :scope AND o.division_code LIKE :scope");
      params.put("scope", actor.scope().likePattern());
    }
    if (!history) {
      sql.append(" AND a.ends_on IS NULL");
    }
    if (officerId != null) {
      sql.append(" AND a.officer_id = :officer");
      params.put("officer", officerId);
    }
    if (gridCode != null && !gridCode.isBlank()) {
      sql.append(" AND a.grid_code = :grid");
      params.put("grid", gridCode.strip());
    }
    if (division != null && !division.isBlank()) {
      sql.append(" AND a.grid_division_code LIKE :division");
      params.put("division", division.strip() + "%");
    }
    sql.append(" ORDER BY a.starts_on DESC, a.id DESC LIMIT :limit");
    params.put("limit", Math.max(1, Math.min(limit, 5000)));
    Map<String, String> gridNames = new HashMap<>();
    return jdbc
        .sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new AssignmentView(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    null,
                    rs.getString(5),
                    rs.getObject(6, LocalDate.class),
                    rs.getObject(7, LocalDate.class),
                    rs.getString(8),
                    rs.getString(9),
                    (Long) rs.getObject(10),
                    rs.getString(11),
                    rs.getObject(7) == null))
        .list()
        .stream()
        .map(v -> withGridName(v, gridNames))
        .toList();
  }

  private AssignmentView withGridName(AssignmentView v, Map<String, String> cache) {
    String name =
        cache.computeIfAbsent(v.gridCode(), c -> grids.find(c).map(GridRef::name).orElse(c));
    return new AssignmentView(
        v.id(),
        v.officerId(),
        v.officerName(),
        v.gridCode(),
        name,
        v.gridDivisionCode(),
        v.startsOn(),
        v.endsOn(),
        v.startReason(),
        v.endReason(),
        v.rebalanceId(),
        v.createdBy(),
        v.current());
  }

  AssignmentView view(Assignment a) {
    String officerName =
        jdbc.sql("SELECT name FROM officer WHERE id = ?")
            .param(a.officerId())
            .query(String.class)
            .single();
    return new AssignmentView(
        a.id(),
        a.officerId(),
        officerName,
        a.gridCode(),
        grids.find(a.gridCode()).map(GridRef::name).orElse(a.gridCode()),
        a.gridDivisionCode(),
        a.startsOn(),
        a.endsOn(),
        a.startReason(),
        a.endReason(),
        a.rebalanceId(),
        a.createdBy(),
        a.current());
  }

  /** The grids without an active officer in a division the caller sees (default: territory). */
  @Transactional(readOnly = true)
  public Gaps gaps(String division) {
    Actor actor = currentActor.require();
    String root =
        division == null || division.isBlank() ? actor.scope().territoryCode() : division.strip();
    if (!WorkforcePolicy.sees(actor, root)) {
      throw OfficerProblem.notFound("division", root);
    }
    Division found =
        divisions.find(root).orElseThrow(() -> OfficerProblem.notFound("division", root));
    List<GridRef> all = grids.in(root);
    java.util.Set<String> covered = coverage.coveredGridCodes(root);
    Map<String, int[]> streets = new TreeMap<>();
    Map<String, int[]> districts = new TreeMap<>();
    List<GapGrid> uncovered = new ArrayList<>();
    for (GridRef g : all) {
      String street =
          g.divisionCode().length() >= 9 ? g.divisionCode().substring(0, 9) : g.divisionCode();
      boolean gap = !covered.contains(g.code());
      int[] s = streets.computeIfAbsent(street, k -> new int[2]);
      int[] d = districts.computeIfAbsent(g.districtCode(), k -> new int[2]);
      s[0]++;
      d[0]++;
      if (gap) {
        s[1]++;
        d[1]++;
        uncovered.add(new GapGrid(g.code(), g.name(), g.divisionCode(), street, g.districtCode()));
      }
    }
    return new Gaps(
        found.code(),
        found.name(),
        all.size(),
        uncovered.size(),
        counts(districts),
        counts(streets),
        uncovered);
  }

  private List<GapCount> counts(Map<String, int[]> byCode) {
    List<GapCount> counts = new ArrayList<>(byCode.size());
    byCode.forEach(
        (code, c) -> counts.add(new GapCount(code, officers.divisionName(code), c[0], c[1])));
    return counts;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
