package cn.anwang.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Factories for the API's RFC 9457 problems. Throw the result from anywhere below a controller;
 * {@link ApiExceptionHandler} renders it as {@code application/problem+json}.
 */
public final class ApiProblems {

  private ApiProblems() {}

  public static ErrorResponseException notFound(String what, String id) {
    return problem(
        HttpStatus.NOT_FOUND,
        "Not found",
        what + " '" + id + "' does not exist or is outside your scope");
  }

  public static ErrorResponseException badRequest(String detail) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", detail);
  }

  public static ErrorResponseException conflict(String detail) {
    return problem(HttpStatus.CONFLICT, "Conflict", detail);
  }

  public static ErrorResponseException forbidden(String detail) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  /** 422 for one field: the detail, and {@code errors: [{field, message}]} for forms to show. */
  public static ErrorResponseException unprocessable(String field, String detail) {
    ErrorResponseException e =
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rejected", field + ": " + detail);
    e.getBody().setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    return e;
  }

  public static ErrorResponseException problem(HttpStatus status, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    body.setType(URI.create("about:blank"));
    return new ErrorResponseException(status, body, null);
  }
}
