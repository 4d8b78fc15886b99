package cn.anwang.shared.web;

import cn.anwang.shared.tabular.TabularException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.Charset;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every API import answers a file that cannot be read as a table the same way: 400 (413 when too
 * large) problem+json with {@code reason}, the row and columns concerned when known, and a sentence
 * in the caller's language. Ordered before the API's catch-all handler.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class TabularProblems {

  private final MessageSource messages;

  TabularProblems(MessageSource messages) {
    this.messages = messages;
  }

  /** The charset an upload declares in its part's content type, or null. */
  public static Charset declaredCharset(String contentType) {
    if (contentType == null) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType).getCharset();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @ExceptionHandler(TabularException.class)
  ResponseEntity<ProblemDetail> unreadable(TabularException e, HttpServletRequest request) {
    HttpStatus status =
        e.reason() == TabularException.Reason.TOO_LARGE
            ? HttpStatus.CONTENT_TOO_LARGE
            : HttpStatus.BAD_REQUEST;
    ProblemDetail body =
        ApiProblems.problem(
                status, "File not readable", messages.getMessage(e, ApiLocale.of(request)))
            .getBody();
    body.setProperty("reason", e.reason().name());
    if (e.rowNumber() > 0) {
      body.setProperty("row", e.rowNumber());
    }
    if (!e.columns().isEmpty()) {
      body.setProperty("columns", e.columns());
    }
    return ResponseEntity.status(status).body(body);
  }
}
