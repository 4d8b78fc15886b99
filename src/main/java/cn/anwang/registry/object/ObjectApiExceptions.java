package cn.anwang.registry.object;

import cn.anwang.shared.web.ApiProblems;
import java.util.List;
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
 * The registry's exceptions as the API's problems. Ordered first because the shared handler's
 * catch-all would otherwise answer 500.
 */
@RestControllerAdvice(
    assignableTypes = {ObjectApiController.class, ObjectAccountApiController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ObjectApiExceptions {

  @ExceptionHandler(ObjectNotFound.class)
  ResponseEntity<ProblemDetail> notFound(ObjectNotFound e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ObjectVersionConflict.class)
  ResponseEntity<ProblemDetail> conflict(ObjectVersionConflict e) {
    return e.precondition()
        ? problem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage())
        : problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(ObjectDuplicate.class)
  ResponseEntity<ProblemDetail> duplicate(ObjectDuplicate e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.CONFLICT, "Duplicate object", e.getMessage());
    ProblemDetail body = Objects.requireNonNull(response.getBody());
    body.setProperty("field", e.field());
    if (e.existingId() != null) {
      body.setProperty("existingId", e.existingId());
    }
    return response;
  }

  @ExceptionHandler(ObjectRejected.class)
  ResponseEntity<ProblemDetail> rejected(ObjectRejected e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "Object rejected", e.getMessage());
    Objects.requireNonNull(response.getBody())
        .setProperty(
            "fields",
            List.of(
                Map.of(
                    "field", e.field(), "message", e.getMessage(), "messageKey", e.messageKey())));
    return response;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail body = ApiProblems.problem(status, title, detail).getBody();
    return ResponseEntity.status(status).body(body);
  }
}
