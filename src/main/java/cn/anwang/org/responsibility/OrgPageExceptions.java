package cn.anwang.org.responsibility;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer 404 for departments, rules and districts outside the user's territory. */
@ControllerAdvice(assignableTypes = {DepartmentPageController.class, RulePageController.class})
class OrgPageExceptions {

  @ExceptionHandler(OrgNotFound.class)
  String notFound(OrgNotFound e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "org/not-found";
  }
}
