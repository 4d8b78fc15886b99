package cn.anwang.identity.audit;

import cn.anwang.identity.audit.AuditQueries.AuditFilter;
import cn.anwang.identity.audit.AuditQueries.AuditPage;
import cn.anwang.identity.audit.AuditQueries.ChainVerification;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log over JSON, for auditors and city or district administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'CITY_ADMIN', 'DISTRICT_ADMIN')")
class AuditApiController {

  private final AuditTrail trail;

  AuditApiController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  AuditPage search(
      @Valid AuditFilter filter,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return trail.search(filter, page, size);
  }

  @GetMapping("/verify")
  ChainVerification verify() {
    return trail.verify();
  }
}
