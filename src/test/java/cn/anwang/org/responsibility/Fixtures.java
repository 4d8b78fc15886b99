package cn.anwang.org.responsibility;

import cn.anwang.org.Department;
import cn.anwang.org.ObjectProfile;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.List;
import java.util.Set;

/** Small builders for departments, rules and objects in unit tests. */
final class Fixtures {

  static final String HEPING = "120101";
  static final String XIQING = "120111";

  private Fixtures() {}

  static Department department(String district, String key, boolean fallback) {
    return new Department(
        Department.codeOf(district, key),
        key,
        key + "@" + (district == null ? "12" : district),
        district,
        List.of(),
        Set.of(),
        Set.of(),
        fallback,
        true,
        false,
        0);
  }

  static Department inactive(Department d) {
    return new Department(
        d.code(),
        d.key(),
        d.name(),
        d.districtCode(),
        d.dutyIndustries(),
        d.dutyHazards(),
        d.dutyKinds(),
        d.fallback(),
        false,
        d.seeded(),
        d.version());
  }

  static ResponsibilityRule rule(
      long id,
      String district,
      int priority,
      List<String> industries,
      Set<HazardFeature> hazards,
      Set<ObjectKind> kinds,
      String key) {
    return new ResponsibilityRule(
        id, district, priority, industries, hazards, kinds, key, true, null, null, 0);
  }

  static ObjectProfile object(
      String district, ObjectKind kind, String industry, HazardFeature... hazards) {
    return new ObjectProfile(district, kind, industry, Set.of(hazards));
  }
}
