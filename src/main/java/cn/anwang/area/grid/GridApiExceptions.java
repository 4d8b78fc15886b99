package cn.anwang.area.grid;

import cn.anwang.shared.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the grid module's exceptions into the API's problems. Ordered first because the shared
 * handler's catch-all would otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = GridApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GridApiExceptions {

  @ExceptionHandler(MalformedGeoJson.class)
  ResponseEntity<ProblemDetail> malformed(MalformedGeoJson e) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed GeoJSON", e.getMessage());
  }

  @ExceptionHandler(ImportTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.CONTENT_TOO_LARGE, "Import too large", e.getMessage());
    response.getBody().setProperty("limitBytes", e.limitBytes());
    return response;
  }

  @ExceptionHandler(GridNotFound.class)
  ResponseEntity<ProblemDetail> notFound(GridNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(GridVersionConflict.class)
  ResponseEntity<ProblemDetail> conflict(GridVersionConflict e) {
    return e.precondition()
        ? problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage())
        : problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(GridEditRejected.class)
  ResponseEntity<ProblemDetail> rejected(GridEditRejected e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Edit rejected", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail body = ApiProblems.problem(status, title, detail).getBody();
    return ResponseEntity.status(status).body(body);
  }
}
