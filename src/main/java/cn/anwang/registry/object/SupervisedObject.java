package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A supervised object as stored. Derived fields (division codes, grid, risk level and rule) are
 * computed by {@link ObjectService} from the others on every write.
 *
 * @param id null before the first insert
 * @param streetCode null when the object lies outside every grid and no street is known
 * @param villageCode null when the grid belongs to a street directly or the object is outside grids
 * @param divisionCode the most specific of village, street and district: the scope key
 * @param gridCode null when outside every grid
 * @param gridOverrideBy username of who placed the object in its grid by hand, or null
 * @param uscc null for objects without a code (households, small venues)
 * @param usccOverrideReason non-null exactly when the code fails its checks and was kept anyway
 * @param lon WGS-84, null when the location is unknown (then {@code lat} is null too)
 * @param contactPhone stored in full; masked on output for roles that may not see it
 * @param riskLevel computed by {@link RiskRules}
 * @param riskOverrideLevel a person's level that replaces the computed one, or null
 */
record SupervisedObject(
    Long id,
    String districtCode,
    String streetCode,
    String villageCode,
    String divisionCode,
    String gridCode,
    String gridOverrideBy,
    String gridOverrideReason,
    ObjectKind kind,
    String uscc,
    String usccOverrideReason,
    String name,
    String address,
    Double lon,
    Double lat,
    String industryCode,
    Scale scale,
    Integer employees,
    Set<HazardFeature> hazards,
    String contactName,
    String contactPhone,
    ObjectStatus status,
    boolean directSupervision,
    DirectSupervisionReason directSupervisionReason,
    LocalDate lastAccidentOn,
    RiskLevel riskLevel,
    String riskRule,
    RiskLevel riskOverrideLevel,
    String riskOverrideReason,
    String riskOverrideBy,
    Instant createdAt,
    Instant updatedAt,
    int version) {

  SupervisedObject {
    hazards = hazards == null ? Set.of() : Set.copyOf(hazards);
  }

  /** This object under the given id (an import takes its ids before it writes). */
  SupervisedObject withId(long newId) {
    return new SupervisedObject(
        newId,
        districtCode,
        streetCode,
        villageCode,
        divisionCode,
        gridCode,
        gridOverrideBy,
        gridOverrideReason,
        kind,
        uscc,
        usccOverrideReason,
        name,
        address,
        lon,
        lat,
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
        riskLevel,
        riskRule,
        riskOverrideLevel,
        riskOverrideReason,
        riskOverrideBy,
        createdAt,
        updatedAt,
        version);
  }

  /** The level that counts: the override when there is one, else the computed level. */
  RiskLevel effectiveRiskLevel() {
    return riskOverrideLevel != null ? riskOverrideLevel : riskLevel;
  }

  /** Whether officers of the grid have duties for this object (not under direct supervision). */
  boolean gridDuties() {
    return !directSupervision && gridCode != null;
  }
}
