package cn.anwang.outreach.web;

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

/** The outreach APIs' refusals as problems, explained in the caller's language. */
@RestControllerAdvice(basePackages = "cn.anwang.outreach")
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutreachApiExceptions {

  private final MessageSource messages;

  OutreachApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(OutreachRejected.class)
  ResponseEntity<ProblemDetail> rejected(OutreachRejected e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String message = messages.getMessage(e.rule(), new Object[] {e.argument()}, locale);
    HttpStatus status =
        e.isTooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail body =
        ApiProblems.problem(status, "Rejected", e.field() + ": " + message).getBody();
    body.setProperty(
        "errors", List.of(Map.of("field", e.field(), "message", message, "rule", e.rule())));
    return ResponseEntity.status(status).body(body);
  }
}
