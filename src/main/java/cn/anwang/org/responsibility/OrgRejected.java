package cn.anwang.org.responsibility;

import java.util.List;

/** A department or rule breaks a validation rule; names the fields and why. */
class OrgRejected extends RuntimeException {

  record FieldError(String field, String message) {}

  private final List<FieldError> fields;

  private OrgRejected(List<FieldError> fields) {
    super(
        fields.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid"),
        null,
        false,
        false);
    this.fields = List.copyOf(fields);
  }

  static OrgRejected because(List<FieldError> fields) {
    return new OrgRejected(fields);
  }

  static OrgRejected field(String field, String message) {
    return new OrgRejected(List.of(new FieldError(field, message)));
  }

  List<FieldError> fields() {
    return fields;
  }
}
