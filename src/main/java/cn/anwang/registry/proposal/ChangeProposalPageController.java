package cn.anwang.registry.proposal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /inspection/proposals}: the information updates officers proposed in the caller's
 * territory, with confirm and reject (a reason) for the street's administrators.
 */
@Controller
class ChangeProposalPageController {

  private final ChangeProposals proposals;

  ChangeProposalPageController(ChangeProposals proposals) {
    this.proposals = proposals;
  }

  @GetMapping("/inspection/proposals")
  String list(@RequestParam(required = false) String status, Model model) {
    String s = status == null || status.isBlank() ? "PROPOSED" : status;
    model.addAttribute("status", s);
    model.addAttribute("proposals", proposals.list(s));
    return "inspection/proposals";
  }

  @PostMapping("/inspection/proposals/{id}")
  String decide(
      @PathVariable long id,
      @RequestParam String decision,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    try {
      ChangeProposals.View v = proposals.decide(id, "confirm".equals(decision), reason);
      redirect.addFlashAttribute("message", v.objectName() + ": " + v.status());
    } catch (ErrorResponseException e) {
      if (e.getStatusCode().value() == 404) {
        throw e;
      }
      redirect.addFlashAttribute(
          "failure", e.getBody().getDetail() == null ? e.getMessage() : e.getBody().getDetail());
    }
    return "redirect:/inspection/proposals";
  }
}
