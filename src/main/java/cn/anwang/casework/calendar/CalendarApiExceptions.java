package cn.anwang.casework.calendar;

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

/** A refused calendar or rule edit: 422 naming the row, in the caller's language. */
@RestControllerAdvice(assignableTypes = CalendarApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarApiExceptions {

  private final MessageSource messages;

  CalendarApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(CalendarRejected.class)
  ResponseEntity<ProblemDetail> rejected(CalendarRejected e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String message = messages.getMessage(e.rule(), e.arguments(), locale);
    ProblemDetail body =
        ApiProblems.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Calendar rejected", message)
            .getBody();
    body.setProperty(
        "fields", List.of(Map.of("field", e.field(), "message", message, "rule", e.rule())));
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
  }
}
