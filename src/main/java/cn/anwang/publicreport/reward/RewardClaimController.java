package cn.anwang.publicreport.reward;

import cn.anwang.publicreport.intake.TrackingCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporter's reward pages beside the tracking page, no log-in: the claim form ({@code
 * /report/track/{code}/claim}) and the objection ({@code …/objection}). Outcomes go back to the
 * tracking page in the reader's language; a refused claim shows the form again with the reason.
 */
@Controller
class RewardClaimController {

  private final RewardClaims claims;
  private final MessageSource messages;

  RewardClaimController(RewardClaims claims, MessageSource messages) {
    this.claims = claims;
    this.messages = messages;
  }

  @GetMapping("/report/track/{code}/claim")
  String form(@PathVariable("code") String typed, Model model, HttpServletResponse response) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return "redirect:/report/track";
    }
    response.setHeader("Cache-Control", "no-store");
    Optional<Boolean> anonymous = claims.anonymous(code);
    if (anonymous.isEmpty() || !"APPROVED".equals(claims.status(code).orElse(null))) {
      return "redirect:/report/track/" + code + "?outcome=NOTHING_TO_CLAIM";
    }
    model.addAttribute("code", code);
    model.addAttribute("anonymous", anonymous.get());
    return "publicreport/claim";
  }

  @PostMapping("/report/track/{code}/claim")
  String claim(
      @PathVariable("code") String typed,
      @RequestParam(required = false) String proof,
      @RequestParam(required = false) String payeeName,
      @RequestParam(required = false) String payeeAccount,
      Model model,
      HttpServletResponse response) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return "redirect:/report/track";
    }
    RewardClaims.Outcome outcome =
        claims.claim(code, new RewardClaims.Claim(proof, payeeName, payeeAccount));
    switch (outcome) {
      case WRONG_PROOF, PAYEE_NAME, PAYEE_ACCOUNT -> {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("code", code);
        model.addAttribute("anonymous", claims.anonymous(code).orElse(false));
        model.addAttribute("payeeName", payeeName);
        model.addAttribute("payeeAccount", payeeAccount);
        model.addAttribute(
            "failure",
            messages.getMessage(
                "publicreport.claim.outcome." + outcome, null, LocaleContextHolder.getLocale()));
        return "publicreport/claim";
      }
      default -> {
        return "redirect:/report/track/" + code + "?outcome=" + outcome;
      }
    }
  }

  @PostMapping("/report/track/{code}/objection")
  String object(
      @PathVariable("code") String typed, @RequestParam(required = false) String objection) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return "redirect:/report/track";
    }
    return "redirect:/report/track/" + code + "?outcome=" + claims.object(code, objection);
  }
}
