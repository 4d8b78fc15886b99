package cn.anwang.inspection.checklist;

import java.time.Instant;
import java.util.List;

/**
 * One version of a checklist.
 *
 * @param districtCode the district that owns it, or null for a city-wide checklist
 * @param kinds object kinds it applies to
 * @param industries industry code prefixes it applies to
 * @param hazards hazard features it applies to
 * @param example a shipped starter checklist (示例，可编辑)
 * @param current whether this is the version new inspections use
 */
public record Checklist(
    long id,
    String code,
    int version,
    String name,
    String districtCode,
    List<String> kinds,
    List<String> industries,
    List<String> hazards,
    boolean example,
    boolean current,
    List<ChecklistItem> items,
    String createdBy,
    Instant createdAt) {

  /** The item with this key, or null. */
  public ChecklistItem item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst().orElse(null);
  }

  /**
   * How well this checklist fits an object (higher is better, negative: not at all): a hazard match
   * beats an industry match beats a kind match beats a general checklist; a district's own
   * checklist beats a city-wide one of the same fit.
   */
  public int fit(String kind, String industryCode, List<String> objectHazards, String district) {
    if (districtCode != null && !districtCode.equals(district)) {
      return -1;
    }
    int own = districtCode != null ? 1 : 0;
    if (!hazards.isEmpty()) {
      return objectHazards.stream().anyMatch(hazards::contains) ? 40 + own : -1;
    }
    if (!industries.isEmpty()) {
      return industryCode != null && industries.stream().anyMatch(industryCode::startsWith)
          ? 30 + own
          : -1;
    }
    if (!kinds.isEmpty()) {
      return kinds.contains(kind) ? 20 + own : -1;
    }
    return 10 + own;
  }
}
