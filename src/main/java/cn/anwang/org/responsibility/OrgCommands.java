package cn.anwang.org.responsibility;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What the API and the pages send to create or change departments and rules. */
final class OrgCommands {

  private OrgCommands() {}

  static final String KEY_PATTERN = "[A-Z][A-Z0-9]{0,15}";

  /**
   * A new department, or changes to one (key and district then stay as they are and may be left
   * out).
   *
   * @param key short key, e.g. {@code YJ}; the code becomes {@code <district or 12>-<key>}
   * @param districtCode 6-digit district, blank or null for a city-level department
   * @param dutyIndustries GB/T 4754 section letters or 2–4 digit prefixes
   * @param dutyHazards {@code HazardFeature} names
   * @param dutyKinds {@code ObjectKind} names
   * @param fallback whether objects no rule matches in its district go to it
   * @param version for changes: the version read (409 when stale); null skips the check
   */
  record DepartmentDraft(
      @Pattern(regexp = KEY_PATTERN, message = "must be 1–16 upper-case letters or digits")
          String key,
      @NotBlank @Size(max = 100) String name,
      String districtCode,
      List<String> dutyIndustries,
      List<String> dutyHazards,
      List<String> dutyKinds,
      Boolean fallback,
      Integer version) {

    boolean isFallback() {
      return Boolean.TRUE.equals(fallback);
    }
  }

  /**
   * A new rule, or the full new state of one.
   *
   * @param districtCode 6-digit district, blank or null for a city-wide rule
   * @param priority 0–9999, lower first
   * @param industryPrefixes GB/T 4754 section letters or 2–4 digit prefixes; any of them
   * @param hazards {@code HazardFeature} names; any of them
   * @param kinds {@code ObjectKind} names; any of them
   * @param departmentKey the key of the responsible department
   * @param version for changes: the version read (409 when stale); null skips the check
   */
  record RuleDraft(
      String districtCode,
      @NotNull @Min(0) @Max(9999) Integer priority,
      List<String> industryPrefixes,
      List<String> hazards,
      List<String> kinds,
      @NotBlank
          @Pattern(regexp = KEY_PATTERN, message = "must be 1–16 upper-case letters or digits")
          String departmentKey,
      @Size(max = 500) String note,
      Integer version) {}

  /** What a proposed rule change is. */
  enum ChangeKind {
    CREATE,
    UPDATE,
    DEACTIVATE
  }

  /**
   * A proposed change to preview.
   *
   * @param change create, update or deactivate
   * @param ruleId the rule to update or deactivate
   * @param rule the new rule (create) or its new state (update); ignored for deactivate
   */
  record ProposedChange(@NotNull ChangeKind change, Long ruleId, RuleDraft rule) {}
}
