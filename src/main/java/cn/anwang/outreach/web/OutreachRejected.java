package cn.anwang.outreach.web;

/**
 * A request the outreach APIs and forms refuse (documents, publicity), with the rule broken as a
 * message key ({@code outreach.rule.*}, {@code publicity.rule.*}), so the caller reads it in its
 * language: the API as a problem ({@code OutreachApiExceptions}), a form next to the field.
 *
 * @param field the request field at fault
 * @param rule message key, e.g. {@code outreach.rule.required}
 * @param argument the message's argument, or null
 */
public class OutreachRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final String argument;
  private final boolean tooLarge;

  public OutreachRejected(String field, String rule, String argument) {
    this(field, rule, argument, false);
  }

  private OutreachRejected(String field, String rule, String argument, boolean tooLarge) {
    super(field + ": " + rule + (argument == null ? "" : " (" + argument + ")"));
    this.field = field;
    this.rule = rule;
    this.argument = argument;
    this.tooLarge = tooLarge;
  }

  /** A file over the size limit (413), with the rule's message key. */
  public static OutreachRejected tooLarge(String field, String rule, String argument) {
    return new OutreachRejected(field, rule, argument, true);
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

  public boolean isTooLarge() {
    return tooLarge;
  }
}
