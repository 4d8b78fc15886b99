package cn.anwang.casework.cases;

/**
 * Input a case action cannot take (422): names the field and the rule ({@code casework.rule.*}).
 */
public class CaseRejected extends RuntimeException {

  private final String field;
  private final String rule;
  private final String argument;

  CaseRejected(String field, String rule, String argument) {
    super(
        field + ": " + rule + (argument == null ? "" : " (" + argument + ")"), null, false, false);
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
