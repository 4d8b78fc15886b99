package cn.anwang.shared.industry;

import java.util.List;

/**
 * The outcome of normalising a typed industry code.
 *
 * <p>A well-formed code finer than the shipped table goes (for example a class where only divisions
 * are shipped for its division) is accepted, with {@link #matched()} its deepest shipped ancestor
 * and {@link #exact()} false: the table cannot tell a real class from an invented one there, and
 * rejecting every class would turn away correct data. Where the table does list that level, an
 * unlisted code is {@link IndustryProblem#UNKNOWN_CODE}.
 *
 * @param input what was typed, as given (may be null)
 * @param code the canonical code ({@code C}, {@code 26}, {@code 2614}), or null when malformed
 * @param matched the entry for the code, or its deepest shipped ancestor; null when the code is
 *     malformed or unknown
 * @param problem why the code was not accepted, or null when it was
 */
public record IndustryCodeCheck(
    String input, String code, Industry matched, IndustryProblem problem) {

  /** Whether the code was accepted. */
  public boolean valid() {
    return problem == null;
  }

  /** Whether the code itself (not only an ancestor) is in the shipped table. */
  public boolean exact() {
    return matched != null && matched.code().equals(code);
  }

  /** The values for the localised message of {@link #problem()}; empty when valid. */
  public List<Object> arguments() {
    if (problem == null) {
      return List.of();
    }
    return switch (problem) {
      case MALFORMED -> List.of(String.valueOf(input));
      case UNKNOWN_CODE -> List.of(code);
      case SECTION_MISMATCH -> List.of(String.valueOf(input), matched.section());
    };
  }

  /** A plain English sentence saying what is wrong, or null when valid. */
  public String message() {
    if (problem == null) {
      return null;
    }
    return switch (problem) {
      case MALFORMED ->
          "'"
              + input
              + "' is not an industry code: enter a section letter (C), a 2-digit division,"
              + " a 3-digit group or a 4-digit class (C2614 or 2614).";
      case UNKNOWN_CODE ->
          "Industry code '" + code + "' is not in the classification (GB/T 4754-2017).";
      case SECTION_MISMATCH ->
          "'"
              + input
              + "' names the wrong section: "
              + code
              + " belongs to section "
              + matched.section()
              + ".";
    };
  }
}
