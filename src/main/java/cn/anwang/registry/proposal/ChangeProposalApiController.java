package cn.anwang.registry.proposal;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/objects/{id}/change-proposals} (officers; {@code Idempotency-Key} optional),
 * {@code GET /api/v1/object-change-proposals?status=}, and {@code POST .../{id}/confirm} or {@code
 * /reject} (the street's administrators).
 */
@RestController
class ChangeProposalApiController {

  record Decision(String reason) {}

  private final ChangeProposals proposals;

  ChangeProposalApiController(ChangeProposals proposals) {
    this.proposals = proposals;
  }

  @PostMapping("/api/v1/objects/{objectId}/change-proposals")
  ResponseEntity<Map<String, Object>> propose(
      @PathVariable long objectId,
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestBody ChangeProposals.Proposal body) {
    ChangeProposals.Made m = proposals.propose(objectId, body, key);
    return ResponseEntity.status(m.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("id", m.view().id(), "status", m.view().status()));
  }

  @GetMapping("/api/v1/object-change-proposals")
  Map<String, Object> list(@RequestParam(required = false) String status) {
    return Map.of("items", proposals.list(status));
  }

  @PostMapping("/api/v1/object-change-proposals/{id}/confirm")
  ChangeProposals.View confirm(@PathVariable long id) {
    return proposals.decide(id, true, null);
  }

  @PostMapping("/api/v1/object-change-proposals/{id}/reject")
  ChangeProposals.View reject(@PathVariable long id, @RequestBody(required = false) Decision body) {
    return proposals.decide(id, false, body == null ? null : body.reason());
  }
}
