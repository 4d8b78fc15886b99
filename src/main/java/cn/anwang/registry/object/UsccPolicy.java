package cn.anwang.registry.object;

import cn.anwang.shared.uscc.UnifiedSocialCreditCode;
import cn.anwang.shared.uscc.UsccCheck;
import cn.anwang.shared.uscc.UsccProblem;
import java.util.stream.Collectors;

/**
 * Which unified social credit codes the registry keeps: valid ones; a failing one only with a
 * reason (the caller audits it); none at all for objects without one (households, small venues).
 */
final class UsccPolicy {

  /**
   * The code to store.
   *
   * @param raw as typed, may be null or blank (no code)
   * @param overrideReason why a failing code is kept, may be null
   * @return the accepted code (trimmed; capitalised when that is all that was wrong), or null
   * @throws ObjectRejected when the code fails and no reason is given
   */
  static Accepted accept(String raw, String overrideReason) {
    if (raw == null || raw.isBlank()) {
      return new Accepted(null, null);
    }
    UsccCheck check = UnifiedSocialCreditCode.check(raw);
    if (check.valid()) {
      return new Accepted(check.code(), null);
    }
    if (check.upperCaseForm() != null && UnifiedSocialCreditCode.isValid(check.upperCaseForm())) {
      return new Accepted(check.upperCaseForm(), null);
    }
    if (overrideReason == null || overrideReason.isBlank()) {
      throw ObjectRejected.usccInvalid(
          check.problems().stream().map(UsccProblem::message).collect(Collectors.joining(" ")));
    }
    String kept = check.upperCaseForm() != null ? check.upperCaseForm() : check.code();
    if (kept.length() > UnifiedSocialCreditCode.LENGTH) {
      throw ObjectRejected.field(
          "uscc",
          "A code longer than 18 characters cannot be kept, even with a reason",
          "registry.rejected.usccTooLong");
    }
    return new Accepted(kept, overrideReason.strip());
  }

  /**
   * @param code the code to store, or null
   * @param overrideReason non-null exactly when the code fails its checks
   */
  record Accepted(String code, String overrideReason) {

    boolean overridden() {
      return overrideReason != null;
    }
  }

  private UsccPolicy() {}
}
