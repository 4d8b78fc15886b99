package cn.anwang.identity.user;

import cn.anwang.identity.Role;

/**
 * A user administration rule was broken. Carries what the API needs for a problem response and what
 * a page needs for a localised message (a message key and its arguments, and the form field at
 * fault, if any).
 */
final class UserAdministrationException extends RuntimeException {

  /** How the rule failed, which decides the HTTP status. */
  enum Kind {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    INVALID
  }

  private final Kind kind;
  private final String messageKey;
  private final Object[] arguments;
  private final String field;

  private UserAdministrationException(
      Kind kind, String detail, String messageKey, String field, Object... arguments) {
    super(detail);
    this.kind = kind;
    this.messageKey = messageKey;
    this.field = field;
    this.arguments = arguments;
  }

  static UserAdministrationException notFound(long id) {
    return new UserAdministrationException(
        Kind.NOT_FOUND,
        "User " + id + " does not exist or is outside your territory",
        "identity.error.notFound",
        null,
        id);
  }

  static UserAdministrationException notAnAdministrator() {
    return new UserAdministrationException(
        Kind.FORBIDDEN,
        "Only city, district and street administrators manage users",
        "identity.error.notAnAdministrator",
        null);
  }

  static UserAdministrationException roleAboveOwn(Role granted, Role own) {
    return new UserAdministrationException(
        Kind.FORBIDDEN,
        "You cannot grant the role " + granted + ": it is above your own role " + own,
        "identity.error.roleAboveOwn",
        "role",
        granted,
        own);
  }

  static UserAdministrationException userAboveOwn(Role theirs, Role own) {
    return new UserAdministrationException(
        Kind.FORBIDDEN,
        "You cannot manage a user whose role " + theirs + " is above your own role " + own,
        "identity.error.userAboveOwn",
        null,
        theirs,
        own);
  }

  static UserAdministrationException territoryOutsideScope(String code, String own) {
    return new UserAdministrationException(
        Kind.FORBIDDEN,
        "The territory " + code + " lies outside your territory " + own,
        "identity.error.territoryOutsideScope",
        "territoryCode",
        code,
        own);
  }

  static UserAdministrationException unknownTerritory(String code) {
    return new UserAdministrationException(
        Kind.INVALID,
        "There is no division with the code " + code,
        "identity.error.unknownTerritory",
        "territoryCode",
        code);
  }

  static UserAdministrationException territoryLevelMismatch(Role role, String code, String level) {
    return new UserAdministrationException(
        Kind.INVALID,
        "The role " + role + " cannot be placed on " + code + ", a division of level " + level,
        "identity.error.territoryLevel",
        "territoryCode",
        role,
        code,
        level);
  }

  static UserAdministrationException usernameTaken(String username) {
    return new UserAdministrationException(
        Kind.CONFLICT,
        "The username '" + username + "' is already taken",
        "identity.error.usernameTaken",
        "username",
        username);
  }

  static UserAdministrationException weakPassword(int minimumLength) {
    return new UserAdministrationException(
        Kind.INVALID,
        "The password must have at least "
            + minimumLength
            + " characters and differ from the"
            + " username",
        "identity.error.weakPassword",
        "password",
        minimumLength);
  }

  static UserAdministrationException cannotDisableYourself() {
    return new UserAdministrationException(
        Kind.FORBIDDEN, "You cannot disable your own account", "identity.error.disableSelf", null);
  }

  static UserAdministrationException changedConcurrently(long id) {
    return new UserAdministrationException(
        Kind.CONFLICT,
        "User " + id + " was changed by someone else meanwhile; reload and try again",
        "identity.error.concurrent",
        null,
        id);
  }

  Kind kind() {
    return kind;
  }

  String messageKey() {
    return messageKey;
  }

  Object[] arguments() {
    return arguments.clone();
  }

  /** The form field at fault, or null when the whole request is. */
  String field() {
    return field;
  }
}
