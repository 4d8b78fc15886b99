package cn.anwang.area.grid;

/**
 * A grid module exception whose text a person reads: it carries the text as a {@link GridMessage},
 * and the API or the page renders it in its reader's language. {@link #getMessage()} (for logs
 * only) is the key with its arguments.
 */
abstract class GridProblem extends RuntimeException {

  private final transient GridMessage reason;

  GridProblem(GridMessage reason, Throwable cause) {
    super(reason.key() + " " + reason.args(), cause, false, false);
    this.reason = reason;
  }

  /** What went wrong, for the person who asked. */
  GridMessage reason() {
    return reason;
  }
}
