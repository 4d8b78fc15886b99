package cn.anwang.partner.refusal;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal of the partner module (422 naming a field, or 404, 409, 403, 400), with its reason as a
 * message key ({@code partner.rule.*}, {@code uscc.problem.*}) and arguments, so each caller reads
 * it in its language: the API as the problem {@code ApiProblems} would make ({@link
 * PartnerApiExceptions}), a page's form next to the field. Still an {@link ErrorResponseException},
 * so pages send 404 and 403 to the error page as before.
 */
public class PartnerRejected extends ErrorResponseException {

  private final String field;
  private final String rule;
  private final Object[] arguments;

  private PartnerRejected(
      HttpStatus status, String title, String field, String rule, Object... arguments) {
    super(status, fallback(status, title, field, rule), null, rule, strings(arguments));
    this.field = field;
    this.rule = rule;
    this.arguments = strings(arguments);
  }

  /** 422 for one field. */
  public static PartnerRejected unprocessable(String field, String rule, Object... arguments) {
    return new PartnerRejected(
        HttpStatus.UNPROCESSABLE_CONTENT, "Rejected", field, rule, arguments);
  }

  public static PartnerRejected notFound(String rule, Object... arguments) {
    return new PartnerRejected(HttpStatus.NOT_FOUND, "Not found", null, rule, arguments);
  }

  public static PartnerRejected conflict(String rule, Object... arguments) {
    return new PartnerRejected(HttpStatus.CONFLICT, "Conflict", null, rule, arguments);
  }

  public static PartnerRejected forbidden(String rule, Object... arguments) {
    return new PartnerRejected(HttpStatus.FORBIDDEN, "Forbidden", null, rule, arguments);
  }

  public static PartnerRejected badRequest(String rule, Object... arguments) {
    return new PartnerRejected(HttpStatus.BAD_REQUEST, "Bad request", null, rule, arguments);
  }

  /** The field at fault (a 422), else null. */
  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  /** The reason in the locale's language. */
  public String reason(MessageSource messages, Locale locale) {
    return messages.getMessage(rule, arguments, rule, locale);
  }

  /**
   * The problem as {@code ApiProblems} shapes it, explained in the locale's language: title,
   * status, detail ({@code field: reason} for a 422), and for a 422 {@code errors: [{field,
   * message, rule}]}.
   */
  public ProblemDetail problem(MessageSource messages, Locale locale) {
    String reason = reason(messages, locale);
    HttpStatus status = HttpStatus.valueOf(getStatusCode().value());
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(status, field == null ? reason : field + ": " + reason);
    body.setTitle(getBody().getTitle());
    body.setType(URI.create("about:blank"));
    if (field != null) {
      body.setProperty("errors", List.of(Map.of("field", field, "message", reason, "rule", rule)));
    }
    return body;
  }

  private static ProblemDetail fallback(
      HttpStatus status, String title, String field, String rule) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(status, field == null ? rule : field + ": " + rule);
    body.setTitle(title);
    body.setType(URI.create("about:blank"));
    if (field != null) {
      body.setProperty("errors", List.of(Map.of("field", field, "message", rule, "rule", rule)));
    }
    return body;
  }

  /** Arguments as text, so that ids and years are not formatted as numbers (12,345). */
  private static Object[] strings(Object[] arguments) {
    return arguments == null
        ? new Object[0]
        : Arrays.stream(arguments).map(String::valueOf).toArray(Object[]::new);
  }
}
