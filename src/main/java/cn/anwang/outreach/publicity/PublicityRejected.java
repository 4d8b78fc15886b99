package cn.anwang.outreach.publicity;

/**
 * A request the publicity API refuses, with the rule broken as a message key of the {@code
 * publicity} bundle, so the caller reads it in its language.
 *
 * @param field the request field at fault
 * @param rule message key, e.g. {@code publicity.rule.required}
 * @param argument the message's argument, or null
 */
class PublicityRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final String argument;
  private final boolean tooLarge;

  PublicityRejected(String field, String rule, String argument) {
    this(field, rule, argument, false);
  }

  private PublicityRejected(String field, String rule, String argument, boolean tooLarge) {
    super(field + ": " + rule + (argument == null ? "" : " (" + argument + ")"));
    this.field = field;
    this.rule = rule;
    this.argument = argument;
    this.tooLarge = tooLarge;
  }

  /** A file over the size limit (413). */
  static PublicityRejected tooLarge(String field, String argument) {
    return new PublicityRejected(field, "publicity.rule.tooLarge", argument, true);
  }

  String field() {
    return field;
  }

  String rule() {
    return rule;
  }

  String argument() {
    return argument;
  }

  boolean isTooLarge() {
    return tooLarge;
  }
}
