package cn.anwang.org.responsibility;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees and changes departments and rules. Everyone sees the city-level ones and those of their
 * own district (the whole city from the city level); the city administrator changes any, a district
 * administrator those of their district. Anything in another district is invisible (404), visible
 * but not theirs to change is forbidden (403).
 */
final class OrgPolicy {

  private OrgPolicy() {}

  /** The district the actor's territory lies in, or null when it is the whole city. */
  static String districtOf(Actor actor) {
    String territory = actor.scope().territoryCode();
    return territory.length() >= 6 ? territory.substring(0, 6) : null;
  }

  /** Whether the actor sees things of this district (null: city level). */
  static boolean sees(Actor actor, String districtCode) {
    String own = districtOf(actor);
    return districtCode == null || own == null || own.equals(districtCode);
  }

  /** Whether the actor may change things of this district (null: city level). */
  static boolean mayChange(Actor actor, String districtCode) {
    return actor.role() == Role.CITY_ADMIN
        || (actor.role() == Role.DISTRICT_ADMIN
            && districtCode != null
            && districtCode.equals(actor.scope().territoryCode()));
  }

  /** Whether the actor may change anything at all (shows the forms). */
  static boolean mayChangeAny(Actor actor) {
    return actor.role() == Role.CITY_ADMIN || actor.role() == Role.DISTRICT_ADMIN;
  }

  static void requireMayChange(Actor actor, String districtCode) {
    if (!mayChange(actor, districtCode)) {
      throw new AccessDeniedException(
          districtCode == null
              ? "Only the city administrator changes city-level departments and rules"
              : "Only the city administrator or the district's administrator may change this");
    }
  }
}
