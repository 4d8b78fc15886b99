package cn.anwang.casework.cases;

import cn.anwang.casework.calendar.HolidayCalendar;
import cn.anwang.identity.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases}: report (idempotent with {@code Idempotency-Key}), list, read with the
 * timeline, and one endpoint per action of the loop. An action not allowed from the case's status
 * answers 409 with {@code status}, {@code action} and {@code allowedFrom}; a stale {@code version}
 * 409 with {@code currentVersion}; an action the caller may not take on a case they see, 403.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The closed loop of hazards and illegal activity")
class CaseApiController {

  /** The body of every action; each action reads the fields it needs. */
  record ActionRequest(
      Integer version,
      String reason,
      HandlerType handlerType,
      String handlerCode,
      Integer days,
      Boolean approve,
      Boolean passed,
      Double lon,
      Double lat,
      Map<String, Object> plan,
      List<Long> attachmentIds) {

    CaseCommands.Act command() {
      return new CaseCommands.Act(
          version, reason, handlerType, handlerCode, days, approve, passed, lon, lat, plan);
    }
  }

  record PageView(List<CaseView> items, long total, int page, int size) {}

  private final CaseService cases;
  private final CaseQuery query;
  private final CurrentActor currentActor;
  private final HolidayCalendar calendar;
  private final CaseFacade facade;

  CaseApiController(
      CaseService cases,
      CaseQuery query,
      CurrentActor currentActor,
      HolidayCalendar calendar,
      CaseFacade facade) {
    this.facade = facade;
    this.cases = cases;
    this.query = query;
    this.currentActor = currentActor;
    this.calendar = calendar;
  }

  @PostMapping
  @Operation(
      summary = "Report a case",
      description =
          "201 with the new case; a retry with the same Idempotency-Key (per user) answers 200 with"
              + " the case the first call made, never a second case.")
  ResponseEntity<CaseView> report(
      @RequestBody CaseCommands.Report body,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
      throw new CaseRejected("Idempotency-Key", "casework.rule.idempotencyKey", "1–100");
    }
    CaseService.Reported reported = cases.report(body, idempotencyKey);
    CaseView view = view(reported.safetyCase(), false);
    return ResponseEntity.status(reported.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .header("Location", "/api/v1/cases/" + view.id())
        .body(view);
  }

  @GetMapping
  @Operation(summary = "Cases in the caller's scope, newest first")
  PageView list(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) String division,
      @RequestParam(required = false) HandlerType handlerType,
      @RequestParam(required = false) String handlerCode,
      @RequestParam(required = false) Boolean open,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > 100) {
      throw new CaseRejected("size", "casework.rule.paging", "page ≥ 0, 1 ≤ size ≤ 100");
    }
    CaseQuery.Page result =
        query.list(
            currentActor.require(),
            new CaseQuery.Filter(
                status, type, division, handlerType, handlerCode, open, page, size));
    Instant now = Instant.now();
    return new PageView(
        result.items().stream()
            .map(c -> CaseView.of(c, calendar.current(), now, Map.of(), List.of()))
            .toList(),
        result.total(),
        result.page(),
        result.size());
  }

  @GetMapping("/{id}")
  @Operation(summary = "A case with its whole timeline")
  CaseView get(@PathVariable long id) {
    return view(cases.get(id), true);
  }

  @PostMapping("/{id}/register")
  CaseView register(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
    return act(id, CaseAction.REGISTER, body);
  }

  @PostMapping("/{id}/void")
  CaseView voidCase(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.VOID, body);
  }

  @PostMapping("/{id}/dispatch")
  @Operation(
      summary = "Dispatch to a department or street",
      description = "Without handlerType/handlerCode the suggested handler is used.")
  CaseView dispatch(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
    return act(id, CaseAction.DISPATCH, body);
  }

  @PostMapping("/{id}/return")
  @Operation(summary = "The handler returns it as not theirs (counted as a wrong dispatch)")
  CaseView returnCase(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.RETURN, body);
  }

  @PostMapping("/{id}/accept")
  CaseView accept(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
    return act(id, CaseAction.ACCEPT, body);
  }

  @PostMapping("/{id}/evidence")
  CaseView evidence(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.EVIDENCE, body);
  }

  @PostMapping("/{id}/plan")
  @Operation(summary = "A major hazard's rectification plan (all seven parts required)")
  CaseView plan(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.PLAN, body);
  }

  @PostMapping("/{id}/feedback")
  CaseView feedback(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.FEEDBACK, body);
  }

  @PostMapping("/{id}/reinspection")
  @Operation(
      summary = "The on-site re-inspection",
      description =
          "passed=true: re-inspected, to be closed; passed=false: rework. lon/lat required.")
  CaseView reinspection(@PathVariable long id, @RequestBody ActionRequest body) {
    boolean passed = body != null && Boolean.TRUE.equals(body.passed());
    if (body == null || body.passed() == null) {
      throw new CaseRejected("passed", "casework.rule.required", null);
    }
    return act(id, passed ? CaseAction.REINSPECT_PASS : CaseAction.REWORK, body);
  }

  @PostMapping("/{id}/acceptance")
  @Operation(summary = "A major hazard's acceptance (验收) after the re-inspection")
  CaseView acceptance(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.ACCEPTANCE, body);
  }

  @PostMapping("/{id}/close")
  CaseView close(@PathVariable long id, @RequestBody(required = false) ActionRequest body) {
    return act(id, CaseAction.CLOSE, body);
  }

  @PostMapping("/{id}/extension-request")
  CaseView requestExtension(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.REQUEST_EXTENSION, body);
  }

  @PostMapping("/{id}/extension-decision")
  CaseView decideExtension(@PathVariable long id, @RequestBody ActionRequest body) {
    if (body == null || body.approve() == null) {
      throw new CaseRejected("approve", "casework.rule.required", null);
    }
    return act(
        id, body.approve() ? CaseAction.APPROVE_EXTENSION : CaseAction.REFUSE_EXTENSION, body);
  }

  @PostMapping("/{id}/supervise")
  CaseView supervise(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.SUPERVISE, body);
  }

  @PostMapping("/{id}/stop-order")
  CaseView stopOrder(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.STOP_ORDER, body);
  }

  @PostMapping("/{id}/penalty")
  CaseView penalty(@PathVariable long id, @RequestBody ActionRequest body) {
    return act(id, CaseAction.PENALTY, body);
  }

  private CaseView act(long id, CaseAction action, ActionRequest body) {
    CaseCommands.Act cmd = body == null ? CaseCommands.Act.of(null, null) : body.command();
    // one transaction: the action, attachments uploaded first (POST /api/v1/cases/{id}/attachments)
    // linked to its timeline line, and the answer's timeline
    return facade.act(id, action, cmd, body == null ? null : body.attachmentIds());
  }

  private CaseView view(SafetyCase c, boolean withTimeline) {
    Map<String, String> suggested =
        c.status == CaseStatus.REGISTERED ? cases.suggestedHandler(c) : Map.of();
    return CaseView.of(
        c,
        calendar.current(),
        Instant.now(),
        suggested,
        withTimeline ? cases.timelineOf(c) : List.of());
  }
}
