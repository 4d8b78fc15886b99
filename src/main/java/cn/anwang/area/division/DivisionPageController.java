package cn.anwang.area.division;

import cn.anwang.area.Division;
import cn.anwang.area.DivisionLevel;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** Browse and search pages of the division tree; htmx requests get just the fragment. */
@Controller
class DivisionPageController {

  private final DivisionScope scope;
  private final DivisionRepository repository;

  DivisionPageController(DivisionScope scope, DivisionRepository repository) {
    this.scope = scope;
    this.repository = repository;
  }

  @GetMapping("/divisions")
  String territory() {
    return "redirect:/divisions/" + scope.territory().code();
  }

  @GetMapping("/divisions/{code}")
  String division(
      @PathVariable String code,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    Division division = scope.find(code).orElseThrow(() -> DivisionNotFound.forCode(code));
    List<Division> children = scope.children(code);
    model.addAttribute("division", division);
    model.addAttribute("path", scope.path(code));
    model.addAttribute("children", children);
    model.addAttribute("gridCounts", gridCounts(division, children));
    model.addAttribute("gridCount", repository.gridCount(code));
    return htmx != null ? "division/division :: children" : "division/division";
  }

  @GetMapping("/divisions/search")
  String search(
      @RequestParam(name = "q", defaultValue = "") String text,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      Model model) {
    model.addAttribute("q", text);
    model.addAttribute("results", scope.search(text));
    return htmx != null ? "division/search :: results" : "division/search";
  }

  private Map<String, Long> gridCounts(Division division, List<Division> children) {
    if (children.isEmpty() || division.level() == DivisionLevel.VILLAGE) {
      return Map.of();
    }
    return repository.gridCountsByChild(division.code(), children.get(0).code().length());
  }
}
