package cn.anwang.partner.work;

import cn.anwang.inspection.ChecklistCatalog;
import cn.anwang.partner.refusal.PartnerApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's work on the API: accounts granted to an organisation, an engagement's objects for its
 * partner users, and their findings.
 */
@PartnerApi
@RestController
class PartnerWorkApiController {

  private final PartnerWork work;
  private final ChecklistFindings checklists;
  private final FindingQueries findings;
  private final Performance performance;

  PartnerWorkApiController(
      PartnerWork work,
      ChecklistFindings checklists,
      FindingQueries findings,
      Performance performance) {
    this.work = work;
    this.checklists = checklists;
    this.findings = findings;
    this.performance = performance;
  }

  @GetMapping("/api/v1/partners/{id}/performance")
  Performance.Result performance(
      @PathVariable long id,
      @RequestParam(required = false) java.time.LocalDate from,
      @RequestParam(required = false) java.time.LocalDate to) {
    return performance.of(id, from, to);
  }

  record Grant(String username) {}

  @PostMapping("/api/v1/partners/{id}/users")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void grant(@PathVariable long id, @RequestBody Grant body) {
    work.grant(id, body == null ? null : body.username());
  }

  @GetMapping("/api/v1/partner-engagements/{id}/objects")
  List<PartnerWork.ScopeObject> scope(@PathVariable long id) {
    return work.scope(id);
  }

  @GetMapping("/api/v1/partner-engagements/{id}/objects/{objectId}/checklist")
  ChecklistCatalog.Sheet checklist(@PathVariable long id, @PathVariable long objectId) {
    return checklists.checklist(id, objectId);
  }

  /** A single observation, or (with {@code checklistId} and {@code answers}) a checklist. */
  record FindingBody(
      Long engagementId,
      Long objectId,
      String type,
      String title,
      String description,
      Double lon,
      Double lat,
      String idempotencyKey,
      Long checklistId,
      String clientId,
      List<ChecklistFindings.Answer> answers) {}

  @PostMapping("/api/v1/partner-findings")
  @ResponseStatus(HttpStatus.CREATED)
  Object record(@RequestBody FindingBody b) {
    if (b.checklistId() != null || b.answers() != null) {
      return checklists.submit(
          new ChecklistFindings.Submission(
              b.engagementId(), b.objectId(), b.checklistId(), b.clientId(), b.answers()));
    }
    return work.record(
        new PartnerWork.Finding(
            b.engagementId(),
            b.objectId(),
            b.type(),
            b.title(),
            b.description(),
            b.lon(),
            b.lat(),
            b.idempotencyKey()));
  }

  @GetMapping("/api/v1/partner-findings")
  List<FindingQueries.Row> mine(@RequestParam(defaultValue = "200") int limit) {
    return findings.mine(limit);
  }
}
