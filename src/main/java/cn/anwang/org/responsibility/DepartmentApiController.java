package cn.anwang.org.responsibility;

import cn.anwang.org.Department;
import cn.anwang.org.responsibility.OrgCommands.DepartmentDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Departments with safety-supervision duty over HTTP; the rules are in {@link DepartmentService}.
 */
@RestController
@RequestMapping(path = "/api/v1/departments", produces = MediaType.APPLICATION_JSON_VALUE)
class DepartmentApiController {

  private final DepartmentService departments;

  DepartmentApiController(DepartmentService departments) {
    this.departments = departments;
  }

  @Operation(
      summary = "The departments the caller sees",
      description =
          "City level sees all; everyone else the city-level departments and those of their own"
              + " district. City-level first, then by code.")
  @GetMapping
  List<Department> list() {
    return departments.list();
  }

  @Operation(summary = "A department; 404 outside the caller's district")
  @GetMapping("/{code}")
  Department get(@PathVariable String code) {
    return departments.get(code);
  }

  @Operation(
      summary = "Create a department",
      description =
          "The code becomes <districtCode or 12>-<key>. City administrator: anywhere; district"
              + " administrator: their district (403 for city level, 404 for another district)."
              + " 400 with a field list when a duty is unknown, 409 when the code exists.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Department> create(@Valid @RequestBody DepartmentDraft draft) {
    Department created = departments.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/departments/" + created.code()))
        .body(created);
  }

  @Operation(
      summary = "Change a department's name, duties and fallback flag",
      description =
          "Key and district cannot change (send them unchanged or leave them out). Send the"
              + " version you read to get 409 instead of overwriting someone else's change.")
  @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Department update(@PathVariable String code, @Valid @RequestBody DepartmentDraft draft) {
    return departments.update(code, draft);
  }

  @Operation(summary = "Deactivate a department: rules no longer resolve to it; history stays")
  @PostMapping("/{code}/deactivate")
  Department deactivate(
      @PathVariable String code,
      @Parameter(description = "the version read; 409 when stale") @RequestParam(required = false)
          Integer version) {
    return departments.setActive(code, false, version);
  }

  @Operation(summary = "Activate a department again")
  @PostMapping("/{code}/activate")
  Department activate(@PathVariable String code, @RequestParam(required = false) Integer version) {
    return departments.setActive(code, true, version);
  }
}
