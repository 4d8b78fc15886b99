package cn.anwang.workforce.officer;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;

/**
 * Who may see and change workforce data. Everything is scoped by the division the officer (or grid,
 * or course) belongs to:
 *
 * <ul>
 *   <li>administrators (city, district, street) see and manage everything in their territory;
 *   <li>auditors and department staff see their territory, read-only;
 *   <li>grid officers see their own record only (and their own tasks elsewhere);
 *   <li>third parties and enterprise users see nothing here.
 * </ul>
 *
 * Phone numbers are shown in full only to administrators of the officer's territory (each such read
 * is audited); the ID number is never shown in full to anyone, only its last four characters.
 */
public final class WorkforcePolicy {

  private WorkforcePolicy() {}

  /** Whether the actor may read workforce data of this division (officer, grid, street…). */
  public static boolean sees(Actor actor, String divisionCode) {
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR, DEPARTMENT_STAFF ->
          actor.covers(divisionCode);
      default -> false;
    };
  }

  /** Whether the actor may see this officer: {@link #sees} the division, or it is themselves. */
  public static boolean seesOfficer(Actor actor, Officer officer) {
    return sees(actor, officer.divisionCode())
        || (officer.userId() != null && officer.userId() == actor.userId());
  }

  /** Whether the actor may create, change and assign officers (and training) of this division. */
  public static boolean manages(Actor actor, String divisionCode) {
    return actor.role().isAdministrator() && actor.covers(divisionCode);
  }

  /** Whether the actor sees officers' phone numbers in full (audited). */
  public static boolean revealsPhone(Actor actor) {
    return actor.role().isAdministrator();
  }

  /** Whether the actor may change staffing norms and workload weights (city or district). */
  public static boolean setsNorms(Actor actor) {
    return actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN;
  }
}
