package cn.anwang.identity.user;

import cn.anwang.identity.Role;
import java.time.Instant;
import java.util.Locale;

/**
 * A person who logs in: the aggregate behind {@code app_user}. State changes are methods that keep
 * the row consistent (a reset password also lifts a lock); the rules about who may make them live
 * in {@link UserPolicy}.
 */
final class User {

  private final Long id;
  private final String username;
  private final Instant createdAt;
  private final int version;
  private String passwordHash;
  private String displayName;
  private Role role;
  private String territoryCode;
  private String departmentCode;
  private boolean enabled;
  private int failedAttempts;
  private Instant lockedUntil;
  private String email;
  private String language;

  User(
      Long id,
      String username,
      String passwordHash,
      String displayName,
      Role role,
      String territoryCode,
      String departmentCode,
      boolean enabled,
      int failedAttempts,
      Instant lockedUntil,
      Instant createdAt,
      int version) {
    this.id = id;
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.role = role;
    this.territoryCode = territoryCode;
    this.departmentCode = departmentCode;
    this.enabled = enabled;
    this.failedAttempts = failedAttempts;
    this.lockedUntil = lockedUntil;
    this.createdAt = createdAt;
    this.version = version;
  }

  static User create(
      String username,
      String passwordHash,
      String displayName,
      Role role,
      String territoryCode,
      String departmentCode) {
    return new User(
        null,
        normaliseUsername(username),
        passwordHash,
        displayName.trim(),
        role,
        territoryCode,
        blankToNull(departmentCode),
        true,
        0,
        null,
        Instant.now(),
        0);
  }

  static String normaliseUsername(String username) {
    return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
  }

  void rename(String newDisplayName) {
    this.displayName = newDisplayName.trim();
  }

  void assign(Role newRole, String newTerritoryCode, String newDepartmentCode) {
    this.role = newRole;
    this.territoryCode = newTerritoryCode;
    this.departmentCode = blankToNull(newDepartmentCode);
  }

  /**
   * Sets the e-mail address (null: none) and the preferred language ({@code zh}, {@code en} or null
   * for the default); both already checked.
   */
  void contact(String newEmail, String newLanguage) {
    this.email = blankToNull(newEmail);
    this.language = blankToNull(newLanguage);
  }

  String email() {
    return email;
  }

  String language() {
    return language;
  }

  void disable() {
    this.enabled = false;
  }

  void enable() {
    this.enabled = true;
  }

  /** A new password also lifts a lock: the person has just been given a way back in. */
  void changePassword(String newPasswordHash) {
    this.passwordHash = newPasswordHash;
    unlock();
  }

  void unlock() {
    this.failedAttempts = 0;
    this.lockedUntil = null;
  }

  boolean isLocked(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }

  /** What may be shown and audited: everything but the password hash. */
  UserView view() {
    return new UserView(
        id,
        username,
        displayName,
        role,
        territoryCode,
        departmentCode,
        enabled,
        isLocked(Instant.now()),
        lockedUntil,
        failedAttempts,
        createdAt,
        email,
        language);
  }

  Long id() {
    return id;
  }

  String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  String displayName() {
    return displayName;
  }

  Role role() {
    return role;
  }

  String territoryCode() {
    return territoryCode;
  }

  String departmentCode() {
    return departmentCode;
  }

  boolean enabled() {
    return enabled;
  }

  int failedAttempts() {
    return failedAttempts;
  }

  Instant lockedUntil() {
    return lockedUntil;
  }

  Instant createdAt() {
    return createdAt;
  }

  int version() {
    return version;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
