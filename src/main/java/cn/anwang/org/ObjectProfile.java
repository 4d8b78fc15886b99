package cn.anwang.org;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.Objects;
import java.util.Set;

/**
 * What the responsibility rules look at in a supervised object.
 *
 * @param districtCode the object's district (6 digits), never null
 * @param kind the object's kind, never null
 * @param industryCode GB/T 4754-2017 code ({@code "2614"}, {@code "47"}, optionally with its
 *     section letter, {@code "C2614"}), or null when unknown
 * @param hazards hazard features, never null (empty when none)
 */
public record ObjectProfile(
    String districtCode, ObjectKind kind, String industryCode, Set<HazardFeature> hazards) {

  public ObjectProfile {
    Objects.requireNonNull(districtCode, "districtCode");
    Objects.requireNonNull(kind, "kind");
    hazards = hazards == null ? Set.of() : Set.copyOf(hazards);
    industryCode = industryCode == null || industryCode.isBlank() ? null : industryCode.strip();
  }
}
