package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An object's fields as sent to the API: everything for a create ({@code POST}); for a {@code
 * PATCH} only what changes (null leaves a field as it is) plus the version that was read.
 *
 * @param crs the system {@code lon}/{@code lat} are in: wgs84 (default), gcj02 or bd09
 * @param districtCode the district, needed only when the location lies outside every grid and the
 *     caller's territory is wider than one district
 * @param gridCode a grid chosen by hand instead of the one the location gives; needs {@code
 *     gridOverrideReason}
 * @param directSupervisionReason non-null puts the object under direct district supervision
 * @param departments departments set by hand, in addition to those the rules give
 */
record ObjectInput(
    Integer version,
    ObjectKind kind,
    @Size(max = 200) String name,
    @Size(max = 300) String address,
    @Size(max = 40) String uscc,
    @Size(max = 500) String usccOverrideReason,
    Double lon,
    Double lat,
    @Schema(allowableValues = {"wgs84", "gcj02", "bd09"}) String crs,
    @Size(max = 6) String districtCode,
    @Size(max = 64) String gridCode,
    @Size(max = 500) String gridOverrideReason,
    Boolean clearGridOverride,
    @Size(max = 12) String industryCode,
    Scale scale,
    @PositiveOrZero Integer employees,
    Set<HazardFeature> hazards,
    @Size(max = 100) String contactName,
    @Size(max = 40) String contactPhone,
    ObjectStatus status,
    Boolean directSupervision,
    DirectSupervisionReason directSupervisionReason,
    LocalDate lastAccidentOn,
    RiskLevel riskOverrideLevel,
    @Size(max = 500) String riskOverrideReason,
    Boolean clearRiskOverride,
    List<@Size(max = 64) String> departments) {

  /** This input without its code (an import reports a bad code and goes on checking the row). */
  ObjectInput withoutUscc() {
    return new ObjectInput(
        version,
        kind,
        name,
        address,
        null,
        null,
        lon,
        lat,
        crs,
        districtCode,
        gridCode,
        gridOverrideReason,
        clearGridOverride,
        industryCode,
        scale,
        employees,
        hazards,
        contactName,
        contactPhone,
        status,
        directSupervision,
        directSupervisionReason,
        lastAccidentOn,
        riskOverrideLevel,
        riskOverrideReason,
        clearRiskOverride,
        departments);
  }

  /** This input without its industry code. */
  ObjectInput withoutIndustry() {
    return new ObjectInput(
        version,
        kind,
        name,
        address,
        uscc,
        usccOverrideReason,
        lon,
        lat,
        crs,
        districtCode,
        gridCode,
        gridOverrideReason,
        clearGridOverride,
        null,
        scale,
        employees,
        hazards,
        contactName,
        contactPhone,
        status,
        directSupervision,
        directSupervisionReason,
        lastAccidentOn,
        riskOverrideLevel,
        riskOverrideReason,
        clearRiskOverride,
        departments);
  }
}
