package cn.anwang.identity.audit;

import cn.anwang.identity.audit.AuditQueries.AuditFilter;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page: filters, a page of entries with before and after, chain verification. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'CITY_ADMIN', 'DISTRICT_ADMIN')")
class AuditPageController {

  private final AuditTrail trail;

  AuditPageController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/audit")
  String audit(
      @Valid @ModelAttribute("filter") AuditFilter filter,
      BindingResult binding,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "false") boolean verify,
      Model model) {
    AuditFilter effective = binding.hasErrors() ? AuditFilter.none() : filter;
    model.addAttribute("result", trail.search(effective, page, 50));
    if (verify) {
      model.addAttribute("verification", trail.verify());
    }
    return "identity/audit";
  }
}
