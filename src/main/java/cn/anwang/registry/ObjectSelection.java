package cn.anwang.registry;

import java.util.List;

/**
 * Objects chosen by what they are and where (a document's targets): the operating and suspended
 * objects, never closed ones, matching every criterion given (an empty list means any). Unscoped:
 * callers put the caller's territory into {@code divisionPrefixes}.
 */
public interface ObjectSelection {

  /** How many objects match. */
  int count(Criteria criteria);

  /** The matching objects with their place, by id. */
  List<Placed> matching(Criteria criteria);

  /** An object's id and the codes that scope it. */
  record Placed(
      long id, String districtCode, String streetCode, String divisionCode, String gridCode) {}

  /**
   * @param divisionPrefixes division codes whose subtrees are chosen (a district, street or
   *     village)
   * @param gridCodes grids chosen
   * @param industryCodes GB/T 4754 codes or their prefixes (a section letter is not one)
   * @param kinds object kinds (SMALL_SHOP, ENTERPRISE, …)
   * @param riskLevels effective risk levels (the override first)
   */
  record Criteria(
      List<String> divisionPrefixes,
      List<String> gridCodes,
      List<String> industryCodes,
      List<String> kinds,
      List<String> riskLevels) {

    public Criteria {
      divisionPrefixes = copy(divisionPrefixes);
      gridCodes = copy(gridCodes);
      industryCodes = copy(industryCodes);
      kinds = copy(kinds);
      riskLevels = copy(riskLevels);
    }

    private static List<String> copy(List<String> values) {
      return values == null ? List.of() : List.copyOf(values);
    }
  }
}
