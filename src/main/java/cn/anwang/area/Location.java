package cn.anwang.area;

import java.util.Objects;

/**
 * Where a point lies: its grid and the grid's place in the division tree.
 *
 * @param grid the smallest grid that covers the point, never null
 * @param village the grid's village/community, or null when the grid belongs to a street directly
 * @param street the street/town/park, never null
 * @param district the district, never null
 */
public record Location(Named grid, Named village, Named street, Named district) {

  public Location {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(street, "street");
    Objects.requireNonNull(district, "district");
  }

  /** The code of the division the grid belongs to (its village, or its street). */
  public String divisionCode() {
    return village != null ? village.code() : street.code();
  }

  /**
   * A code with its name.
   *
   * @param code grid or division code
   * @param name Chinese name
   */
  public record Named(String code, String name) {

    public Named {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
    }
  }
}
