package cn.anwang.inspection.web;

/**
 * A request the inspection module refuses (422), with the rule broken as a message key of the
 * {@code inspection} bundle.
 *
 * @param field the request field at fault
 * @param rule message key, e.g. {@code inspection.rule.required}
 * @param argument the message's argument, or null
 */
public class InspectionRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final String argument;

  public InspectionRejected(String field, String rule, String argument) {
    super(field + ": " + rule + (argument == null ? "" : " (" + argument + ")"));
    this.field = field;
    this.rule = rule;
    this.argument = argument;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }

  public String argument() {
    return argument;
  }
}
