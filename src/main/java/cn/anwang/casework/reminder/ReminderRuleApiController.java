package cn.anwang.casework.reminder;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/case-reminder-rules}: read (city and district administrators, auditors) and
 * replace (the city administrator) the reminder and escalation rules. A refused row answers 422
 * naming it, in the caller's language.
 */
@RestController
@Tag(name = "Cases")
class ReminderRuleApiController {

  private final ReminderRuleAdmin admin;
  private final MessageSource messages;

  ReminderRuleApiController(ReminderRuleAdmin admin, MessageSource messages) {
    this.admin = admin;
    this.messages = messages;
  }

  @GetMapping("/api/v1/case-reminder-rules")
  @Operation(summary = "The reminder rules: the global row * first, then per case type")
  List<ReminderRuleAdmin.Rule> rules() {
    return admin.rules();
  }

  @PutMapping("/api/v1/case-reminder-rules")
  @Operation(
      summary = "Replace the reminder rules (city administrator)",
      description =
          "The body is the whole set: it must hold the global row '*'; a case type left out uses"
              + " it. earlyShare strictly between 0 and 1 (3 decimals) or null, earlyHours 1-720"
              + " or null, escalateAfterDays 1-60. Audited with before and after.")
  List<ReminderRuleAdmin.Rule> replace(@RequestBody List<ReminderRuleAdmin.Rule> rules) {
    return admin.replace(rules);
  }

  @ExceptionHandler(ReminderRuleRejected.class)
  ResponseEntity<ProblemDetail> rejected(ReminderRuleRejected e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String message = messages.getMessage(e.rule(), e.arguments(), locale);
    ProblemDetail body =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Reminder rules rejected", message)
            .getBody();
    body.setProperty(
        "fields", List.of(Map.of("field", e.field(), "message", message, "rule", e.rule())));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }
}
