package cn.anwang.workforce.training;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A training request refused: the status it answers with, the field it concerns (or null) and the
 * reason as a message ({@code training.problem.<key>} in {@code i18n/workforce*.properties}), so
 * the API and the pages say why in the caller's language.
 */
class TrainingProblem extends RuntimeException implements MessageSourceResolvable {

  private final HttpStatus status;
  private final String field;
  private final String key;
  private final List<Object> args;

  private TrainingProblem(HttpStatus status, String field, String key, Object... args) {
    super(key + " " + List.of(args), null, false, false);
    this.status = status;
    this.field = field;
    this.key = "training.problem." + key;
    this.args = List.of(args);
  }

  /** Does not exist or lies outside the caller's territory (which one is never said). */
  static TrainingProblem notFound(String what, Object id) {
    return new TrainingProblem(HttpStatus.NOT_FOUND, null, "notFound." + what, String.valueOf(id));
  }

  static TrainingProblem stale(int sent, int current) {
    return new TrainingProblem(HttpStatus.CONFLICT, "version", "stale", sent, current);
  }

  static TrainingProblem conflict(String field, String key, Object... args) {
    return new TrainingProblem(HttpStatus.CONFLICT, field, key, args);
  }

  static TrainingProblem invalid(String field, String key, Object... args) {
    return new TrainingProblem(HttpStatus.BAD_REQUEST, field, key, args);
  }

  static TrainingProblem unprocessable(String field, String key, Object... args) {
    return new TrainingProblem(HttpStatus.UNPROCESSABLE_CONTENT, field, key, args);
  }

  static TrainingProblem forbidden(String key) {
    return new TrainingProblem(HttpStatus.FORBIDDEN, null, key);
  }

  HttpStatus status() {
    return status;
  }

  String field() {
    return field;
  }

  @Override
  public String[] getCodes() {
    return new String[] {key};
  }

  @Override
  public Object[] getArguments() {
    return args.toArray();
  }

  @Override
  public String getDefaultMessage() {
    return getMessage();
  }
}
