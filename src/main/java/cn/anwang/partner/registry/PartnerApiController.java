package cn.anwang.partner.registry;

import cn.anwang.partner.refusal.PartnerApi;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The third-party registry on the API: {@code /api/v1/partners} and the expiring qualifications.
 */
@PartnerApi
@RestController
class PartnerApiController {

  private final PartnerAccess access;
  private final PartnerQueries queries;
  private final Partners partners;

  PartnerApiController(PartnerAccess access, PartnerQueries queries, Partners partners) {
    this.access = access;
    this.queries = queries;
    this.partners = partners;
  }

  @GetMapping("/api/v1/partners")
  List<PartnerViews.Organisation> list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Boolean blacklisted,
      @RequestParam(defaultValue = "100") int limit) {
    return queries.list(access.reader(), q, blacklisted, Math.max(1, Math.min(limit, 500)));
  }

  @PostMapping("/api/v1/partners")
  @ResponseStatus(HttpStatus.CREATED)
  PartnerViews.Organisation register(@RequestBody Partners.NewOrganisation body) {
    return partners.register(body);
  }

  @GetMapping("/api/v1/partners/{id}")
  PartnerViews.Organisation get(@PathVariable long id) {
    return queries.get(id, access.reader());
  }

  @PutMapping("/api/v1/partners/{id}")
  PartnerViews.Organisation change(@PathVariable long id, @RequestBody Partners.Change body) {
    return partners.change(id, body);
  }

  @PostMapping("/api/v1/partners/{id}/qualifications")
  PartnerViews.Organisation addQualification(
      @PathVariable long id, @RequestBody Partners.NewQualification body) {
    return partners.addQualification(id, body);
  }

  @DeleteMapping("/api/v1/partners/{id}/qualifications/{qualificationId}")
  PartnerViews.Organisation removeQualification(
      @PathVariable long id, @PathVariable long qualificationId) {
    return partners.removeQualification(id, qualificationId);
  }

  @PostMapping("/api/v1/partners/{id}/contacts")
  PartnerViews.Organisation addContact(
      @PathVariable long id, @RequestBody Partners.NewContact body) {
    return partners.addContact(id, body);
  }

  record Reason(String reason) {}

  @PostMapping("/api/v1/partners/{id}/blacklist")
  PartnerViews.Organisation blacklist(@PathVariable long id, @RequestBody Reason body) {
    return partners.blacklist(id, true, body == null ? null : body.reason());
  }

  @DeleteMapping("/api/v1/partners/{id}/blacklist")
  PartnerViews.Organisation unblacklist(@PathVariable long id) {
    return partners.blacklist(id, false, null);
  }

  @GetMapping("/api/v1/partner-qualifications/expiring")
  List<PartnerViews.Expiring> expiring(@RequestParam(defaultValue = "90") int days) {
    access.reader();
    return queries.expiring(Math.max(0, Math.min(days, 730)));
  }
}
