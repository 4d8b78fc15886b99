package cn.anwang.area.grid;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Pages answer 404 for grids and divisions outside the user's territory, never saying which. */
@ControllerAdvice(
    assignableTypes = {
      GridPageController.class,
      MapPageController.class,
      QualityPageController.class,
      GridImportPageController.class
    })
class GridPageExceptions {

  @ExceptionHandler(GridNotFound.class)
  String notFound(GridNotFound e, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "grid/not-found";
  }
}
