package cn.anwang.assessment.web;

import cn.anwang.assessment.dashboard.DepartmentDashboard;
import cn.anwang.assessment.dashboard.OfficerSummaries;
import cn.anwang.assessment.web.DashboardRequests.DepartmentRequest;
import cn.anwang.identity.Actor;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard pages: {@code /assessment/department} (a department's objects, cases, overdue cases
 * and month trend) and {@code /m/summary} (the officer's own summary on the phone).
 */
@Controller
class DashboardPageController {

  private final DashboardRequests requests;
  private final DepartmentDashboard departments;
  private final OfficerSummaries summaries;

  DashboardPageController(
      DashboardRequests requests, DepartmentDashboard departments, OfficerSummaries summaries) {
    this.requests = requests;
    this.departments = departments;
    this.summaries = summaries;
  }

  @GetMapping("/assessment/department")
  String department(
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String year,
      Model model) {
    DepartmentRequest r = requests.department(department, year);
    model.addAttribute(
        "view", departments.view(r.department(), r.territory(), r.year(), Instant.now()));
    return "assessment/department";
  }

  @GetMapping("/m/summary")
  String summary(Model model) {
    Actor a = requests.officer();
    // a log-in without an officer record gets the page, saying so, rather than an error
    model.addAttribute(
        "summary", summaries.of(a.userId(), a.scope().territoryCode(), Instant.now()).orElse(null));
    return "assessment/summary";
  }
}
