package cn.anwang.casework.cases;

import java.util.EnumSet;

/**
 * Everything that can happen to a case, with the statuses it is allowed from. Each one is a line of
 * the timeline.
 */
public enum CaseAction {
  REPORT(EnumSet.noneOf(CaseStatus.class)),
  REGISTER(EnumSet.of(CaseStatus.REPORTED)),
  VOID(EnumSet.of(CaseStatus.REPORTED)),
  DISPATCH(EnumSet.of(CaseStatus.REGISTERED)),
  /** the handler says "not ours" (退回): back to registered, counted as a wrong dispatch */
  RETURN(EnumSet.of(CaseStatus.DISPATCHED)),
  /** the handler takes it on: rectification starts */
  ACCEPT(EnumSet.of(CaseStatus.DISPATCHED)),
  /** evidence of rectification (photos, documents), e.g. uploaded by the enterprise */
  EVIDENCE(EnumSet.of(CaseStatus.RECTIFYING)),
  /** major hazards: the rectification plan (治理方案) */
  PLAN(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RECTIFYING)),
  FEEDBACK(EnumSet.of(CaseStatus.RECTIFYING)),
  /** the on-site re-inspection (复查) passed */
  REINSPECT_PASS(EnumSet.of(CaseStatus.FEEDBACK_SUBMITTED)),
  /** the re-inspection failed: rework (返工), back to the handler */
  REWORK(EnumSet.of(CaseStatus.FEEDBACK_SUBMITTED)),
  /** major hazards: acceptance (验收) after the re-inspection */
  ACCEPTANCE(EnumSet.of(CaseStatus.REINSPECTED)),
  CLOSE(EnumSet.of(CaseStatus.REINSPECTED)),
  REQUEST_EXTENSION(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RECTIFYING)),
  APPROVE_EXTENSION(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RECTIFYING)),
  REFUSE_EXTENSION(EnumSet.of(CaseStatus.DISPATCHED, CaseStatus.RECTIFYING)),
  /** supervision (督办) by the level above */
  SUPERVISE(
      EnumSet.of(
          CaseStatus.REGISTERED,
          CaseStatus.DISPATCHED,
          CaseStatus.RECTIFYING,
          CaseStatus.FEEDBACK_SUBMITTED,
          CaseStatus.REINSPECTED)),
  /** illegal production: the officer orders it to stop (制止) */
  STOP_ORDER(
      EnumSet.of(
          CaseStatus.REPORTED,
          CaseStatus.REGISTERED,
          CaseStatus.DISPATCHED,
          CaseStatus.RECTIFYING)),
  /** illegal production: the penalty decision of an officer with enforcement power */
  PENALTY(
      EnumSet.of(
          CaseStatus.REPORTED,
          CaseStatus.REGISTERED,
          CaseStatus.DISPATCHED,
          CaseStatus.RECTIFYING)),
  /**
   * escalation (升级) by the reminder scheduler after N working days overdue: the level above is
   * notified; the status does not change
   */
  ESCALATE(
      EnumSet.of(
          CaseStatus.REPORTED,
          CaseStatus.REGISTERED,
          CaseStatus.DISPATCHED,
          CaseStatus.RECTIFYING,
          CaseStatus.FEEDBACK_SUBMITTED,
          CaseStatus.REINSPECTED));

  private final EnumSet<CaseStatus> from;

  CaseAction(EnumSet<CaseStatus> from) {
    this.from = from;
  }

  public boolean allowedFrom(CaseStatus status) {
    return from.contains(status);
  }

  /** The statuses this action is allowed from. */
  public EnumSet<CaseStatus> from() {
    return EnumSet.copyOf(from);
  }
}
