package cn.anwang.casework.cases;

import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case and its state machine. Each transition checks that it is allowed from the current status
 * and the rules of the loop, changes the state, restarts the clock of the stage it enters (a
 * deadline in working days on the holiday calendar) and returns the {@link Change} that becomes a
 * line of the timeline. Who may do what is the service's concern ({@link CasePolicy}); this class
 * knows only what may happen.
 */
public final class SafetyCase {

  /** The parts a major hazard's rectification plan (治理方案) must have. */
  public static final List<String> PLAN_PARTS =
      List.of(
          "goals", "measures", "funds", "people", "deadline", "safetyMeasures", "emergencyPlan");

  /** What a transition did: the timeline line to write. */
  public record Change(
      CaseAction action, CaseStatus from, CaseStatus to, String reason, Map<String, Object> data) {}

  // identity and facts (set at report)
  Long id;
  String number;
  String districtCode;
  String streetCode;
  String villageCode;
  String divisionCode;
  String gridCode;
  CaseType type;
  CaseSource source;
  Long objectId;
  String title;
  String description;
  String address;
  Double lon;
  Double lat;
  Long reporterUserId;
  String reporterName;
  String idempotencyKey;
  boolean synthetic;

  // state
  CaseStatus status;
  HandlerType handlerType;
  String handlerCode;
  Stage stage;
  Instant stageStartedAt;
  Instant stageDueAt;
  Instant dueAt;
  Instant reportedAt;
  Instant registeredAt;
  Instant firstDispatchedAt;
  Instant feedbackAt;
  Instant closedAt;
  Instant voidedAt;
  Boolean closedOnTime;

  /** working time from registration to closing, set when closed */
  Long handlingWorkingSeconds;

  int reworkCount;
  int wrongDispatchCount;
  int extensionCount;
  Integer extensionRequestedDays;
  String extensionReason;
  String supervisionLevel;
  Instant supervisionDueAt;
  Map<String, Object> plan;
  Instant acceptedAt;
  String acceptedBy;
  Instant stopOrderAt;
  String penaltyDecision;
  int version;

  SafetyCase() {}

  /** A new case as reported at {@code now}: its clock for registration starts. */
  static SafetyCase reported(
      CaseType type,
      CaseSource source,
      Instant now,
      WorkingCalendar calendar,
      DeadlineRules rules) {
    SafetyCase c = new SafetyCase();
    c.type = type;
    c.source = source;
    c.status = CaseStatus.REPORTED;
    c.reportedAt = now;
    c.enterStage(Stage.REGISTER, now, calendar, rules);
    return c;
  }

  // ------------------------------------------------------------------ transitions

  Change register(Instant now, WorkingCalendar calendar, DeadlineRules rules) {
    CaseStatus from = guard(CaseAction.REGISTER);
    status = CaseStatus.REGISTERED;
    registeredAt = now;
    enterStage(Stage.DISPATCH, now, calendar, rules);
    return change(CaseAction.REGISTER, from, null, Map.of());
  }

  Change voidCase(String reason, Instant now) {
    CaseStatus from = guard(CaseAction.VOID);
    requireReason(CaseAction.VOID, reason);
    status = CaseStatus.VOIDED;
    voidedAt = now;
    stopClock();
    return change(CaseAction.VOID, from, reason, Map.of());
  }

  Change dispatch(
      HandlerType handler,
      String handlerCode,
      String reason,
      Instant now,
      WorkingCalendar calendar,
      DeadlineRules rules) {
    CaseStatus from = guard(CaseAction.DISPATCH);
    this.status = CaseStatus.DISPATCHED;
    this.handlerType = handler;
    this.handlerCode = handlerCode;
    if (firstDispatchedAt == null) {
      firstDispatchedAt = now;
    }
    enterStage(Stage.RECTIFY, now, calendar, rules);
    dueAt = stageDueAt;
    return change(
        CaseAction.DISPATCH,
        from,
        reason,
        Map.of(
            "handlerType", handler.name(), "handlerCode", handlerCode, "dueAt", dueAt.toString()));
  }

  Change returnCase(String reason, Instant now, WorkingCalendar calendar, DeadlineRules rules) {
    CaseStatus from = guard(CaseAction.RETURN);
    requireReason(CaseAction.RETURN, reason);
    Map<String, Object> data =
        Map.of("handlerType", handlerType.name(), "handlerCode", handlerCode);
    status = CaseStatus.REGISTERED;
    wrongDispatchCount++;
    handlerType = null;
    handlerCode = null;
    dueAt = null;
    enterStage(Stage.DISPATCH, now, calendar, rules);
    return change(CaseAction.RETURN, from, reason, data);
  }

