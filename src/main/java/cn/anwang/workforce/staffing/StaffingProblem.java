package cn.anwang.workforce.staffing;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A staffing request the rules refuse: the status to answer with, a message key in {@code
 * i18n/workforce*.properties} with its arguments, and for validation the fields at fault (each with
 * its own key), so that the API and the pages say why in the caller's language.
 */
class StaffingProblem extends RuntimeException {

  /** A field at fault: its name in the request and why (a message key and arguments). */
  record FieldError(String field, String key, List<Object> args) {

    static FieldError of(String field, String key, Object... args) {
      return new FieldError(field, key, Arrays.asList(args));
    }
  }

  private final HttpStatus status;
  private final String key;
  private final List<Object> args;
  private final List<FieldError> fields;

  private StaffingProblem(
      HttpStatus status, String key, List<Object> args, List<FieldError> fields) {
    super(key + " " + args + (fields.isEmpty() ? "" : " " + fields), null, false, false);
    this.status = status;
    this.key = key;
    this.args = args;
    this.fields = fields;
  }

  static StaffingProblem notFound(String what, Object id) {
    return new StaffingProblem(
        HttpStatus.NOT_FOUND, "workforce.staffing.notFound", List.of(what, id), List.of());
  }

  static StaffingProblem conflict(String key, Object... args) {
    return new StaffingProblem(HttpStatus.CONFLICT, key, Arrays.asList(args), List.of());
  }

  static StaffingProblem forbidden() {
    return new StaffingProblem(
        HttpStatus.FORBIDDEN, "workforce.staffing.forbidden", List.of(), List.of());
  }

  static StaffingProblem badRequest(String key, Object... args) {
    return new StaffingProblem(HttpStatus.BAD_REQUEST, key, Arrays.asList(args), List.of());
  }

  static StaffingProblem invalid(List<FieldError> fields) {
    return new StaffingProblem(
        HttpStatus.UNPROCESSABLE_CONTENT, "workforce.staffing.invalid", List.of(), fields);
  }

  HttpStatus status() {
    return status;
  }

  String key() {
    return key;
  }

  Object[] args() {
    return args.toArray();
  }

  List<FieldError> fields() {
    return fields;
  }
}
