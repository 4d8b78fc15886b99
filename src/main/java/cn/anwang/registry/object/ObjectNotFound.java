package cn.anwang.registry.object;

/** No object with this id exists inside the caller's scope (which of the two is never said). */
class ObjectNotFound extends RuntimeException {

  private ObjectNotFound(String message) {
    super(message, null, false, false);
  }

  static ObjectNotFound forId(long id) {
    return new ObjectNotFound("Object " + id + " does not exist or is outside your scope");
  }
}
