package cn.anwang.area.grid;

/** An edit of a grid breaks one of the rules every grid obeys (the import's rules). */
class GridEditRejected extends RuntimeException {

  private GridEditRejected(String reason) {
    super(reason, null, false, false);
  }

  static GridEditRejected because(String reason) {
    return new GridEditRejected(reason);
  }
}
