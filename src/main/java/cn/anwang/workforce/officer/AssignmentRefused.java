package cn.anwang.workforce.officer;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * An assignment the rules refuse, with the reason as a message ({@code workforce.assign.<reason>}
 * in {@code i18n/workforce*.properties}) so that pages and the API say why in the caller's
 * language.
 */
public class AssignmentRefused extends RuntimeException implements MessageSourceResolvable {

  /** Why an assignment is refused; the API reports it as {@code reason}. */
  public enum Reason {
    GRID_NOT_FOUND,
    OFFICER_CANNOT_HOLD_GRID,
    OUTSIDE_STREET,
    OUTSIDE_VILLAGE,
    NOT_TRAINED,
    NO_PRE_POST_COURSE,
    ALREADY_ASSIGNED,
    ASSIGNMENT_NOT_CURRENT,
    BAD_DATES
  }

  private final Reason reason;
  private final List<Object> args;

  public AssignmentRefused(Reason reason, Object... args) {
    super(reason.name() + " " + List.of(args), null, false, false);
    this.reason = reason;
    this.args = List.of(args);
  }

  public Reason reason() {
    return reason;
  }

  @Override
  public String[] getCodes() {
    return new String[] {"workforce.assign." + reason.name()};
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
