package cn.anwang.area.grid;

/** An edit of a grid breaks one of the rules every grid obeys (the import's rules). */
class GridEditRejected extends GridProblem {

  private GridEditRejected(GridMessage reason) {
    super(reason, null);
  }

  static GridEditRejected because(GridMessage reason) {
    return new GridEditRejected(reason);
  }
}
