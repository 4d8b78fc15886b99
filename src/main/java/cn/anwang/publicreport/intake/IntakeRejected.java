package cn.anwang.publicreport.intake;

/** A submission refused for one field; {@code messageKey} is in the publicreport bundle. */
public class IntakeRejected extends RuntimeException {

  private final String field;
  private final String messageKey;

  IntakeRejected(String field, String messageKey) {
    super(field + ": " + messageKey, null, false, false);
    this.field = field;
    this.messageKey = messageKey;
  }

  public String field() {
    return field;
  }

  public String messageKey() {
    return messageKey;
  }
}