  Change accept() {
    CaseStatus from = guard(CaseAction.ACCEPT);
    status = CaseStatus.RECTIFYING;
    return change(CaseAction.ACCEPT, from, null, Map.of());
  }

  Change evidence(String note) {
    CaseStatus from = guard(CaseAction.EVIDENCE);
    return change(CaseAction.EVIDENCE, from, note, Map.of());
  }

  Change plan(Map<String, Object> plan) {
    CaseStatus from = guard(CaseAction.PLAN);
    if (type != CaseType.MAJOR_HAZARD) {
      throw new TransitionNotAllowed(CaseAction.PLAN, status, "casework.rule.planOnlyMajor");
    }
    List<String> missing =
        PLAN_PARTS.stream().filter(p -> plan == null || blank(plan.get(p))).toList();
    if (!missing.isEmpty()) {
      throw new CaseRejected("plan", "casework.rule.planIncomplete", String.join(", ", missing));
    }
    this.plan = new LinkedHashMap<>(plan);
    return change(CaseAction.PLAN, from, null, Map.of("plan", this.plan));
  }

  Change feedback(String text, Instant now, WorkingCalendar calendar, DeadlineRules rules) {
    CaseStatus from = guard(CaseAction.FEEDBACK);
    requireReason(CaseAction.FEEDBACK, text);
    if (type == CaseType.MAJOR_HAZARD && plan == null) {
      throw new TransitionNotAllowed(CaseAction.FEEDBACK, status, "casework.rule.planRequired");
    }
    status = CaseStatus.FEEDBACK_SUBMITTED;
    feedbackAt = now;
    enterStage(Stage.REINSPECT, now, calendar, rules);
    return change(CaseAction.FEEDBACK, from, text, Map.of());
  }

  /**
   * The on-site re-inspection: passed → re-inspected (to be closed); failed → rework, back to the
   * handler with a new rectification clock (the 应结案 deadline stays).
   */
  Change reinspect(
      boolean passed,
      String note,
      Map<String, Object> position,
      Instant now,
      WorkingCalendar calendar,
      DeadlineRules rules) {
    CaseAction action = passed ? CaseAction.REINSPECT_PASS : CaseAction.REWORK;
    CaseStatus from = guard(action);
    // the re-inspection stage's deadline met or not, for the re-inspection timeliness indicator
    Map<String, Object> data = new LinkedHashMap<>(position == null ? Map.of() : position);
    if (stageDueAt != null) {
      data.put("onTime", !now.isAfter(stageDueAt));
    }
    if (!passed) {
      requireReason(action, note);
      status = CaseStatus.RECTIFYING;
      reworkCount++;
      enterStage(Stage.RECTIFY, now, calendar, rules);
    } else {
      status = CaseStatus.REINSPECTED;
      enterStage(Stage.CLOSE, now, calendar, rules);
    }
    return change(action, from, note, data);
  }

  Change acceptance(String note, String by, Instant now) {
    CaseStatus from = guard(CaseAction.ACCEPTANCE);
    if (type != CaseType.MAJOR_HAZARD) {
      throw new TransitionNotAllowed(
          CaseAction.ACCEPTANCE, status, "casework.rule.acceptanceOnlyMajor");
    }
    acceptedAt = now;
    acceptedBy = by;
    return change(CaseAction.ACCEPTANCE, from, note, Map.of());
  }

  Change close(String note, Instant now, WorkingCalendar calendar) {
    CaseStatus from = guard(CaseAction.CLOSE);
    if (type == CaseType.MAJOR_HAZARD) {
      if (supervisionLevel == null) {
        throw new TransitionNotAllowed(
            CaseAction.CLOSE, status, "casework.rule.majorNeedsSupervision");
      }
      if (acceptedAt == null) {
        throw new TransitionNotAllowed(
            CaseAction.CLOSE, status, "casework.rule.majorNeedsAcceptance");
      }
    }
    status = CaseStatus.CLOSED;
    closedAt = now;
    closedOnTime = dueAt == null || !now.isAfter(dueAt);
    Instant start = registeredAt != null ? registeredAt : reportedAt;
    handlingWorkingSeconds = calendar.workingTimeBetween(start, now).toSeconds();
    stopClock();
    return change(CaseAction.CLOSE, from, note, Map.of("onTime", closedOnTime));
  }

  Change requestExtension(int days, String reason) {
    CaseStatus from = guard(CaseAction.REQUEST_EXTENSION);
    requireReason(CaseAction.REQUEST_EXTENSION, reason);
    if (days < 1 || days > 365) {
      throw new CaseRejected("days", "casework.rule.extensionDays", "1–365");
    }
    if (extensionRequestedDays != null) {
      throw new TransitionNotAllowed(
          CaseAction.REQUEST_EXTENSION, status, "casework.rule.extensionPending");
    }
    extensionRequestedDays = days;
    extensionReason = reason;
    return change(CaseAction.REQUEST_EXTENSION, from, reason, Map.of("days", days));
  }

