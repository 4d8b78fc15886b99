package cn.anwang.workforce.officer;

/**
 * An officer's status. A candidate becomes active when first assigned to a grid (which needs a
 * valid pre-post certificate); suspended and departed officers hold no grid.
 */
public enum OfficerStatus {
  CANDIDATE,
  ACTIVE,
  SUSPENDED,
  LEFT;

  /** Whether an officer in this status may be given a grid. */
  public boolean mayHoldGrid() {
    return this == CANDIDATE || this == ACTIVE;
  }
}
