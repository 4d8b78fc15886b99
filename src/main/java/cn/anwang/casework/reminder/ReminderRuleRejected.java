package cn.anwang.casework.reminder;

/** A reminder rule edit refused (422), naming the row and the rule broken. */
class ReminderRuleRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final transient Object[] arguments;

  ReminderRuleRejected(String field, String rule, Object... arguments) {
    super(field + ": " + rule, null, false, false);
    this.field = field;
    this.rule = rule;
    this.arguments = arguments;
  }

  String field() {
    return field;
  }

  String rule() {
    return rule;
  }

  Object[] arguments() {
    return arguments.clone();
  }
}