  Change decideExtension(boolean approve, String reason, WorkingCalendar calendar) {
    CaseAction action = approve ? CaseAction.APPROVE_EXTENSION : CaseAction.REFUSE_EXTENSION;
    CaseStatus from = guard(action);
    if (extensionRequestedDays == null) {
      throw new TransitionNotAllowed(action, status, "casework.rule.noExtensionPending");
    }
    int days = extensionRequestedDays;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("days", days);
    if (approve) {
      // the last working day before the deadline, plus the days granted
      dueAt = calendar.deadline(dueAt.minusSeconds(1), days);
      if (stage == Stage.RECTIFY) {
        stageDueAt = dueAt;
      }
      extensionCount++;
      data.put("dueAt", dueAt.toString());
    }
    extensionRequestedDays = null;
    extensionReason = null;
    return change(action, from, reason, data);
  }

  Change supervise(String level, int days, String reason, Instant now, WorkingCalendar calendar) {
    CaseStatus from = guard(CaseAction.SUPERVISE);
    requireReason(CaseAction.SUPERVISE, reason);
    if ("DISTRICT".equals(supervisionLevel) && "DISTRICT".equals(level)
        || "CITY".equals(supervisionLevel)) {
      throw new TransitionNotAllowed(
          CaseAction.SUPERVISE, status, "casework.rule.alreadySupervised");
    }
    supervisionLevel = level;
    supervisionDueAt = calendar.deadline(now, days);
    return change(
        CaseAction.SUPERVISE,
        from,
        reason,
        Map.of("level", level, "days", days, "dueAt", supervisionDueAt.toString()));
  }

  Change stopOrder(String note, Instant now) {
    CaseStatus from = guard(CaseAction.STOP_ORDER);
    if (type != CaseType.ILLEGAL_OPERATION) {
      throw new TransitionNotAllowed(CaseAction.STOP_ORDER, status, "casework.rule.onlyIllegal");
    }
    stopOrderAt = now;
    return change(CaseAction.STOP_ORDER, from, note, Map.of());
  }

  Change penalty(String decision) {
    CaseStatus from = guard(CaseAction.PENALTY);
    if (type != CaseType.ILLEGAL_OPERATION) {
      throw new TransitionNotAllowed(CaseAction.PENALTY, status, "casework.rule.onlyIllegal");
    }
    requireReason(CaseAction.PENALTY, decision);
    penaltyDecision = decision;
    return change(CaseAction.PENALTY, from, decision, Map.of());
  }

  /**
   * Escalation to the level above after the stage is overdue (the reminder scheduler's): a line of
   * the timeline, no change of status.
   */
  Change escalate(String level, int overdueWorkingDays) {
    CaseStatus from = guard(CaseAction.ESCALATE);
    return change(
        CaseAction.ESCALATE,
        from,
        null,
        Map.of("level", level, "overdueWorkingDays", overdueWorkingDays, "stage", stage.name()));
  }

  // ------------------------------------------------------------------ helpers

  private CaseStatus guard(CaseAction action) {
    if (!action.allowedFrom(status)) {
      throw new TransitionNotAllowed(action, status, null);
    }
    return status;
  }

  private Change change(
      CaseAction action, CaseStatus from, String reason, Map<String, Object> data) {
    return new Change(action, from, status, reason, data);
  }

  private void enterStage(Stage next, Instant now, WorkingCalendar calendar, DeadlineRules rules) {
    stage = next;
    stageStartedAt = now;
    stageDueAt = calendar.deadline(now, rules.workingDays(type, next));
  }

  private void stopClock() {
    stage = null;
    stageStartedAt = null;
    stageDueAt = null;
  }

  private static void requireReason(CaseAction action, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new CaseRejected("reason", "casework.rule.reasonRequired", action.name());
    }
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }

  // ------------------------------------------------------------------ reading

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public CaseStatus status() {
    return status;
  }

  public CaseType type() {
    return type;
  }

  public String divisionCode() {
    return divisionCode;
  }

  public String districtCode() {
    return districtCode;
  }

  public HandlerType handlerType() {
    return handlerType;
  }

  public String handlerCode() {
    return handlerCode;
  }

  public Stage stage() {
    return stage;
  }

  public Instant stageDueAt() {
    return stageDueAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public int reworkCount() {
    return reworkCount;
  }

  public int wrongDispatchCount() {
    return wrongDispatchCount;
  }

  public int extensionCount() {
    return extensionCount;
  }

  public int version() {
    return version;
  }
}
