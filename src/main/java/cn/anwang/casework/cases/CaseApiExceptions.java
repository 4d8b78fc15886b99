package cn.anwang.casework.cases;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Casework's exceptions as problems, with the rule explained in the caller's language. */
@RestControllerAdvice(assignableTypes = CaseApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseApiExceptions {

  private final MessageSource messages;

  CaseApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TransitionNotAllowed.class)
  ResponseEntity<ProblemDetail> notAllowed(TransitionNotAllowed e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String detail =
        e.rule() == null
            ? messages.getMessage(
                "casework.rule.notFromStatus",
                new Object[] {action(e.action(), locale), status(e.status(), locale)},
                locale)
            : messages.getMessage(e.rule(), null, locale);
    ProblemDetail body =
        ApiProblems.problem(HttpStatus.CONFLICT, "Action not allowed", detail).getBody();
    body.setProperty("action", e.action().name());
    body.setProperty("status", e.status().name());
    body.setProperty("allowedFrom", e.action().from().stream().map(Enum::name).toList());
    if (e.rule() != null) {
      body.setProperty("rule", e.rule());
    }
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(CaseConflict.class)
  ResponseEntity<ProblemDetail> conflict(CaseConflict e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    ProblemDetail body =
        ApiProblems.problem(
                HttpStatus.CONFLICT,
                "Conflict",
                messages.getMessage(
                    "casework.rule.stale", new Object[] {e.currentVersion()}, locale))
            .getBody();
    body.setProperty("currentVersion", e.currentVersion());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }

  @ExceptionHandler(CaseRejected.class)
  ResponseEntity<ProblemDetail> rejected(CaseRejected e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String message = messages.getMessage(e.rule(), new Object[] {e.argument()}, locale);
    ProblemDetail body =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Case rejected", message).getBody();
    body.setProperty(
        "fields", List.of(Map.of("field", e.field(), "message", message, "rule", e.rule())));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }

  private String action(CaseAction action, Locale locale) {
    return messages.getMessage("casework.action." + action.name(), null, locale);
  }

  private String status(CaseStatus status, Locale locale) {
    return messages.getMessage("casework.status." + status.name(), null, locale);
  }
}
