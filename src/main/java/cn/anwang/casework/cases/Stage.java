package cn.anwang.casework.cases;

/** The stage whose clock runs, with its allowed working days per case type. */
public enum Stage {
  /** reported, waiting to be registered or voided */
  REGISTER,
  /** registered, waiting to be dispatched */
  DISPATCH,
  /** dispatched or rectifying, waiting for feedback (the 应结案 deadline) */
  RECTIFY,
  /** feedback submitted, waiting for the on-site re-inspection */
  REINSPECT,
  /** re-inspected, waiting to be closed */
  CLOSE;

  /** The stage a case in this status is in, or null when it is finished. */
  public static Stage of(CaseStatus status) {
    return switch (status) {
      case REPORTED -> REGISTER;
      case REGISTERED -> DISPATCH;
      case DISPATCHED, RECTIFYING -> RECTIFY;
      case FEEDBACK_SUBMITTED -> REINSPECT;
      case REINSPECTED -> CLOSE;
      case CLOSED, VOIDED -> null;
    };
  }
}
