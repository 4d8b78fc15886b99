package cn.anwang.area.grid;

/** Someone else changed the grid since the caller read it. */
class GridVersionConflict extends RuntimeException {

  private final boolean precondition;

  private GridVersionConflict(String message, boolean precondition) {
    super(message, null, false, false);
    this.precondition = precondition;
  }

  /**
   * @param precondition whether the version came from {@code If-Match} (HTTP 412) rather than the
   *     body (409)
   */
  static GridVersionConflict forCode(String code, int expected, int actual, boolean precondition) {
    return new GridVersionConflict(
        "Grid '"
            + code
            + "' was changed by someone else: you edited version "
            + expected
            + ", it is now at version "
            + actual
            + "; reload and try again",
        precondition);
  }

  boolean precondition() {
    return precondition;
  }
}
