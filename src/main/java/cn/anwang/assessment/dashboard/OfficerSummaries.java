package cn.anwang.assessment.dashboard;

import cn.anwang.casework.CaseBoard;
import cn.anwang.casework.CaseBoard.Board;
import cn.anwang.inspection.PatrolFigures;
import cn.anwang.inspection.PatrolFigures.Tasks;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.workforce.OfficerDirectory;
import cn.anwang.workforce.OfficerDirectory.OfficerSummary;
import cn.anwang.workforce.TrainingFigures;
import cn.anwang.workforce.TrainingFigures.OfficerRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The officer's own summary: the grids they hold now, the objects in them by risk level, the patrol
 * tasks of those grids due and done this month and this year, the cases they reported, and whether
 * they are qualified by the pre-post training. Only recorded work: no log-ins, online time or
 * check-ins.
 */
@Service
public class OfficerSummaries {

  /**
   * @param qualified whether every pre-post course that applies is held (null: not an active
   *     officer, so not judged)
   */
  public record Summary(
      long officerId,
      String name,
      String divisionCode,
      List<String> grids,
      long objects,
      Map<String, Long> objectsByRisk,
      Tasks patrolMonth,
      Tasks patrolYear,
      Board reported,
      Boolean qualified) {}

  private final OfficerDirectory officers;
  private final SupervisedObjects objects;
  private final PatrolFigures patrols;
  private final CaseBoard cases;
  private final TrainingFigures training;

  OfficerSummaries(
      OfficerDirectory officers,
      SupervisedObjects objects,
      PatrolFigures patrols,
      CaseBoard cases,
      TrainingFigures training) {
    this.officers = officers;
    this.objects = objects;
    this.patrols = patrols;
    this.cases = cases;
    this.training = training;
  }

  /** The summary of the officer linked to this log-in account, if there is one. */
  public Optional<Summary> of(long userId, String territory, Instant now) {
    return officers.byUser(userId).map(o -> summary(o, userId, territory, now));
  }

  private Summary summary(OfficerSummary o, long userId, String territory, Instant now) {
    List<String> grids = officers.currentGridCodes(o.id());
    Map<String, Long> byRisk = new LinkedHashMap<>();
    DepartmentDashboard.RISKS.forEach(r -> byRisk.put(r, 0L));
    long total = 0;
    if (!grids.isEmpty()) {
      for (ObjectRef ref : objects.inGrids(grids, 100_000)) {
        byRisk.merge(ref.riskLevel(), 1L, Long::sum);
        total++;
      }
    }
    LocalDate today = now.atZone(WorkingCalendar.CHINA).toLocalDate();
    String district = o.divisionCode().substring(0, Math.min(6, o.divisionCode().length()));
    Tasks month =
        tasks(
            district, grids, today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
    Tasks year =
        tasks(district, grids, today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
    Boolean qualified =
        training
            .officers(
                o.divisionCode(),
                o.divisionCode().length(),
                o.divisionCode(),
                "active",
                today,
                10_000)
            .stream()
            .filter(r -> r.id() == o.id())
            .findFirst()
            .map(OfficerRecord::qualified)
            .orElse(null);
    return new Summary(
        o.id(),
        o.name(),
        o.divisionCode(),
        grids,
        total,
        byRisk,
        month,
        year,
        cases.board(new CaseBoard.Scope(territory, null, userId), now, 100),
        qualified);
  }

  /** The tasks of these grids due in [first, last], all risk levels. */
  private Tasks tasks(String district, List<String> grids, LocalDate first, LocalDate last) {
    long due = 0;
    long done = 0;
    if (grids.isEmpty()) {
      return new Tasks(0, 0);
    }
    for (Map.Entry<String, Map<String, Tasks>> unit :
        patrols.byUnitAndRisk(district, 0, first, last).entrySet()) {
      if (grids.contains(unit.getKey())) {
        for (Tasks t : unit.getValue().values()) {
          due += t.due();
          done += t.done();
        }
      }
    }
    return new Tasks(due, done);
  }
}
