package cn.anwang.area.grid;

import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the grid module's exceptions into the API's problems, their detail in the request's
 * language ({@link ApiLocale}). Ordered first because the shared handler's catch-all would
 * otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = GridApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GridApiExceptions {

  private final MessageSource messages;

  GridApiExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(MalformedGeoJson.class)
  ResponseEntity<ProblemDetail> malformed(MalformedGeoJson e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed GeoJSON", detail(e, request));
  }

  @ExceptionHandler(ImportTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.CONTENT_TOO_LARGE, "Import too large", detail(e, request));
    Objects.requireNonNull(response.getBody()).setProperty("limitBytes", e.limitBytes());
    return response;
  }

  @ExceptionHandler(GridNotFound.class)
  ResponseEntity<ProblemDetail> notFound(GridNotFound e, HttpServletRequest request) {
    return problem(HttpStatus.NOT_FOUND, "Not found", detail(e, request));
  }

  @ExceptionHandler(GridVersionConflict.class)
  ResponseEntity<ProblemDetail> conflict(GridVersionConflict e, HttpServletRequest request) {
    return e.precondition()
        ? problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail(e, request))
        : problem(HttpStatus.CONFLICT, "Conflict", detail(e, request));
  }

  @ExceptionHandler(GridEditRejected.class)
  ResponseEntity<ProblemDetail> rejected(GridEditRejected e, HttpServletRequest request) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Edit rejected", detail(e, request));
  }

  private String detail(GridProblem e, HttpServletRequest request) {
    return e.reason().in(messages, ApiLocale.of(request));
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail body = ApiProblems.problem(status, title, detail).getBody();
    return ResponseEntity.status(status).body(body);
  }
}
