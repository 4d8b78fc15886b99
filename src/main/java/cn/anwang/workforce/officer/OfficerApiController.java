package cn.anwang.workforce.officer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Grid officers over HTTP, scoped by {@link WorkforcePolicy}. */
@RestController
@RequestMapping(path = "/api/v1/officers", produces = MediaType.APPLICATION_JSON_VALUE)
class OfficerApiController {

  private final OfficerService officers;

  OfficerApiController(OfficerService officers) {
    this.officers = officers;
  }

  @Operation(
      summary = "Officers in your territory, a page at a time",
      description =
          "Phones are masked in lists. division is a street or village code prefix; q is text in"
              + " the name. Grid officers see only their own record.")
  @GetMapping
  OfficerService.OfficerPage list(
      @Parameter(description = "street or village code prefix") @RequestParam(required = false)
          String division,
      @RequestParam(required = false) Tier tier,
      @RequestParam(required = false) OfficerStatus status,
      @RequestParam(required = false) Employment employment,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return officers.list(
        new OfficerService.OfficerQuery(division, tier, status, employment, q), page, size);
  }

  @Operation(
      summary = "An officer",
      description =
          "The phone in full for administrators of the officer's territory (each such read is"
              + " audited as officer.phone.read), masked for everyone else; the ID number only as"
              + " ****1234.")
  @GetMapping("/{id}")
  OfficerView get(@PathVariable long id) {
    return officers.get(id, true);
  }

  @Operation(summary = "Your own officer record (grid officers with a linked account)")
  @GetMapping("/me")
  OfficerView me() {
    return officers.me();
  }

  @Operation(
      summary = "Register an officer (status CANDIDATE until the first grid)",
      description =
          "422 problem naming the field when a rule is broken (division unknown, outside your"
              + " territory or of the wrong level for the tier; phone; ID number check digit or"
              + " birth date; linked user missing, of the wrong role or linked already); 409 when"
              + " another officer has the ID number (existingId when you may see them).")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OfficerView> create(@RequestBody OfficerInput input) {
    OfficerView created = officers.create(input);
    return ResponseEntity.created(URI.create("/api/v1/officers/" + created.id())).body(created);
  }

  @Operation(
      summary = "Change an officer's fields",
      description =
          "Only the fields sent change; version (the one you read) is required, 409 when stale."
              + " userId 0 unlinks the account. Status changes have their own endpoints.")
  @PatchMapping(
      path = "/{id}",
      consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
  OfficerView update(@PathVariable long id, @RequestBody OfficerInput changes) {
    return officers.update(id, changes);
  }

  /**
   * A status change's reason.
   *
   * @param on the day current assignments end (default today)
   * @param version the version read (optional; 409 when stale)
   */
  record StatusRequest(String reason, LocalDate on, Integer version) {}

  @Operation(summary = "Suspend an officer, ending every current assignment with the reason")
  @PostMapping(path = "/{id}/suspend", consumes = MediaType.APPLICATION_JSON_VALUE)
  OfficerView suspend(@PathVariable long id, @RequestBody StatusRequest request) {
    return change(id, OfficerService.StatusChange.SUSPEND, request);
  }

  @Operation(summary = "Record that an officer left, ending every current assignment")
  @PostMapping(path = "/{id}/leave", consumes = MediaType.APPLICATION_JSON_VALUE)
  OfficerView leave(@PathVariable long id, @RequestBody StatusRequest request) {
    return change(id, OfficerService.StatusChange.LEAVE, request);
  }

  @Operation(
      summary = "Reactivate a suspended officer",
      description =
          "The officer becomes a CANDIDATE again and ACTIVE only with a new assignment, which"
              + " checks every rule (train before post included).")
  @PostMapping(path = "/{id}/reactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
  OfficerView reactivate(@PathVariable long id, @RequestBody StatusRequest request) {
    return change(id, OfficerService.StatusChange.REACTIVATE, request);
  }

  private OfficerView change(long id, OfficerService.StatusChange change, StatusRequest request) {
    return officers.changeStatus(id, change, request.reason(), request.version(), request.on());
  }
}
