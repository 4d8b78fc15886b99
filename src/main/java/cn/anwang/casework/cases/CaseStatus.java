package cn.anwang.casework.cases;

/**
 * Where a case is in the loop: reported → registered (立案) | voided (作废) → dispatched → rectifying →
 * feedback submitted → re-inspected on site → closed (结案); a failed re-inspection sends it back to
 * rectifying (返工), a return by the handler (退回) back to registered.
 */
public enum CaseStatus {
  REPORTED,
  REGISTERED,
  VOIDED,
  DISPATCHED,
  RECTIFYING,
  FEEDBACK_SUBMITTED,
  REINSPECTED,
  CLOSED;

  public boolean open() {
    return this != CLOSED && this != VOIDED;
  }
}
