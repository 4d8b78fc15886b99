package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An object as the API shows it: contacts masked unless {@code contactsMasked} is false, the risk
 * level with the rule that produced it, and its responsible departments.
 */
record ObjectView(
    long id,
    ObjectKind kind,
    String name,
    String address,
    String uscc,
    String usccOverrideReason,
    Double lon,
    Double lat,
    String districtCode,
    String streetCode,
    String villageCode,
    String gridCode,
    String gridOverrideBy,
    String gridOverrideReason,
    boolean gridDuties,
    String industryCode,
    Scale scale,
    Integer employees,
    Set<HazardFeature> hazards,
    String contactName,
    String contactPhone,
    boolean contactsMasked,
    ObjectStatus status,
    boolean directSupervision,
    DirectSupervisionReason directSupervisionReason,
    LocalDate lastAccidentOn,
    RiskLevel riskLevel,
    RiskLevel computedRiskLevel,
    String riskRule,
    String riskRuleMessageKey,
    RiskLevel riskOverrideLevel,
    String riskOverrideReason,
    String riskOverrideBy,
    List<DepartmentLink> departments,
    boolean missingDepartment,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  static ObjectView of(SupervisedObject o, List<DepartmentLink> departments, boolean reveal) {
    return new ObjectView(
        o.id(),
        o.kind(),
        o.name(),
        o.address(),
        o.uscc(),
        o.usccOverrideReason(),
        o.lon(),
        o.lat(),
        o.districtCode(),
        o.streetCode(),
        o.villageCode(),
        o.gridCode(),
        o.gridOverrideBy(),
        o.gridOverrideReason(),
        o.gridDuties(),
        o.industryCode(),
        o.scale(),
        o.employees(),
        o.hazards(),
        reveal ? o.contactName() : Contacts.maskName(o.contactName()),
        reveal ? o.contactPhone() : Contacts.maskPhone(o.contactPhone()),
        !reveal,
        o.status(),
        o.directSupervision(),
        o.directSupervisionReason(),
        o.lastAccidentOn(),
        o.effectiveRiskLevel(),
        o.riskLevel(),
        o.riskRule(),
        "registry.risk.rule." + o.riskRule(),
        o.riskOverrideLevel(),
        o.riskOverrideReason(),
        o.riskOverrideBy(),
        departments,
        departments != null && departments.isEmpty(),
        o.createdAt(),
        o.updatedAt(),
        o.version());
  }
}
