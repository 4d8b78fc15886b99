package cn.anwang.publicreport.reward;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/**
 * A district's reward rule, after 安全生产领域举报奖励办法: a major hazard or illegal production is rewarded
 * with {@code finePercent} of the fine, at least {@code minYuan} and at most {@code maxYuan}; a
 * concealed accident with an amount per concealed death by the accident's grade, capped at {@code
 * accidentCapYuan}. Shipped as the city's rule: 15 %, 3,000–300,000 yuan; 30,000 / 40,000 / 50,000
 * / 60,000 per death for 一般 / 较大 / 重大 / 特别重大, capped at 300,000.
 */
record RewardRule(
    String district,
    Set<String> eligibleFindings,
    BigDecimal finePercent,
    long minYuan,
    long maxYuan,
    long perDeathGeneral,
    long perDeathLarger,
    long perDeathMajor,
    long perDeathEspecially,
    long accidentCapYuan,
    int claimDays,
    int objectionDays,
    boolean anonymousClaim,
    boolean inherited) {

  static final Set<String> FINDINGS =
      Set.of("MAJOR_HAZARD", "ILLEGAL_OPERATION", "CONCEALED_ACCIDENT");
  static final Set<String> GRADES = Set.of("GENERAL", "LARGER", "MAJOR", "ESPECIALLY");

  /** An amount and how it was reached, as arithmetic any reader can check (no words). */
  record Amount(long yuan, String computation) {}

  /** A fine-based reward: the share of the fine within the band (no fine: the minimum). */
  Amount forFine(long fineYuan) {
    long share =
        BigDecimal.valueOf(fineYuan)
            .multiply(finePercent)
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
            .longValueExact();
    long yuan = Math.min(maxYuan, Math.max(minYuan, share));
    String how =
        fineYuan
            + " × "
            + finePercent.stripTrailingZeros().toPlainString()
            + "% = "
            + share
            + (yuan == share ? "" : yuan == minYuan ? " → ≥ " + minYuan : " → ≤ " + maxYuan);
    return new Amount(yuan, how);
  }

  /** A concealed accident's reward: the grade's amount per concealed death, capped. */
  Amount forAccident(String grade, int deaths) {
    long each =
        switch (grade) {
          case "GENERAL" -> perDeathGeneral;
          case "LARGER" -> perDeathLarger;
          case "MAJOR" -> perDeathMajor;
          case "ESPECIALLY" -> perDeathEspecially;
          default -> throw new IllegalArgumentException("unknown accident grade " + grade);
        };
    long total = each * deaths;
    long yuan = Math.min(accidentCapYuan, total);
    String how =
        deaths + " × " + each + " = " + total + (yuan == total ? "" : " → ≤ " + accidentCapYuan);
    return new Amount(yuan, how);
  }
}
