package cn.anwang.casework.attachment;

/**
 * A file a case does not take: too large (413) or of a type not accepted (422), naming the file and
 * the rule ({@code casework.attachment.*}).
 */
public class AttachmentRejected extends RuntimeException {

  private final String fileName;
  private final String rule;
  private final boolean tooLarge;
  private final String argument;

  AttachmentRejected(String fileName, String rule, boolean tooLarge, String argument) {
    super(fileName + ": " + rule, null, false, false);
    this.fileName = fileName;
    this.rule = rule;
    this.tooLarge = tooLarge;
    this.argument = argument;
  }

  public String fileName() {
    return fileName;
  }

  public String rule() {
    return rule;
  }

  public boolean tooLarge() {
    return tooLarge;
  }

  public String argument() {
    return argument;
  }
}
