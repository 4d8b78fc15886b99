package cn.anwang.shared.industry;

/**
 * Why a typed industry code was not accepted. Each has a message key in the {@code i18n/industry}
 * bundle ({@code industry.problem.<NAME>}) whose arguments are those of {@link
 * IndustryCodeCheck#arguments()}.
 */
public enum IndustryProblem {
  /** Not shaped like a code: argument the input. */
  MALFORMED,
  /** Shaped like a code but not in the classification: argument the code. */
  UNKNOWN_CODE,
  /** A section letter that is not the code's own (B2614): arguments the input and the section. */
  SECTION_MISMATCH;

  /** The message key, e.g. {@code industry.problem.UNKNOWN_CODE}. */
  public String messageKey() {
    return "industry.problem." + name();
  }
}
