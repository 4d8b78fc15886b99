package cn.anwang.casework.calendar;

/** An edit of the calendar or the deadline rules refused (422), naming the row and the rule. */
public class CalendarRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final Object[] arguments;

  CalendarRejected(String field, String rule, Object... arguments) {
    super(field + ": " + rule, null, false, false);
    this.field = field;
    this.rule = rule;
    this.arguments = arguments;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
