package cn.anwang.registry.object;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer 404 for objects outside the user's scope, never saying which. */
@ControllerAdvice(assignableTypes = {ObjectPageController.class, ObjectFormController.class})
class ObjectPageExceptions {

  @ExceptionHandler(ObjectNotFound.class)
  String notFound(ObjectNotFound e, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "registry/not-found";
  }
}
