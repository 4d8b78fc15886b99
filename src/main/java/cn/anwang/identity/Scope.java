package cn.anwang.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a user may see: a territory (a division code; everything whose code starts with it is
 * inside, so {@code "12"} is all of Tianjin) and, for department staff, a department.
 *
 * @param territoryCode the division code at the root of the user's subtree, never null
 * @param departmentCode the user's department, or null when the user is not bound to one
 */
public record Scope(String territoryCode, String departmentCode) implements Serializable {

  public static final String CITY = "12";

  public Scope {
    Objects.requireNonNull(territoryCode, "territoryCode");
  }

  public static Scope city() {
    return new Scope(CITY, null);
  }

  /** Whether a division (or anything coded under it) lies inside this scope's territory. */
  public boolean covers(String divisionCode) {
    return divisionCode != null && divisionCode.startsWith(territoryCode);
  }

  /** Whether another territory lies wholly inside this one. */
  public boolean contains(Scope other) {
    return covers(other.territoryCode);
  }

  /**
   * The district a row made in this scope belongs to, for the district-keyed tables (see
   * docs/scale.md): the first six digits of the territory, or the territory itself above a district
   * ({@code "12"} for the city).
   */
  public String districtCode() {
    return districtOf(territoryCode);
  }

  /** The district of a division code: its first six digits, or the code itself when shorter. */
  public static String districtOf(String divisionCode) {
    return divisionCode.length() >= 6 ? divisionCode.substring(0, 6) : divisionCode;
  }

  /** A SQL {@code LIKE} pattern matching every division code in the territory. */
  public String likePattern() {
    return territoryCode + "%";
  }
}
