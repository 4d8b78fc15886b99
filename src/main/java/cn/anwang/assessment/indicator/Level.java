package cn.anwang.assessment.indicator;

/**
 * The levels of the division tree an indicator is computed at, by the length of the division code
 * ({@code 12} Tianjin, {@code 120101} a district, 9 digits a street, 12 a village), and the grid.
 */
public enum Level {
  CITY(2),
  DISTRICT(6),
  STREET(9),
  VILLAGE(12),
  GRID(0);

  private final int codeLength;

  Level(int codeLength) {
    this.codeLength = codeLength;
  }

  /** The division code length of the level; 0 for the grid. */
  public int codeLength() {
    return codeLength;
  }

  /** The level of a division code, or null when the code is not one. */
  public static Level ofCode(String code) {
    if (code == null || !code.matches("\\d+")) {
      return null;
    }
    for (Level l : values()) {
      if (l.codeLength == code.length()) {
        return l;
      }
    }
    return null;
  }

  /** The level just below, or null below the grid. */
  public Level below() {
    return this == GRID ? null : values()[ordinal() + 1];
  }

  /** Whether this level is at least as fine as {@code other} (the grid is the finest). */
  public boolean atOrBelow(Level other) {
    return ordinal() >= other.ordinal();
  }
}
