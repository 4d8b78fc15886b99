package cn.anwang.area.grid;

/** No grid with this code exists inside the caller's territory (which one is never said). */
class GridNotFound extends GridProblem {

  private GridNotFound(GridMessage reason) {
    super(reason, null);
  }

  static GridNotFound forCode(String code) {
    return new GridNotFound(GridMessage.of("grid.problem.gridNotFound", code));
  }

  static GridNotFound forDivision(String code) {
    return new GridNotFound(GridMessage.of("grid.problem.divisionNotFound", code));
  }
}
