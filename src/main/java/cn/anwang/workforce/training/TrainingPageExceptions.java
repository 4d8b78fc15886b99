package cn.anwang.workforce.training;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Training pages answer a refusal (404 outside the territory, 403, …) with a page saying why. */
@ControllerAdvice(assignableTypes = TrainingPageController.class)
class TrainingPageExceptions {

  private final MessageSource messages;

  TrainingPageExceptions(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(TrainingProblem.class)
  String problem(TrainingProblem e, HttpServletResponse response, Model model) {
    response.setStatus(e.status().value());
    model.addAttribute("status", e.status().value());
    model.addAttribute("message", messages.getMessage(e, LocaleContextHolder.getLocale()));
    return "workforce/training-problem";
  }
}
