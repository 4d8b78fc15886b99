package cn.anwang.publicreport.intake;

/**
 * A submission refused for one field; {@code messageKey} is in the publicreport bundle, with its
 * {@code arguments} (e.g. which photo and the limit).
 */
public class IntakeRejected extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final transient Object[] arguments;

  IntakeRejected(String field, String messageKey, Object... arguments) {
    super(field + ": " + messageKey, null, false, false);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
