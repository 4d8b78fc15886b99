package cn.anwang.workforce.training;

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
 * Training's refusals as problem+json in the caller's language ({@code Accept-Language}); ordered
 * first because the shared handler's catch-all would otherwise answer 500.
 */
@RestControllerAdvice(
    assignableTypes = {TrainingApiController.class, TrainingImportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class TrainingApiExceptions {

  private final MessageSource messages;

  TrainingApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TrainingProblem.class)
  ResponseEntity<ProblemDetail> problem(TrainingProblem e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String text = messages.getMessage(e, locale);
    HttpStatus status = e.status();
    ProblemDetail body = ApiProblems.problem(status, status.getReasonPhrase(), text).getBody();
    if (e.field() != null) {
      body.setProperty("fields", List.of(Map.of("field", e.field(), "message", text)));
    }
    return ResponseEntity.status(status).body(body);
  }
}
