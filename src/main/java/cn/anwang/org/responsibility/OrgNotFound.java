package cn.anwang.org.responsibility;

/** No such department or rule inside the caller's scope (which one is never said). */
class OrgNotFound extends RuntimeException {

  private OrgNotFound(String message) {
    super(message, null, false, false);
  }

  static OrgNotFound department(String code) {
    return new OrgNotFound("Department '" + code + "' does not exist or is outside your territory");
  }

  static OrgNotFound rule(long id) {
    return new OrgNotFound("Rule " + id + " does not exist or is outside your territory");
  }

  static OrgNotFound district(String code) {
    return new OrgNotFound("District '" + code + "' does not exist or is outside your territory");
  }
}
