package cn.anwang.org.responsibility;

import cn.anwang.org.responsibility.OrgCommands.ProposedChange;
import cn.anwang.org.responsibility.OrgCommands.RuleDraft;
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

/** Responsibility rules over HTTP; the rules about rules are in {@link RuleService}. */
@RestController
@RequestMapping(path = "/api/v1/responsibility-rules", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleApiController {

  private final RuleService rules;

  RuleApiController(RuleService rules) {
    this.rules = rules;
  }

  @Operation(
      summary = "The rules the caller sees, in evaluation order",
      description =
          "City-wide rules and those of the caller's district (all from city level), by priority"
              + " (lower first), district rules before city-wide ones of equal priority.")
  @GetMapping
  List<ResponsibilityRule> list() {
    return rules.list();
  }

  @Operation(summary = "A rule; 404 outside the caller's district")
  @GetMapping("/{id}")
  ResponsibilityRule get(@PathVariable long id) {
    return rules.get(id);
  }

  @Operation(
      summary = "Create a rule",
      description =
          "Conditions: industryPrefixes (GB/T 4754 section letters A–T or 2–4 digit prefixes),"
              + " hazards (HazardFeature names), kinds (ObjectKind names); any of each, all"
              + " non-empty ones together. departmentKey names the department in the object's"
              + " district, else at city level. districtCode null for city-wide (city"
              + " administrator only). 400 with a field list for unknown values.")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ResponsibilityRule> create(@Valid @RequestBody RuleDraft draft) {
    ResponsibilityRule created = rules.create(draft);
    return ResponseEntity.created(URI.create("/api/v1/responsibility-rules/" + created.id()))
        .body(created);
  }

  @Operation(
      summary = "Replace a rule's conditions, target, priority and note",
      description = "Send the version you read to get 409 instead of overwriting a change.")
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponsibilityRule update(@PathVariable long id, @Valid @RequestBody RuleDraft draft) {
    return rules.update(id, draft);
  }

  @Operation(summary = "Deactivate a rule (kept for history)")
  @PostMapping("/{id}/deactivate")
  ResponsibilityRule deactivate(
      @PathVariable long id,
      @Parameter(description = "the version read; 409 when stale") @RequestParam(required = false)
          Integer version) {
    return rules.setActive(id, false, version);
  }

  @Operation(summary = "Activate a rule again")
  @PostMapping("/{id}/activate")
  ResponsibilityRule activate(
      @PathVariable long id, @RequestParam(required = false) Integer version) {
    return rules.setActive(id, true, version);
  }

  @Operation(
      summary = "Preview a rule change without saving it",
      description =
          "How many registered objects in the caller's territory (or the rule's district) would"
              + " gain or lose which departments, with sample object ids. registryAvailable is"
              + " false while no objects can be registered yet (nothing checked).")
  @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  RulePreview.Result preview(@Valid @RequestBody ProposedChange change) {
    return rules.preview(change);
  }

  @Operation(
      summary = "Which departments are responsible for an object like this, and why",
      description =
          "noRuleMatched is true when no rule named a department and the district's fallback"
              + " department was used.")
  @GetMapping("/evaluate")
  RuleService.Evaluated evaluate(
      @Parameter(description = "6-digit district code", example = "120101") @RequestParam
          String district,
      @Parameter(description = "ObjectKind name", example = "ENTERPRISE") @RequestParam String kind,
      @Parameter(description = "GB/T 4754 code", example = "2614") @RequestParam(required = false)
          String industry,
      @Parameter(description = "HazardFeature names, repeated or comma-separated")
          @RequestParam(required = false)
          List<String> hazards) {
    return rules.evaluate(district, kind, industry, hazards);
  }
}
