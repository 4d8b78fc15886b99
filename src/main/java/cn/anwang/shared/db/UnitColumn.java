package cn.anwang.shared.db;

/**
 * The SQL expression that groups rows by unit for the figures modules publish: the prefix of a
 * division code column of a given length (2 the city, 6 a district, 9 a street, 12 a village), or
 * the grid code column when the length is 0 (rows outside any grid under {@code ''}). Lengths are
 * clamped, never taken from text, so the expression is safe to concatenate.
 */
public final class UnitColumn {

  private UnitColumn() {}

  /**
   * @param alias the table alias, e.g. {@code c}, or empty for none
   * @param length the unit's code length, or 0 for the grid
   */
  public static String of(String alias, int length) {
    String prefix = alias == null || alias.isEmpty() ? "" : alias + ".";
    return length == 0
        ? "coalesce(" + prefix + "grid_code, '')"
        : "substring(" + prefix + "division_code, 1, " + Math.max(2, Math.min(12, length)) + ")";
  }
}
