package cn.anwang.assessment.web;

import cn.anwang.assessment.dashboard.DepartmentDashboard;
import cn.anwang.assessment.dashboard.OfficerSummaries;
import cn.anwang.assessment.web.DashboardRequests.DepartmentRequest;
import cn.anwang.identity.Actor;
import cn.anwang.shared.web.ApiProblems;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards as JSON: a department's view and the officer's own summary. */
@RestController
@RequestMapping("/api/v1/dashboards")
class DashboardApiController {

  private final DashboardRequests requests;
  private final DepartmentDashboard departments;
  private final OfficerSummaries summaries;

  DashboardApiController(
      DashboardRequests requests, DepartmentDashboard departments, OfficerSummaries summaries) {
    this.requests = requests;
    this.departments = departments;
    this.summaries = summaries;
  }

  @GetMapping("/department")
  DepartmentDashboard.View department(
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String year) {
    DepartmentRequest r = requests.department(department, year);
    return departments.view(r.department(), r.territory(), r.year(), Instant.now());
  }

  @GetMapping("/me")
  OfficerSummaries.Summary me() {
    Actor a = requests.officer();
    return summaries
        .of(a.userId(), a.scope().territoryCode(), Instant.now())
        .orElseThrow(() -> ApiProblems.notFound("Officer", a.username()));
  }
}
