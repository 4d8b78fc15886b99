package cn.anwang.workforce.staffing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
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

/** Staffing norms, compliance, workload and rebalancing over HTTP. */
@RestController
@RequestMapping(path = "/api/v1/staffing", produces = MediaType.APPLICATION_JSON_VALUE)
class StaffingApiController {

  private final StaffingNorms norms;
  private final Compliance compliance;
  private final Workloads workloads;
  private final WorkloadSettings settings;
  private final Rebalancing rebalancing;

  StaffingApiController(
      StaffingNorms norms,
      Compliance compliance,
      Workloads workloads,
      WorkloadSettings settings,
      Rebalancing rebalancing) {
    this.norms = norms;
    this.compliance = compliance;
    this.workloads = workloads;
    this.settings = settings;
    this.rebalancing = rebalancing;
  }

  @Operation(
      summary = "Staffing compliance per street, district and for the division",
      description =
          "Per street/town/park: active STREET-tier officers against the norm of its district's"
              + " category (BELOW/WITHIN/ABOVE, shortfall = min − officers when below), heavily"
              + " loaded villages without an active village officer, grids without an active"
              + " officer; rolled up per district and for the division. division: '12', a"
              + " district or a street (default: the caller's territory); 404 outside it.")
  @GetMapping
  Compliance.Report compliance(@RequestParam(required = false) String division) {
    return compliance.report(division);
  }

  @Operation(summary = "The norms per category and every district's category")
  @GetMapping("/norms")
  StaffingNorms.View norms() {
    return norms.view();
  }

  @Operation(
      summary = "Change a category's figures (city administrator)",
      description =
          "min ≥ 0, max ≥ min, thresholds > 0 (422 naming the field); send the version read to"
              + " get 409 instead of overwriting a change.")
  @PutMapping(path = "/norms/{category}", consumes = MediaType.APPLICATION_JSON_VALUE)
  StaffingNorms.Norm updateNorm(
      @PathVariable String category, @RequestBody StaffingNorms.NormDraft draft) {
    return norms.update(category, draft);
  }

  @Operation(summary = "Put a district in a category (city administrator)")
  @PutMapping(path = "/norms/districts/{district}", consumes = MediaType.APPLICATION_JSON_VALUE)
  StaffingNorms.DistrictCategory setCategory(
      @PathVariable String district, @RequestBody StaffingNorms.CategoryDraft draft) {
    return norms.setCategory(district, draft);
  }

  @Operation(
      summary = "Officers' risk-weighted workload",
      description =
          "Each active officer's load (Σ weight × count over their current grids, a shared grid"
              + " split equally), flagged OVER/UNDER/OK against their street's mean; summaries per"
              + " street and district; a 10-bucket histogram. Officers are listed for a district or"
              + " street, at city level only with officers=true.")
  @GetMapping("/workload")
  Workloads.Report workload(
      @RequestParam(required = false) String division,
      @RequestParam(defaultValue = "false") boolean officers) {
    return workloads.report(division, officers);
  }

  @Operation(summary = "The workload setting in force for '12' or a district (inherited or own)")
  @GetMapping("/workload-settings/{scope}")
  WorkloadSettings.Setting setting(@PathVariable String scope) {
    return settings.get(scope);
  }

  @Operation(
      summary = "Set the workload weights and band of '12' (city admin) or a district",
      description =
          "weights 0–9999, overRatio in (1, 10], underRatio in (0, 1); version of the scope's own"
              + " row (0 when it has none yet), 409 when stale.")
  @PutMapping(path = "/workload-settings/{scope}", consumes = MediaType.APPLICATION_JSON_VALUE)
  WorkloadSettings.Setting updateSetting(
      @PathVariable String scope, @RequestBody WorkloadSettings.SettingDraft draft) {
    return settings.update(scope, draft);
  }

  @Operation(
      summary = "Compute and store a rebalancing proposal for a street",
      description =
          "Moves whole grids from more to less loaded active officers of the street who may hold"
              + " them (village rule, qualification); spread = max − min load.")
  @PostMapping("/rebalance")
  ResponseEntity<Rebalancing.Proposal> propose(@RequestParam String street) {
    Rebalancing.Proposal p = rebalancing.propose(street);
    return ResponseEntity.created(URI.create("/api/v1/staffing/rebalance/" + p.id())).body(p);
  }

  @Operation(summary = "A street's proposals, newest first")
  @GetMapping("/rebalance")
  java.util.List<Rebalancing.Proposal> history(@RequestParam String street) {
    return rebalancing.history(street);
  }

  @Operation(summary = "A proposal with every officer's load before and after")
  @GetMapping("/rebalance/{id}")
  Rebalancing.Proposal proposal(@PathVariable long id) {
    return rebalancing.get(id);
  }

  @Operation(
      summary = "Apply a proposal",
      description =
          "409 when the version is stale, the proposal was decided, or the street's assignments"
              + " changed since it was computed (it becomes STALE).")
  @PostMapping("/rebalance/{id}/apply")
  Rebalancing.Proposal apply(
      @PathVariable long id,
      @Parameter(description = "the version read; 409 when stale") @RequestParam(required = false)
          Integer version) {
    return rebalancing.apply(id, version);
  }

  @Operation(summary = "Discard a proposal (kept in the history)")
  @PostMapping("/rebalance/{id}/discard")
  Rebalancing.Proposal discard(
      @PathVariable long id, @RequestParam(required = false) Integer version) {
    return rebalancing.discard(id, version);
  }
}
