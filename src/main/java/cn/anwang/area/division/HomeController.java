package cn.anwang.area.division;

import cn.anwang.area.Division;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: who you are, your territory, and where to go next. */
@Controller
class HomeController {

  private final DivisionScope scope;
  private final DivisionRepository repository;

  HomeController(DivisionScope scope, DivisionRepository repository) {
    this.scope = scope;
    this.repository = repository;
  }

  @GetMapping("/")
  String home(Model model) {
    Division territory = scope.territory();
    model.addAttribute("actor", scope.actor());
    model.addAttribute("territory", territory);
    model.addAttribute("path", scope.path(territory.code()));
    model.addAttribute("children", scope.children(territory.code()).size());
    model.addAttribute("gridCount", repository.gridCount(territory.code()));
    return "home";
  }
}
