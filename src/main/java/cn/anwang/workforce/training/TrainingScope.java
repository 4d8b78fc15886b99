package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.workforce.officer.WorkforcePolicy;

/**
 * Who sees and manages training. Courses, sessions and plans belong to a district (a course may be
 * city-wide): anyone who {@link WorkforcePolicy#sees sees} workforce data and whose territory lies
 * in that district (or contains it) sees them; administrators manage sessions and attendance of
 * their district (a street administrator for the officers of their street); courses and plans are
 * the district administrator's (city-wide courses the city administrator's).
 */
final class TrainingScope {

  private TrainingScope() {}

  /** The district the actor belongs to, or null for a city-wide territory. */
  static String districtOf(Actor actor) {
    String territory = actor.scope().territoryCode();
    return territory.length() >= 6 ? territory.substring(0, 6) : null;
  }

  /** Whether the actor's territory and the district overlap (one contains the other). */
  static boolean overlaps(Actor actor, String districtCode) {
    String territory = actor.scope().territoryCode();
    return districtCode != null
        && (districtCode.startsWith(territory) || territory.startsWith(districtCode));
  }

  /** Whether the actor sees the district's training (sessions, plan, district courses). */
  static boolean seesDistrict(Actor actor, String districtCode) {
    return WorkforcePolicy.sees(actor, actor.scope().territoryCode())
        && overlaps(actor, districtCode);
  }

  /** Whether the actor holds sessions and records attendance in the district. */
  static boolean runsSessions(Actor actor, String districtCode) {
    return actor.role().isAdministrator() && overlaps(actor, districtCode);
  }

  /** Whether the actor edits the district's courses and annual plan. */
  static boolean plans(Actor actor, String districtCode) {
    return (actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN)
        && actor.covers(districtCode);
  }

  /** Whether the actor sees the course: city-wide, or of a district they see. */
  static boolean seesCourse(Actor actor, String courseDistrict) {
    return courseDistrict == null || overlaps(actor, courseDistrict);
  }

  /** Whether the actor edits the course: city-wide ones the city administrator. */
  static boolean editsCourse(Actor actor, String courseDistrict) {
    return courseDistrict == null ? actor.role() == Role.CITY_ADMIN : plans(actor, courseDistrict);
  }
}
