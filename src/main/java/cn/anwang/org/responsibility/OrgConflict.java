package cn.anwang.org.responsibility;

/** Someone else changed the department or rule since the caller read it. */
class OrgConflict extends RuntimeException {

  private OrgConflict(String message) {
    super(message, null, false, false);
  }

  static OrgConflict staleVersion(String what, int sent, int current) {
    return new OrgConflict(
        what + " was changed meanwhile: you sent version " + sent + ", it is at " + current);
  }

  static OrgConflict exists(String code) {
    return new OrgConflict("Department '" + code + "' exists already");
  }
}
