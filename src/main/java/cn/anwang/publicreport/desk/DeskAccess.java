package cn.anwang.publicreport.desk;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who works the report desk: the street administrators of the report's street and the district and
 * city administrators above it. Everyone else is refused (403); a report outside the caller's
 * territory does not exist for them (404).
 */
@Component
class DeskAccess {

  static final Set<Role> DESK = Set.of(Role.STREET_ADMIN, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);

  private final CurrentActor actors;

  DeskAccess(CurrentActor actors) {
    this.actors = actors;
  }

  Actor require() {
    Actor actor = actors.require();
    if (!DESK.contains(actor.role())) {
      throw ApiProblems.forbidden(
          "Only street, district and city administrators work public reports");
    }
    return actor;
  }
}
