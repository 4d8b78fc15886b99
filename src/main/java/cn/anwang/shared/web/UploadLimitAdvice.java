package cn.anwang.shared.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page upload above {@code spring.servlet.multipart.max-file-size} fails while the request is
 * parsed, before any controller is chosen, so no module's advice sees it. Answer 413 with the error
 * page and a sentence a person understands instead of the generic error.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UploadLimitAdvice {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ModelAndView tooLarge(MaxUploadSizeExceededException e) {
    ModelAndView page = new ModelAndView("error", HttpStatus.PAYLOAD_TOO_LARGE);
    page.addObject("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
    return page;
  }
}
