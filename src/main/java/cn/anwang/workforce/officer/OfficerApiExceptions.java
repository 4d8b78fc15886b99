package cn.anwang.workforce.officer;

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

/**
 * The officer and assignment API's problems, texts in the request's language ({@link ApiLocale}).
 * Ordered first because the shared handler's catch-all would otherwise answer 500.
 */
@RestControllerAdvice(
    assignableTypes = {
      OfficerApiController.class,
      AssignmentApiController.class,
      OfficerImportController.class
    })
@Order(Ordered.HIGHEST_PRECEDENCE)
class OfficerApiExceptions {

  private final MessageSource messages;

  OfficerApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(AssignmentRefused.class)
  ResponseEntity<ProblemDetail> refused(AssignmentRefused e, HttpServletRequest request) {
    String detail = messages.getMessage(e, ApiLocale.of(request));
    ProblemDetail body =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Assignment refused", detail)
            .getBody();
    body.setProperty("reason", e.reason().name());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }

  @ExceptionHandler(OfficerProblem.class)
  ResponseEntity<ProblemDetail> problem(OfficerProblem e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String detail = messages.getMessage(e, locale);
    HttpStatus status =
        switch (e.kind()) {
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
          case CONFLICT -> HttpStatus.CONFLICT;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
    String title =
        switch (e.kind()) {
          case NOT_FOUND -> "Not found";
          case REJECTED -> "Officer rejected";
          case CONFLICT -> "Conflict";
          case FORBIDDEN -> "Forbidden";
        };
    ProblemDetail body = ApiProblems.problem(status, title, detail).getBody();
    body.setProperty("reason", e.code());
    if (e.field() != null) {
      body.setProperty("field", e.field());
      body.setProperty(
          "fields", List.of(Map.of("field", e.field(), "message", detail, "messageKey", e.code())));
    }
    if (e.existingId() != null) {
      body.setProperty("existingId", e.existingId());
    }
    return ResponseEntity.status(status).body(body);
  }
}
