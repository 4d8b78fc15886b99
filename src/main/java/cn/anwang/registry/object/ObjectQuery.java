package cn.anwang.registry.object;

import cn.anwang.shared.supervision.ObjectKind;

/**
 * Filters of the object search; every one may be null (no filter).
 *
 * @param q text in the name, address or USCC
 * @param industry an industry code prefix (section letters are not prefixes of codes: {@code C}
 *     matches nothing but {@code C} itself)
 * @param risk the effective risk level
 * @param department a responsible department's code
 * @param grid a grid code
 * @param division a street or village code (the object's subtree)
 * @param outsideGrids true: only objects outside every grid
 * @param missingDepartment true: only objects no department is responsible for (an error the
 *     district must fix)
 */
record ObjectQuery(
    String q,
    ObjectKind kind,
    String industry,
    RiskLevel risk,
    String department,
    String grid,
    String division,
    ObjectStatus status,
    Boolean directSupervision,
    Boolean outsideGrids,
    Boolean missingDepartment) {

  static ObjectQuery all() {
    return new ObjectQuery(null, null, null, null, null, null, null, null, null, null, null);
  }
}
