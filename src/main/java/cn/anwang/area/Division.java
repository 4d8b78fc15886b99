package cn.anwang.area;

/**
 * A division as other modules and the API see it.
 *
 * @param code statistical division code
 * @param name Chinese name
 * @param level level in the tree
 * @param parentCode the parent's code, null for the city
 * @param hasBoundary whether a boundary polygon is known
 * @param syntheticBoundary whether that boundary is synthetic (demo data)
 */
public record Division(
    String code,
    String name,
    DivisionLevel level,
    String parentCode,
    boolean hasBoundary,
    boolean syntheticBoundary) {

  /** The district code (first six digits) of a district or anything below it, else null. */
  public String districtCode() {
    return code.length() >= 6 ? code.substring(0, 6) : null;
  }
}
