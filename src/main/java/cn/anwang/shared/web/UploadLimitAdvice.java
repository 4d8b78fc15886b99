package cn.anwang.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload above {@code spring.servlet.multipart.max-file-size} fails while the request is parsed,
 * before any controller is chosen, so no module's advice sees it. Answer 413: problem+json for the
 * API, the error page with a sentence a person understands for pages.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadLimitAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail body =
          ApiProblems.problem(
                  HttpStatus.CONTENT_TOO_LARGE,
                  "Upload too large",
                  "The file is larger than the upload limit of "
                      + (e.getMaxUploadSize() > 0
                          ? e.getMaxUploadSize() / (1024 * 1024) + " MB"
                          : "the server")
                      + "; split it into smaller files")
              .getBody();
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(body);
    }
    ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    return page;
  }
}
