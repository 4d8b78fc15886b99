package cn.anwang.partner.registry;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.partner.refusal.PartnerRejected;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who works the registry: administrators, departments and auditors read it (the registry is
 * city-wide, as qualifications are valid nationwide); the city's and the districts' administrators
 * keep it — a district's administrator the organisations his district registered. Contacts' phones
 * are shown in full only to those who keep the organisation.
 */
@Component
public class PartnerAccess {

  /** Who reads the registry, the engagements of their district and the performance. */
  public static final Set<Role> READ =
      Set.of(
          Role.CITY_ADMIN,
          Role.DISTRICT_ADMIN,
          Role.STREET_ADMIN,
          Role.DEPARTMENT_STAFF,
          Role.AUDITOR);

  private final CurrentActor actors;

  PartnerAccess(CurrentActor actors) {
    this.actors = actors;
  }

  public Actor reader() {
    Actor actor = actors.require();
    if (!READ.contains(actor.role())) {
      throw PartnerRejected.forbidden("partner.rule.registryReaders");
    }
    return actor;
  }

  /** The district an administrator registers organisations for ('12' for the city). */
  String registeringDistrict(Actor actor) {
    if (actor.role() == Role.CITY_ADMIN) {
      return "12";
    }
    if (actor.role() == Role.DISTRICT_ADMIN) {
      return actor.scope().territoryCode().substring(0, 6);
    }
    throw PartnerRejected.forbidden("partner.rule.registryKeepers");
  }

  Actor keeper() {
    Actor actor = actors.require();
    registeringDistrict(actor);
    return actor;
  }

  /** Whether the actor keeps an organisation registered by {@code registeredDistrict}. */
  public static boolean keeps(Actor actor, String registeredDistrict) {
    return actor.role() == Role.CITY_ADMIN
        || actor.role() == Role.DISTRICT_ADMIN
            && actor.scope().territoryCode().startsWith(registeredDistrict);
  }

  static void requireKeeper(Actor actor, String registeredDistrict) {
    if (!keeps(actor, registeredDistrict)) {
      throw PartnerRejected.forbidden("partner.rule.keptBy", registeredDistrict);
    }
  }
}
