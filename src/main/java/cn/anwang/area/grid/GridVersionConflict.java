package cn.anwang.area.grid;

/** Someone else changed the grid since the caller read it. */
class GridVersionConflict extends GridProblem {

  private final boolean precondition;

  private GridVersionConflict(GridMessage reason, boolean precondition) {
    super(reason, null);
    this.precondition = precondition;
  }

  /**
   * @param precondition whether the version came from {@code If-Match} (HTTP 412) rather than the
   *     body (409)
   */
  static GridVersionConflict forCode(String code, int expected, int actual, boolean precondition) {
    return new GridVersionConflict(
        GridMessage.of("grid.problem.versionConflict", code, expected, actual), precondition);
  }

  boolean precondition() {
    return precondition;
  }
}
