package cn.anwang.partner.work;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's work on the API: accounts granted to an organisation, an engagement's objects for its
 * partner users, and their findings.
 */
@RestController
class PartnerWorkApiController {

  private final PartnerWork work;

  PartnerWorkApiController(PartnerWork work) {
    this.work = work;
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
