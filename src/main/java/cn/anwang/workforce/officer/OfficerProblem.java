package cn.anwang.workforce.officer;

import java.util.Arrays;
import org.springframework.context.MessageSourceResolvable;

/**
 * An officer request the rules refuse, as a message ({@code workforce.officer.*} in {@code
 * i18n/workforce*.properties}) so that pages and the API say why in the caller's language. {@link
 * Kind} decides the HTTP status.
 */
public class OfficerProblem extends RuntimeException implements MessageSourceResolvable {

  /** What went wrong, and so the answer's status. */
  public enum Kind {
    /** 404: does not exist or is outside the caller's scope. */
    NOT_FOUND,
    /** 422: a field breaks a rule. */
    REJECTED,
    /** 409: stale version or a duplicate. */
    CONFLICT,
    /** 403: the caller's role may not do this. */
    FORBIDDEN
  }

  private final Kind kind;
  private final String field;
  private final String code;
  private final Object[] args;
  private final Long existingId;

  private OfficerProblem(Kind kind, String field, String code, Long existingId, Object... args) {
    super(code + " " + Arrays.toString(args), null, false, false);
    this.kind = kind;
    this.field = field;
    this.code = code;
    this.existingId = existingId;
    this.args =
        Arrays.stream(args)
            .map(a -> a instanceof Number ? a.toString() : a)
            .toArray(); // ids and counts as written, without grouping
  }

  static OfficerProblem notFound(String what, Object id) {
    return new OfficerProblem(Kind.NOT_FOUND, null, "workforce.officer.notFound." + what, null, id);
  }

  static OfficerProblem rejected(String field, String key, Object... args) {
    return new OfficerProblem(Kind.REJECTED, field, "workforce.officer." + key, null, args);
  }

  static OfficerProblem conflict(String field, String key, Long existingId, Object... args) {
    return new OfficerProblem(Kind.CONFLICT, field, "workforce.officer." + key, existingId, args);
  }

  static OfficerProblem forbidden() {
    return new OfficerProblem(Kind.FORBIDDEN, null, "workforce.officer.forbidden", null);
  }

  public Kind kind() {
    return kind;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }

  /** The message key. */
  public String code() {
    return code;
  }

  /** The officer a duplicate repeats, when the caller may see it; else null. */
  public Long existingId() {
    return existingId;
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return args.clone();
  }

  @Override
  public String getDefaultMessage() {
    return getMessage();
  }
}
