package cn.anwang.publicreport.desk;

import cn.anwang.shared.web.ApiProblems;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report desk's API: inbox, one report with duplicates, verify, reject, merge, reporter. */
@RestController
@RequestMapping("/api/v1/public-reports")
class ReportDeskApiController {

  private final DeskAccess access;
  private final DeskQueries queries;
  private final ReportDesk desk;
  private final ReporterIdentity identity;

  ReportDeskApiController(
      DeskAccess access, DeskQueries queries, ReportDesk desk, ReporterIdentity identity) {
    this.access = access;
    this.queries = queries;
    this.desk = desk;
    this.identity = identity;
  }

  @GetMapping
  List<DeskQueries.Summary> inbox(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit) {
    return queries.inbox(
        access.require(),
        status == null || status.isBlank() ? null : status,
        before,
        Math.max(1, Math.min(limit, 200)));
  }

  @GetMapping("/{id}")
  DeskQueries.Detail get(@PathVariable long id) {
    return queries.detail(id, access.require());
  }

  @PostMapping("/{id}/verify")
  DeskQueries.Detail verify(
      @PathVariable long id, @RequestBody(required = false) ReportDesk.Verify body) {
    return desk.verify(id, body);
  }

  record Reject(String reason) {}

  @PostMapping("/{id}/reject")
  DeskQueries.Detail reject(@PathVariable long id, @RequestBody Reject body) {
    return desk.reject(id, body.reason());
  }

  record Merge(Long into, Integer version) {}

  @PostMapping("/{id}/merge")
  DeskQueries.Detail merge(@PathVariable long id, @RequestBody Merge body) {
    if (body.into() == null) {
      throw ApiProblems.unprocessable("into", "which report to merge into is required");
    }
    return desk.merge(id, body.into(), body.version());
  }

  @PostMapping("/{id}/reporter")
  Map<String, Object> reporter(@PathVariable long id) {
    ReporterIdentity.Reporter r = identity.reveal(id);
    return r.anonymous()
        ? Map.of("anonymous", true)
        : Map.of("anonymous", false, "name", r.name(), "phone", r.phone());
  }
}
