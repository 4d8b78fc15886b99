package cn.anwang.assessment.dashboard;

import cn.anwang.casework.CaseBoard;
import cn.anwang.casework.CaseBoard.Board;
import cn.anwang.casework.CaseBoard.Month;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.registry.ObjectCounts;
import cn.anwang.registry.ObjectCounts.RiskKindCount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * A department's view of its territory: the supervised objects it is responsible for by risk level
 * and kind (registry), the cases it handles by status and traffic light, its overdue cases, and the
 * cases registered and closed month by month (casework). Unscoped: the web layer resolves the
 * department and territory from the reader.
 */
@Service
public class DepartmentDashboard {

  /** The risk levels, highest first. */
  public static final List<String> RISKS = List.of("RED", "ORANGE", "YELLOW", "BLUE");

  /**
   * @param objectsByRisk per risk level, highest first (every level present)
   * @param objectsByKind per object kind
   * @param objectsByRiskAndKind the counts behind both
   */
  public record View(
      String department,
      String departmentName,
      String territory,
      int year,
      long objects,
      Map<String, Long> objectsByRisk,
      Map<String, Long> objectsByKind,
      List<RiskKindCount> objectsByRiskAndKind,
      Board cases,
      List<Month> months) {}

  private final ObjectCounts objects;
  private final CaseBoard cases;
  private final Departments departments;

  DepartmentDashboard(ObjectCounts objects, CaseBoard cases, Departments departments) {
    this.objects = objects;
    this.cases = cases;
    this.departments = departments;
  }

  public View view(String department, String territory, int year, Instant now) {
    List<RiskKindCount> counts = objects.byRiskAndKind(territory, department);
    Map<String, Long> byRisk = new LinkedHashMap<>();
    RISKS.forEach(r -> byRisk.put(r, 0L));
    Map<String, Long> byKind = new TreeMap<>();
    long total = 0;
    for (RiskKindCount c : counts) {
      byRisk.merge(c.riskLevel(), (long) c.count(), Long::sum);
      byKind.merge(c.kind(), (long) c.count(), Long::sum);
      total += c.count();
    }
    CaseBoard.Scope scope = new CaseBoard.Scope(territory, department, null);
    return new View(
        department,
        departments.find(department).map(Department::name).orElse(department),
        territory,
        year,
        total,
        byRisk,
        byKind,
        counts,
        cases.board(scope, now, 100),
        cases.months(scope, year, now));
  }

  /** Whether a department with this code exists (any district). */
  public boolean exists(String department) {
    return departments.find(department).isPresent();
  }
}
