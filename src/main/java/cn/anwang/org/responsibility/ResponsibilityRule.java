package cn.anwang.org.responsibility;

import cn.anwang.org.ObjectProfile;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A responsibility rule: when an object matches every non-empty condition (any of the industry
 * prefixes, any of the hazards, any of the kinds), the department with {@code departmentKey} is
 * responsible for it.
 *
 * @param id database id, null before it is stored
 * @param districtCode the district it applies in, null for city-wide
 * @param priority lower first; orders the departments of an object
 * @param seedKey the shipped default it came from, or null
 */
record ResponsibilityRule(
    Long id,
    String districtCode,
    int priority,
    List<String> industryPrefixes,
    Set<HazardFeature> hazards,
    Set<ObjectKind> kinds,
    String departmentKey,
    boolean active,
    String note,
    String seedKey,
    int version) {

  ResponsibilityRule {
    industryPrefixes = List.copyOf(industryPrefixes);
    hazards = Set.copyOf(hazards);
    kinds = Set.copyOf(kinds);
  }

  boolean cityWide() {
    return districtCode == null;
  }

  boolean seeded() {
    return seedKey != null;
  }

  /** Whether the rule is active, applies in the object's district and all conditions hold. */
  boolean matches(ObjectProfile object) {
    return active
        && (districtCode == null || districtCode.equals(object.districtCode()))
        && (kinds.isEmpty() || kinds.contains(object.kind()))
        && (hazards.isEmpty() || object.hazards().stream().anyMatch(hazards::contains))
        && (industryPrefixes.isEmpty()
            || industryPrefixes.stream()
                .anyMatch(p -> IndustryCodes.matches(object.industryCode(), p)));
  }

  /** Which conditions held for a matching object, for people to read. */
  String explain(ObjectProfile object) {
    List<String> parts = new ArrayList<>();
    if (!industryPrefixes.isEmpty()) {
      parts.add(
          "industry "
              + object.industryCode()
              + " under "
              + industryPrefixes.stream()
                  .filter(p -> IndustryCodes.matches(object.industryCode(), p))
                  .collect(Collectors.joining("/")));
    }
    if (!hazards.isEmpty()) {
      parts.add(
          "hazard "
              + object.hazards().stream()
                  .filter(hazards::contains)
                  .map(Enum::name)
                  .sorted()
                  .collect(Collectors.joining("/")));
    }
    if (!kinds.isEmpty()) {
      parts.add("kind " + object.kind().name());
    }
    if (parts.isEmpty()) {
      parts.add("no conditions (matches everything)");
    }
    return "rule "
        + id
        + " ("
        + (districtCode == null ? "city-wide" : "district " + districtCode)
        + ", priority "
        + priority
        + "): "
        + String.join("; ", parts);
  }

  ResponsibilityRule withId(long newId) {
    return new ResponsibilityRule(
        newId,
        districtCode,
        priority,
        industryPrefixes,
        hazards,
        kinds,
        departmentKey,
        active,
        note,
        seedKey,
        version);
  }

  ResponsibilityRule deactivated() {
    return new ResponsibilityRule(
        id,
        districtCode,
        priority,
        industryPrefixes,
        hazards,
        kinds,
        departmentKey,
        false,
        note,
        seedKey,
        version);
  }
}
