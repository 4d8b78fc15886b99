package cn.anwang.identity.token;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A token request refused: its status, the field at fault (or null) and the reason as a message
 * ({@code tokens.problem.<key>} in {@code i18n/tokens*.properties}), so that the API and the page
 * say why in the caller's language.
 */
class TokenProblem extends RuntimeException implements MessageSourceResolvable {

  private final HttpStatus status;
  private final String field;
  private final String key;
  private final List<Object> args;

  private TokenProblem(HttpStatus status, String field, String key, Object... args) {
    super(key + " " + List.of(args), null, false, false);
    this.status = status;
    this.field = field;
    this.key = "tokens.problem." + key;
    this.args = List.of(args);
  }

  /** Unknown, or another user's token the caller may not administer (which one is never said). */
  static TokenProblem notFound(String what, Object id) {
    return new TokenProblem(HttpStatus.NOT_FOUND, null, "notFound." + what, String.valueOf(id));
  }

  static TokenProblem unprocessable(String field, String key, Object... args) {
    return new TokenProblem(HttpStatus.UNPROCESSABLE_CONTENT, field, key, args);
  }

  static TokenProblem conflict(String key) {
    return new TokenProblem(HttpStatus.CONFLICT, null, key);
  }

  static TokenProblem forbidden(String key) {
    return new TokenProblem(HttpStatus.FORBIDDEN, null, key);
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
    return key;
  }
}
