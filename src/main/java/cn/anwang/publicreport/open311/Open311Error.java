package cn.anwang.publicreport.open311;

/** An Open311 error: rendered as the spec's list of {@code {code, description}}. */
class Open311Error extends RuntimeException {

  final int status;

  Open311Error(int status, String description) {
    super(description, null, false, false);
    this.status = status;
  }

  static Open311Error badRequest(String description) {
    return new Open311Error(400, description);
  }

  static Open311Error forbidden(String description) {
    return new Open311Error(403, description);
  }

  static Open311Error notFound(String description) {
    return new Open311Error(404, description);
  }
}
