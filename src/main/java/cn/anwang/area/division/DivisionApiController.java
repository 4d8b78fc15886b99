package cn.anwang.area.division;

import cn.anwang.area.Division;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/divisions")
@Tag(name = "Divisions", description = "The statistical division tree, scoped to the caller")
class DivisionApiController {

  private final DivisionScope scope;

  DivisionApiController(DivisionScope scope) {
    this.scope = scope;
  }

  @GetMapping
  @Operation(summary = "Search divisions by name or code prefix inside the caller's territory")
  List<Division> search(@RequestParam("q") String text) {
    return scope.search(text);
  }

  @GetMapping("/{code}")
  @Operation(summary = "One division")
  Division division(@PathVariable String code) {
    return scope.find(code).orElseThrow(() -> DivisionNotFound.forCode(code));
  }

  @GetMapping("/{code}/children")
  @Operation(summary = "The children of a division, in code order")
  List<Division> children(@PathVariable String code) {
    scope.find(code).orElseThrow(() -> DivisionNotFound.forCode(code));
    return scope.children(code);
  }

  @GetMapping("/{code}/path")
  @Operation(summary = "The division and its ancestors from the city down")
  List<Division> path(@PathVariable String code) {
    scope.find(code).orElseThrow(() -> DivisionNotFound.forCode(code));
    return scope.path(code);
  }
}
