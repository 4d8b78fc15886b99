package cn.anwang.registry.object;

import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The object form of the pages, as typed: numbers and dates stay text so that a wrong entry comes
 * back as the person wrote it. Unlike an API {@code PATCH}, the form always shows every field, so
 * an empty checkbox group means "none" and an unticked flag means "no".
 *
 * @param clearGridOverride ticked: place the object by its location again
 * @param clearRiskOverride ticked: use the computed risk level again
 * @param departments the departments set by hand (the rules add theirs)
 */
record ObjectForm(
    Integer version,
    ObjectKind kind,
    String name,
    String address,
    String uscc,
    String usccOverrideReason,
    String lon,
    String lat,
    String crs,
    String districtCode,
    String gridCode,
    String gridOverrideReason,
    Boolean clearGridOverride,
    String industryCode,
    Scale scale,
    String employees,
    Set<HazardFeature> hazards,
    String contactName,
    String contactPhone,
    ObjectStatus status,
    Boolean directSupervision,
    DirectSupervisionReason directSupervisionReason,
    String lastAccidentOn,
    RiskLevel riskOverrideLevel,
    String riskOverrideReason,
    Boolean clearRiskOverride,
    List<String> departments) {

  /** An empty form for a new object. */
  static ObjectForm blank() {
    return new ObjectForm(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "wgs84",
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        EnumSet.noneOf(HazardFeature.class),
        null,
        null,
        ObjectStatus.OPERATING,
        false,
        null,
        null,
        null,
        null,
        false,
        List.of());
  }

  /** The form for an object as it is; masked contacts are left empty (empty keeps them). */
  static ObjectForm of(ObjectView o) {
    return new ObjectForm(
        o.version(),
        o.kind(),
        o.name(),
        o.address(),
        o.uscc(),
        o.usccOverrideReason(),
        o.lon() == null ? null : String.valueOf(o.lon()),
        o.lat() == null ? null : String.valueOf(o.lat()),
        "wgs84",
        o.districtCode(),
        null,
        null,
        false,
        o.industryCode(),
        o.scale(),
        o.employees() == null ? null : String.valueOf(o.employees()),
        o.hazards(),
        o.contactsMasked() ? null : o.contactName(),
        o.contactsMasked() ? null : o.contactPhone(),
        o.status(),
        o.directSupervision(),
        o.directSupervisionReason(),
        o.lastAccidentOn() == null ? null : o.lastAccidentOn().toString(),
        null,
        null,
        false,
        o.departments().stream()
            .filter(d -> d.source() == DepartmentLink.Source.MANUAL)
            .map(DepartmentLink::departmentCode)
            .toList());
  }

  /**
   * The input for the registry.
   *
   * @param revealed whether the contacts were shown in full; if not, empty contacts stay as they
   *     are
   * @throws ObjectRejected when a number or date cannot be read
   */
  ObjectInput toInput(boolean revealed) {
    boolean direct = Boolean.TRUE.equals(directSupervision);
    return new ObjectInput(
        version,
        kind,
        name,
        address,
        uscc,
        usccOverrideReason,
        decimal("lon", lon),
        decimal("lat", lat),
        blankToNull(crs),
        blankToNull(districtCode),
        blankToNull(gridCode),
        gridOverrideReason,
        Boolean.TRUE.equals(clearGridOverride),
        industryCode,
        scale,
        whole("employees", employees),
        hazards == null ? EnumSet.noneOf(HazardFeature.class) : hazards,
        revealed ? contactName : blankToNull(contactName),
        revealed ? contactPhone : blankToNull(contactPhone),
        status,
        direct,
        direct ? directSupervisionReason : null,
        date("lastAccidentOn", lastAccidentOn),
        riskOverrideLevel,
        riskOverrideReason,
        Boolean.TRUE.equals(clearRiskOverride),
        departments == null ? List.of() : departments);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Double decimal(String field, String text) {
    String s = blankToNull(text);
    if (s == null) {
      return null;
    }
    try {
      return Double.valueOf(s);
    } catch (NumberFormatException e) {
      throw ObjectRejected.field(
          field, "'" + s + "' is not a number", "registry.rejected.number", s);
    }
  }

  private static Integer whole(String field, String text) {
    String s = blankToNull(text);
    if (s == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(s);
      if (n < 0) {
        throw ObjectRejected.field(
            field, "'" + s + "' is negative", "registry.rejected.negative", s);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ObjectRejected.field(
          field, "'" + s + "' is not a whole number", "registry.rejected.wholeNumber", s);
    }
  }

  private static LocalDate date(String field, String text) {
    String s = blankToNull(text);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw ObjectRejected.field(
          field, "'" + s + "' is not a date (yyyy-mm-dd)", "registry.rejected.date", s);
    }
  }
}
