package cn.anwang.registry.object;

/** Another object already has this USCC, or this name at this address. */
class ObjectDuplicate extends RuntimeException {

  private final Long existingId;
  private final String field;

  private ObjectDuplicate(String message, String field, Long existingId) {
    super(message, null, false, false);
    this.field = field;
    this.existingId = existingId;
  }

  /**
   * @param existingId the other object, or null when it lies outside the caller's scope
   */
  static ObjectDuplicate uscc(String uscc, Long existingId) {
    return new ObjectDuplicate(
        "Another object" + of(existingId) + " already has the code " + uscc, "uscc", existingId);
  }

  /**
   * @param existingId the other object, or null when it lies outside the caller's scope
   */
  static ObjectDuplicate nameAndAddress(Long existingId) {
    return new ObjectDuplicate(
        "Another object" + of(existingId) + " in this district has the same name and address",
        "name",
        existingId);
  }

  private static String of(Long id) {
    return id == null ? "" : " (" + id + ")";
  }

  /** The other object's id, or null when the caller may not see it. */
  Long existingId() {
    return existingId;
  }

  String field() {
    return field;
  }
}
