package cn.anwang.casework.cases;

/** An action not allowed from the case's current status (409), or a rule of the loop broken. */
public class TransitionNotAllowed extends RuntimeException {

  private final CaseAction action;
  private final CaseStatus status;
  private final String rule;

  TransitionNotAllowed(CaseAction action, CaseStatus status, String rule) {
    super(
        rule == null
            ? action + " is not allowed while the case is " + status
            : action + " is not allowed: " + rule,
        null,
        false,
        false);
    this.action = action;
    this.status = status;
    this.rule = rule;
  }

  public CaseAction action() {
    return action;
  }

  public CaseStatus status() {
    return status;
  }

  /**
   * The message key of the rule broken ({@code casework.rule.*}), or null for a plain state guard.
   */
  public String rule() {
    return rule;
  }
}
