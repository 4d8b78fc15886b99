package cn.anwang.registry;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Supervised objects as other modules read them (unscoped: callers check the scope). */
public interface SupervisedObjects {

  /** The object with this id, with its place and responsible departments. */
  Optional<ObjectRef> find(long id);

  /**
   * Up to {@code limit} objects placed in these grids that are not closed, by grid code and name
   * (unscoped: callers check the scope).
   */
  List<ObjectRef> inGrids(Collection<String> gridCodes, int limit);

  /**
   * Up to {@code limit} ids of operating objects in a district that are not directly supervised,
   * spread over the district (a fixed sample: the same database gives the same ids).
   */
  List<Long> sampleIds(String districtCode, int limit);

  /**
   * An object's identity, place and responsibility.
   *
   * @param divisionCode the most specific division (village, street or district): the scope key
   * @param departmentCodes the responsible departments, rule-derived and manual, by code
   * @param riskLevel the effective risk level (override first): RED, ORANGE, YELLOW or BLUE
   */
  record ObjectRef(
      long id,
      String name,
      String address,
      String kind,
      String districtCode,
      String streetCode,
      String villageCode,
      String divisionCode,
      String gridCode,
      Double lon,
      Double lat,
      String status,
      String riskLevel,
      boolean directSupervision,
      List<String> departmentCodes) {}
}
