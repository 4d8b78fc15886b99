package cn.anwang.workforce.officer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Officer ↔ grid assignments and the grids without an active officer. */
@RestController
@RequestMapping(path = "/api/v1/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssignmentApiController {

  private final AssignmentService assignments;

  AssignmentApiController(AssignmentService assignments) {
    this.assignments = assignments;
  }

  /**
   * @param startsOn default today
   */
  record AssignRequest(Long officerId, String gridCode, LocalDate startsOn, String reason) {}

  /**
   * @param endsOn default today
   */
  record EndRequest(LocalDate endsOn, String reason) {}

  @Operation(
      summary = "Give a grid to an officer",
      description =
          "You must manage both the officer and the grid (404 otherwise). 422 problem when a rule"
              + " refuses it, with reason (GRID_NOT_FOUND, OFFICER_CANNOT_HOLD_GRID,"
              + " OUTSIDE_STREET, OUTSIDE_VILLAGE, NOT_TRAINED, NO_PRE_POST_COURSE,"
              + " ALREADY_ASSIGNED, …) and detail saying why in the Accept-Language.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AssignmentService.AssignmentView> assign(@RequestBody AssignRequest request) {
    if (request.officerId() == null) {
      throw OfficerProblem.rejected("officerId", "officerRequired");
    }
    AssignmentService.AssignmentView made =
        assignments.assign(
            request.officerId(), request.gridCode(), request.startsOn(), request.reason());
    return ResponseEntity.created(URI.create("/api/v1/assignments/" + made.id())).body(made);
  }

  @Operation(summary = "End a current assignment (kept as history)")
  @PostMapping(path = "/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  AssignmentService.AssignmentView end(@PathVariable long id, @RequestBody EndRequest request) {
    return assignments.end(id, request.endsOn(), request.reason());
  }

  @Operation(
      summary = "Assignments in your territory, newest first",
      description = "Current ones unless history=true; at most limit (default 500).")
  @GetMapping
  List<AssignmentService.AssignmentView> list(
      @RequestParam(required = false) Long officerId,
      @RequestParam(required = false) String gridCode,
      @Parameter(description = "division code prefix of the grid") @RequestParam(required = false)
          String division,
      @RequestParam(defaultValue = "false") boolean history,
      @RequestParam(defaultValue = "500") int limit) {
    return assignments.list(officerId, gridCode, division, history, limit);
  }

  @Operation(
      summary = "Grids without an active officer",
      description =
          "In the division (default your territory), with counts per district and street.")
  @GetMapping("/gaps")
  AssignmentService.Gaps gaps(@RequestParam(required = false) String division) {
    return assignments.gaps(division);
  }
}
