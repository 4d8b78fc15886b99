package cn.anwang.casework.cases;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;

/**
 * Who sees a case and who may do what to it.
 *
 * <ul>
 *   <li><b>see</b>: administrators, auditors and grid officers of the case's place; department
 *       staff when their department handles it; anyone the case's reporter is;
 *   <li><b>report</b>: every role but auditors and enterprise users, inside their territory;
 *   <li><b>dispatch</b> (register, void, dispatch, decide extensions, close): the street
 *       administrator of the case's street and the district or city administrator above it; a major
 *       hazard is closed by the district or city only;
 *   <li><b>handle</b> (accept, return, evidence, plan, feedback, ask for an extension): the handler
 *       — staff of the department, or the administrator of the street, it was dispatched to;
 *   <li><b>re-inspect</b>: grid officers and the street administrator of the case's place;
 *   <li><b>supervise</b>: the district administrator (level DISTRICT) or the city (CITY);
 *   <li><b>stop order</b>: grid officers and administrators of the place; <b>penalty</b>: an
 *       officer with enforcement power, or staff of the handling department.
 * </ul>
 */
final class CasePolicy {

  private CasePolicy() {}

  static boolean sees(Actor a, SafetyCase c) {
    if (c.reporterUserId != null && c.reporterUserId == a.userId()) {
      return true;
    }
    return switch (a.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR, STREET_OFFICER, VILLAGE_OFFICER ->
          a.covers(c.divisionCode);
      case DEPARTMENT_STAFF -> handlesAsDepartment(a, c);
      case THIRD_PARTY, ENTERPRISE_USER -> false;
    };
  }

  static boolean mayReport(Actor a, String divisionCode) {
    return a.role() != Role.AUDITOR && a.role() != Role.ENTERPRISE_USER && a.covers(divisionCode);
  }

  static boolean dispatches(Actor a, SafetyCase c) {
    return switch (a.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN -> a.covers(c.divisionCode);
      case STREET_ADMIN -> a.covers(c.divisionCode);
      default -> false;
    };
  }

  static boolean closes(Actor a, SafetyCase c) {
    if (c.type == CaseType.MAJOR_HAZARD) {
      return (a.role() == Role.CITY_ADMIN || a.role() == Role.DISTRICT_ADMIN)
          && a.covers(c.divisionCode);
    }
    return dispatches(a, c);
  }

  static boolean handles(Actor a, SafetyCase c) {
    if (c.handlerType == null) {
      return false;
    }
    return switch (c.handlerType) {
      case DEPARTMENT -> handlesAsDepartment(a, c);
      case STREET ->
          a.role() == Role.STREET_ADMIN && c.handlerCode.equals(a.scope().territoryCode());
      case ENTERPRISE -> false;
    };
  }

  static boolean reinspects(Actor a, SafetyCase c) {
    return switch (a.role()) {
      case STREET_OFFICER, VILLAGE_OFFICER, STREET_ADMIN -> a.covers(c.divisionCode);
      default -> false;
    };
  }

  /** The supervision level the actor may impose on the case, or null. */
  static String supervisionLevel(Actor a, SafetyCase c) {
    if (!a.covers(c.divisionCode)) {
      return null;
    }
    return switch (a.role()) {
      case DISTRICT_ADMIN -> "DISTRICT";
      case CITY_ADMIN -> "CITY";
      default -> null;
    };
  }

  static boolean ordersStop(Actor a, SafetyCase c) {
    return switch (a.role()) {
      case STREET_OFFICER, VILLAGE_OFFICER, STREET_ADMIN, DISTRICT_ADMIN, CITY_ADMIN ->
          a.covers(c.divisionCode);
      default -> false;
    };
  }

  private static boolean handlesAsDepartment(Actor a, SafetyCase c) {
    return a.role() == Role.DEPARTMENT_STAFF
        && c.handlerType == HandlerType.DEPARTMENT
        && c.handlerCode != null
        && c.handlerCode.equals(a.scope().departmentCode());
  }
}
