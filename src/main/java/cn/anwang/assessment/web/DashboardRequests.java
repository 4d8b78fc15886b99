package cn.anwang.assessment.web;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.org.Department;
import cn.anwang.org.Departments;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Who may read which dashboard: department staff their own department in their territory
 * (administrators and auditors pick one with {@code department=}); officers only their own summary.
 * Another department is 404, a wrong role 403. Refusals are in the reader's language.
 */
@Component
class DashboardRequests {

  /** A checked department request. */
  record DepartmentRequest(String department, String territory, int year) {}

  private final CurrentActor currentActor;
  private final Departments departments;
  private final IndicatorRequests indicators;

  DashboardRequests(
      CurrentActor currentActor, Departments departments, IndicatorRequests indicators) {
    this.currentActor = currentActor;
    this.departments = departments;
    this.indicators = indicators;
  }

  DepartmentRequest department(String department, String year) {
    Actor a = currentActor.require();
    String code;
    switch (a.role()) {
      case DEPARTMENT_STAFF -> {
        code = a.scope().departmentCode();
        if (code == null) {
          throw ApiProblems.forbidden(indicators.text("dashboard.refused.role"));
        }
        // another department's figures are never shown: as if it did not exist
        if (department != null && !department.isBlank() && !department.strip().equals(code)) {
          throw ApiProblems.notFound("Department", department.strip());
        }
      }
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> {
        if (department == null || department.isBlank()) {
          throw ApiProblems.unprocessable(
              "department", indicators.text("dashboard.refused.department"));
        }
        code = department.strip();
        Department d =
            departments
                .find(code)
                .orElseThrow(() -> ApiProblems.notFound("Department", department.strip()));
        String district = d.districtCode();
        if (district != null
            && !a.covers(district)
            && !a.scope().territoryCode().startsWith(district)) {
          throw ApiProblems.notFound("Department", code);
        }
      }
      default -> throw ApiProblems.forbidden(indicators.text("dashboard.refused.role"));
    }
    return new DepartmentRequest(code, a.scope().territoryCode(), year(year));
  }

  /** The officer asking for their own summary; 403 for any other role. */
  Actor officer() {
    Actor a = currentActor.require();
    if (a.role() != Role.STREET_OFFICER && a.role() != Role.VILLAGE_OFFICER) {
      throw ApiProblems.forbidden(indicators.text("dashboard.refused.officer"));
    }
    return a;
  }

  private int year(String value) {
    int current = LocalDate.now(WorkingCalendar.CHINA).getYear();
    if (value == null || value.isBlank()) {
      return current;
    }
    try {
      int y = Integer.parseInt(value.strip());
      if (y >= 2000 && y <= current) {
        return y;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblems.unprocessable(
        "year", indicators.text("assessment.refused.year", value, Integer.toString(current)));
  }
}
