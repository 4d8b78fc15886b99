package cn.anwang.casework.attachment;

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

/** A refused file as a problem naming it: 413 when too large, 422 for its type. */
@RestControllerAdvice(assignableTypes = AttachmentApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentApiExceptions {

  private final MessageSource messages;

  AttachmentApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(AttachmentRejected.class)
  ResponseEntity<ProblemDetail> rejected(AttachmentRejected e, HttpServletRequest request) {
    Locale locale = ApiLocale.of(request);
    String message =
        messages.getMessage(e.rule(), new Object[] {e.fileName(), e.argument()}, locale);
    HttpStatus status =
        e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail body = ApiProblems.problem(status, "File rejected", message).getBody();
    body.setProperty("file", e.fileName());
    body.setProperty(
        "fields",
        List.of(
            Map.of("field", "file", "file", e.fileName(), "message", message, "rule", e.rule())));
    return ResponseEntity.status(status).body(body);
  }
}
