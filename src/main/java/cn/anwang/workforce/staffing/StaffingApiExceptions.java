package cn.anwang.workforce.staffing;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import cn.anwang.workforce.officer.AssignmentRefused;
import jakarta.servlet.http.HttpServletRequest;
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

/**
 * The staffing API's problems, in the request's language ({@link ApiLocale}); validation failures
 * list their fields. Ordered first because the shared handler's catch-all would answer 500.
 */
@RestControllerAdvice(assignableTypes = StaffingApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffingApiExceptions {

  private final MessageSource messages;

  StaffingApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(StaffingProblem.class)
  ResponseEntity<ProblemDetail> problem(StaffingProblem e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    HttpStatus status = e.status();
    ProblemDetail body =
        ApiProblems.problem(
                status,
                status.getReasonPhrase(),
                messages.getMessage(e.key(), e.args(), e.getMessage(), locale))
            .getBody();
    if (!e.fields().isEmpty()) {
      body.setProperty(
          "fields",
          e.fields().stream()
              .map(
                  f ->
                      Map.of(
                          "field",
                          f.field(),
                          "message",
                          messages.getMessage(f.key(), f.args().toArray(), f.key(), locale)))
              .toList());
    }
    return ResponseEntity.status(status).body(body);
  }

  @ExceptionHandler(AssignmentRefused.class)
  ResponseEntity<ProblemDetail> refused(AssignmentRefused e, HttpServletRequest request) {
    ProblemDetail body =
        ApiProblems.problem(
                HttpStatus.CONFLICT,
                "Assignment refused",
                messages.getMessage(e, ApiLocale.of(request)))
            .getBody();
    body.setProperty("reason", e.reason().name());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }
}
