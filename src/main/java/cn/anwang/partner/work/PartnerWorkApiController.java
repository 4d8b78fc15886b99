package cn.anwang.partner.work;

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
@RestController
class PartnerWorkApiController {

  private final PartnerWork work;
  private final Performance performance;

  PartnerWorkApiController(PartnerWork work, Performance performance) {
    this.work = work;
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

  @PostMapping("/api/v1/partner-findings")
  @ResponseStatus(HttpStatus.CREATED)
  PartnerWork.Recorded record(@RequestBody PartnerWork.Finding body) {
    return work.record(body);
  }
}
