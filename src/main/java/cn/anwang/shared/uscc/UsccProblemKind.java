package cn.anwang.shared.uscc;

/**
 * What can be wrong with a typed unified social credit code. Each kind has a message key in the
 * {@code i18n/industry} bundle ({@code uscc.problem.<NAME>}) whose arguments are those of {@link
 * UsccProblem#arguments()}.
 */
public enum UsccProblemKind {
  /** Not 18 characters; argument: the length found. */
  WRONG_LENGTH,
  /** Lower-case letters; argument: the upper-case form. */
  LOWERCASE,
  /** A character outside the 31-symbol alphabet; arguments: the character and its position. */
  ILLEGAL_CHARACTER,
  /** The 18th character does not match; arguments: found and expected character. */
  WRONG_CHECK_CHARACTER,
  /** The 17th character is not the GB 11714 check of 9–16; arguments: found and expected. */
  WRONG_ORGANISATION_CODE_CHECK;

  /** The message key, e.g. {@code uscc.problem.WRONG_LENGTH}. */
  public String messageKey() {
    return "uscc.problem." + name();
  }
}
