package cn.anwang.org.responsibility;

import cn.anwang.shared.web.ApiProblems;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the org module's exceptions into the API's problems. Ordered first because the shared
 * handler's catch-all would otherwise answer 500.
 */
@RestControllerAdvice(assignableTypes = {DepartmentApiController.class, RuleApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgApiExceptions {

  @ExceptionHandler(OrgNotFound.class)
  ResponseEntity<ProblemDetail> notFound(OrgNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(OrgConflict.class)
  ResponseEntity<ProblemDetail> conflict(OrgConflict e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(OrgRejected.class)
  ResponseEntity<ProblemDetail> rejected(OrgRejected e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid fields");
    Objects.requireNonNull(response.getBody())
        .setProperty(
            "fields",
            e.fields().stream()
                .map(f -> Map.of("field", f.field(), "message", f.message()))
                .toList());
    return response;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail body = ApiProblems.problem(status, title, detail).getBody();
    return ResponseEntity.status(status).body(body);
  }
}
