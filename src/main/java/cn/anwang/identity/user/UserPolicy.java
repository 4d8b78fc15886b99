package cn.anwang.identity.user;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Territories;
import cn.anwang.identity.Territories.Territory;

/**
 * Who may administer which users. Pure rules, no Spring: an administrator (city, district or
 * street) manages users inside their own territory, grants no role above their own, and places
 * users only on existing divisions of the level the role needs.
 */
final class UserPolicy {

  static final int MIN_PASSWORD_LENGTH = 10;
  static final int MAX_PASSWORD_LENGTH = 128;

  private final Territories territories;

  UserPolicy(Territories territories) {
    this.territories = territories;
  }

  void requireAdministrator(Actor manager) {
    if (!manager.role().isAdministrator()) {
      throw UserAdministrationException.notAnAdministrator();
    }
  }

  /**
   * A user outside the manager's territory is reported as not found, so that nobody learns which
   * accounts exist elsewhere.
   */
  void requireManageable(Actor manager, User target) {
    requireAdministrator(manager);
    if (!manager.scope().covers(target.territoryCode())) {
      throw UserAdministrationException.notFound(target.id());
    }
    if (!manager.role().mayGrant(target.role())) {
      throw UserAdministrationException.userAboveOwn(target.role(), manager.role());
    }
  }

  /** Checks that {@code role} on {@code territoryCode} may be granted by the manager. */
  Territory requireAssignable(Actor manager, Role role, String territoryCode) {
    requireAdministrator(manager);
    if (!manager.role().mayGrant(role)) {
      throw UserAdministrationException.roleAboveOwn(role, manager.role());
    }
    if (!manager.scope().covers(territoryCode)) {
      throw UserAdministrationException.territoryOutsideScope(
          territoryCode, manager.scope().territoryCode());
    }
    Territory territory =
        territories
            .find(territoryCode)
            .orElseThrow(() -> UserAdministrationException.unknownTerritory(territoryCode));
    if (!role.allowsTerritoryLevel(territory.level())) {
      throw UserAdministrationException.territoryLevelMismatch(
          role, territoryCode, territory.level());
    }
    return territory;
  }

  void requireNotSelf(Actor manager, User target) {
    if (target.id() != null && target.id() == manager.userId()) {
      throw UserAdministrationException.cannotDisableYourself();
    }
  }

  static void requireStrongPassword(String password, String username) {
    if (password == null
        || password.length() < MIN_PASSWORD_LENGTH
        || password.length() > MAX_PASSWORD_LENGTH
        || password.isBlank()
        || password.equalsIgnoreCase(username)) {
      throw UserAdministrationException.weakPassword(MIN_PASSWORD_LENGTH);
    }
  }
}
