package cn.anwang.shared.industry;

/** The four levels of GB/T 4754-2017, each with the length of its codes. */
public enum IndustryLevel {
  /** 门类: one letter A–T. */
  SECTION(1),
  /** 大类: two digits. */
  DIVISION(2),
  /** 中类: three digits, the division's two and one more. */
  GROUP(3),
  /** 小类: four digits, the group's three and one more. */
  CLASS(4);

  private final int codeLength;

  IndustryLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  /** The number of characters of a code at this level. */
  public int codeLength() {
    return codeLength;
  }

  /** The level of a canonical code by its length, or null for another length. */
  static IndustryLevel ofCodeLength(int length) {
    for (IndustryLevel level : values()) {
      if (level.codeLength == length) {
        return level;
      }
    }
    return null;
  }
}
