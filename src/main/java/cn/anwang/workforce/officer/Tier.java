package cn.anwang.workforce.officer;

/** An officer's tier: street/town/park (街镇网格员) or village/community (村居网格员). */
public enum Tier {
  STREET,
  VILLAGE;

  /** The length of the division code an officer of this tier belongs to. */
  public int divisionCodeLength() {
    return this == STREET ? 9 : 12;
  }
}
