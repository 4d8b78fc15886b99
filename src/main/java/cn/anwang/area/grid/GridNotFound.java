package cn.anwang.area.grid;

/** No grid with this code exists inside the caller's territory (which one is never said). */
class GridNotFound extends RuntimeException {

  private GridNotFound(String message) {
    super(message, null, false, false);
  }

  static GridNotFound forCode(String code) {
    return new GridNotFound("Grid '" + code + "' does not exist or is outside your territory");
  }

  static GridNotFound forDivision(String code) {
    return new GridNotFound("Division '" + code + "' does not exist or is outside your territory");
  }
}
