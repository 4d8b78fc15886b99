package cn.anwang.shared.uscc;

import java.util.List;

/**
 * One thing wrong with a typed code.
 *
 * @param kind what is wrong
 * @param message a plain English sentence saying what and where, for logs and API details
 * @param arguments the values for the localised message ({@link UsccProblemKind#messageKey()}), in
 *     the order its placeholders use them
 */
public record UsccProblem(UsccProblemKind kind, String message, List<Object> arguments) {

  public UsccProblem {
    arguments = List.copyOf(arguments);
  }

  /** The message key for a localised message, e.g. {@code uscc.problem.LOWERCASE}. */
  public String messageKey() {
    return kind.messageKey();
  }

  static UsccProblem wrongLength(int length) {
    return new UsccProblem(
        UsccProblemKind.WRONG_LENGTH,
        "The code has " + length + " characters; a unified social credit code has 18.",
        List.of(length));
  }

  static UsccProblem lowercase(String upperCaseForm) {
    return new UsccProblem(
        UsccProblemKind.LOWERCASE,
        "The code contains lower-case letters; codes are written in capitals: " + upperCaseForm,
        List.of(upperCaseForm));
  }

  static UsccProblem illegalCharacter(char character, int position) {
    String shown = String.valueOf(character);
    return new UsccProblem(
        UsccProblemKind.ILLEGAL_CHARACTER,
        "Character '"
            + shown
            + "' at position "
            + position
            + " is not allowed; codes use 0-9 and A-Y without I, O, S, V and Z.",
        List.of(shown, position));
  }

  static UsccProblem wrongCheckCharacter(char found, char expected) {
    return new UsccProblem(
        UsccProblemKind.WRONG_CHECK_CHARACTER,
        "The check character (position 18) is '"
            + found
            + "' but the first 17 characters require '"
            + expected
            + "'.",
        List.of(String.valueOf(found), String.valueOf(expected)));
  }

  static UsccProblem wrongOrganisationCodeCheck(char found, char expected) {
    return new UsccProblem(
        UsccProblemKind.WRONG_ORGANISATION_CODE_CHECK,
        "The organisation code check digit (position 17) is '"
            + found
            + "' but positions 9-16 require '"
            + expected
            + "'.",
        List.of(String.valueOf(found), String.valueOf(expected)));
  }
}
