package cn.anwang.inspection.plan;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/patrol-plans} (GET the plans the caller sees, GET/PUT one district's or the city
 * default {@code 12}), {@code /api/v1/patrol-coverage} and {@code /api/v1/tasks/mine}.
 */
@RestController
class PatrolApiController {

  private final PatrolSettings settings;
  private final PatrolCoverage coverage;
  private final TaskList tasks;

  PatrolApiController(PatrolSettings settings, PatrolCoverage coverage, TaskList tasks) {
    this.settings = settings;
    this.coverage = coverage;
    this.tasks = tasks;
  }

  @GetMapping("/api/v1/patrol-plans")
  Map<String, Object> plans() {
    return Map.of("items", settings.visible());
  }

  @GetMapping("/api/v1/patrol-plans/{scopeCode}")
  PatrolSettings.Plan plan(@PathVariable String scopeCode) {
    return settings.visible().stream()
        .filter(p -> p.scopeCode().equals(scopeCode))
        .findFirst()
        .orElseThrow(() -> cn.anwang.shared.web.ApiProblems.notFound("Patrol plan", scopeCode));
  }

  @PutMapping("/api/v1/patrol-plans/{scopeCode}")
  PatrolSettings.Plan put(@PathVariable String scopeCode, @RequestBody PatrolSettings.Update body) {
    return settings.put(scopeCode, body);
  }

  @GetMapping("/api/v1/patrol-coverage")
  PatrolCoverage.Report coverage(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    return coverage.of(division, on);
  }

  @GetMapping("/api/v1/tasks/mine")
  Map<String, Object> mine(
      @RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat) {
    return Map.of("items", tasks.mine(lon, lat));
  }
}
