package cn.anwang.outreach.document;

/**
 * A request the documents API refuses, with the rule broken as a message key of the {@code
 * outreach} bundle, so the caller reads it in its language.
 *
 * @param field the request field at fault
 * @param rule message key, e.g. {@code outreach.rule.required}
 * @param argument the message's argument, or null
 */
class DocumentRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final String argument;
  private final boolean tooLarge;

  DocumentRejected(String field, String rule, String argument) {
    this(field, rule, argument, false);
  }

  private DocumentRejected(String field, String rule, String argument, boolean tooLarge) {
    super(field + ": " + rule + (argument == null ? "" : " (" + argument + ")"));
    this.field = field;
    this.rule = rule;
    this.argument = argument;
    this.tooLarge = tooLarge;
  }

  /** A file over the size limit (413). */
  static DocumentRejected tooLarge(String field, String argument) {
    return new DocumentRejected(field, "outreach.rule.tooLarge", argument, true);
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
