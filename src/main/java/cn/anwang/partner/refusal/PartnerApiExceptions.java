package cn.anwang.partner.refusal;

import cn.anwang.shared.web.ApiLocale;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The partner APIs' refusals as problems, explained in the caller's language ({@link ApiLocale}:
 * {@code Accept-Language}, English by default as for the rest of the API). Only for the controllers
 * marked {@link PartnerApi}: the pages catch their refusals or send them to the error page.
 */
@RestControllerAdvice(annotations = PartnerApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerApiExceptions {

  private final MessageSource messages;

  PartnerApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(PartnerRejected.class)
  ResponseEntity<ProblemDetail> rejected(PartnerRejected e, HttpServletRequest request) {
    return ResponseEntity.status(e.getStatusCode())
        .body(e.problem(messages, ApiLocale.of(request)));
  }
}
