package cn.anwang.publicreport.support;

/**
 * The reward claim's rule shared by the claim itself and the tracking page that offers it: after
 * this many wrong answers the claim online is locked.
 */
public final class ClaimRules {

  public static final int MAX_FAILED_CLAIMS = 5;

  private ClaimRules() {}
}
