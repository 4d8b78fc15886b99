package cn.anwang.org;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import java.util.Set;

/**
 * A department with safety-supervision duty.
 *
 * @param code stable code, {@code <district>-<key>} ({@code 120101-YJ}) or {@code 12-<key>} for a
 *     city-level department; users carry it as their department code
 * @param key short key shared by the same department in every district ({@code YJ} 应急管理局)
 * @param name Chinese name
 * @param districtCode the district (6 digits), or null for a city-level department
 * @param dutyIndustries GB/T 4754 section letters or code prefixes the department supervises
 * @param dutyHazards hazard features the department supervises
 * @param dutyKinds object kinds the department supervises
 * @param fallback whether objects that no rule matches fall to it in its district
 * @param active whether it takes responsibilities; inactive ones are kept for history
 * @param seeded whether it came from the shipped defaults (editable like any other)
 * @param version row version, bumped by every change
 */
public record Department(
    String code,
    String key,
    String name,
    String districtCode,
    List<String> dutyIndustries,
    Set<HazardFeature> dutyHazards,
    Set<ObjectKind> dutyKinds,
    boolean fallback,
    boolean active,
    boolean seeded,
    int version) {

  /** The territory code of the city. */
  public static final String CITY = "12";

  /** Whether this is a city-level department. */
  public boolean cityLevel() {
    return districtCode == null;
  }

  /** The code a department with this key has in a district, or at city level when null. */
  public static String codeOf(String districtCode, String key) {
    return (districtCode == null ? CITY : districtCode) + "-" + key;
  }
}
