package cn.anwang.registry.object;

/** Someone else changed the object since the caller read it. */
class ObjectVersionConflict extends RuntimeException {

  private final boolean precondition;

  private ObjectVersionConflict(String message, boolean precondition) {
    super(message, null, false, false);
    this.precondition = precondition;
  }

  /**
   * @param precondition whether the version came from {@code If-Match} (412) rather than the body
   *     (409)
   */
  static ObjectVersionConflict forId(long id, int expected, int actual, boolean precondition) {
    return new ObjectVersionConflict(
        "Object "
            + id
            + " was changed by someone else: you edited version "
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
