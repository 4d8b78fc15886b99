package cn.anwang.shared.uscc;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a typed unified social credit code: whether it is valid, what is wrong,
 * and what its parts say.
 *
 * @param code the input trimmed of surrounding white space, otherwise exactly as typed (lower case
 *     is kept: it is a reported problem, not silently repaired); empty for a null input
 * @param valid true when there are no problems
 * @param problems what is wrong, in the order of the checks (length, characters, organisation code
 *     check, check character); empty when valid
 * @param upperCaseForm the code in capitals when it contains lower-case letters (what the user
 *     probably meant), otherwise null
 * @param authority the registration authority of position 1, or null when it is not a published one
 * @param category the organisation category of position 2 within that authority, or null
 * @param regionCode positions 3–8, the GB/T 2260 administrative division code, or null when the
 *     code is too short or they are not six digits
 */
public record UsccCheck(
    String code,
    boolean valid,
    List<UsccProblem> problems,
    String upperCaseForm,
    RegistrationAuthority authority,
    OrganisationCategory category,
    String regionCode) {

  public UsccCheck {
    problems = List.copyOf(problems);
  }

  /** Whether the region code lies in Tianjin (GB/T 2260 codes 12xxxx). */
  public boolean inTianjin() {
    return regionCode != null && regionCode.startsWith("12");
  }

  /** Whether a problem of this kind was found. */
  public boolean has(UsccProblemKind kind) {
    return problems.stream().anyMatch(p -> p.kind() == kind);
  }

  /** The first problem of this kind, if any. */
  public Optional<UsccProblem> problem(UsccProblemKind kind) {
    return problems.stream().filter(p -> p.kind() == kind).findFirst();
  }
}
