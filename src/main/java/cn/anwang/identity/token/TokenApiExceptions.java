package cn.anwang.identity.token;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Token refusals as problem+json in the {@code Accept-Language}, naming the field at fault. */
@RestControllerAdvice(assignableTypes = TokenApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenApiExceptions {

  private final MessageSource messages;

  TokenApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TokenProblem.class)
  ResponseEntity<ProblemDetail> problem(TokenProblem e, HttpServletRequest request) {
    String text = messages.getMessage(e, ApiLocale.of(request));
    HttpStatus status = e.status();
    ProblemDetail body = ApiProblems.problem(status, status.getReasonPhrase(), text).getBody();
    if (e.field() != null) {
      body.setProperty("fields", List.of(Map.of("field", e.field(), "message", text)));
    }
    return ResponseEntity.status(status).body(body);
  }
}
