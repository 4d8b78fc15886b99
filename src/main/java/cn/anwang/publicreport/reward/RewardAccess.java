package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who works rewards: the street administrator reads and assesses the rewards of the street; the
 * district administrator (and the city's) also decides, pays and sees the payee; an objection is
 * reviewed by the level above the district, the city administrator. Everyone else is refused (403);
 * a reward outside the caller's territory does not exist for them (404).
 */
@Component
class RewardAccess {

  static final Set<Role> DESK = Set.of(Role.STREET_ADMIN, Role.DISTRICT_ADMIN, Role.CITY_ADMIN);
  static final Set<Role> DECIDE = Set.of(Role.DISTRICT_ADMIN, Role.CITY_ADMIN);

  private final CurrentActor actors;

  RewardAccess(CurrentActor actors) {
    this.actors = actors;
  }

  Actor desk() {
    Actor actor = actors.require();
    if (!DESK.contains(actor.role())) {
      throw ApiProblems.forbidden("Only street, district and city administrators work rewards");
    }
    return actor;
  }

  Actor decider() {
    Actor actor = actors.require();
    if (!DECIDE.contains(actor.role())) {
      throw ApiProblems.forbidden("Only district and city administrators decide and pay rewards");
    }
    return actor;
  }

  Actor reviewer() {
    Actor actor = actors.require();
    if (actor.role() != Role.CITY_ADMIN) {
      throw ApiProblems.forbidden(
          "An objection is reviewed by the city, the level above the district");
    }
    return actor;
  }
}
