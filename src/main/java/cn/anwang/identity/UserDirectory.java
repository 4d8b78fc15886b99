package cn.anwang.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who is who, for other modules that address people (notifications): enabled users by role and
 * territory or department, with their contact details. Read-only.
 */
public interface UserDirectory {

  /**
   * An enabled user as a recipient.
   *
   * @param email e-mail address, or null when none is known
   * @param language preferred language ({@code zh} or {@code en}), or null for the default (zh)
   */
  record Contact(
      long id,
      String username,
      String displayName,
      Role role,
      String territoryCode,
      String departmentCode,
      String email,
      String language) {}

  /**
   * Enabled users with this role whose territory covers the division, i.e. the division lies in
   * their subtree (a street officer of 120101001 covers the village 120101001003 and the street
   * itself; a district administrator of 120101 covers both).
   */
  List<Contact> withRole(Role role, String divisionCode);

  /** Enabled department staff of this department. */
  List<Contact> inDepartment(String departmentCode);

  /** The user with this id, if enabled. */
  Optional<Contact> find(long userId);

  /** The user with this log-in name, if enabled. */
  Optional<Contact> findByUsername(String username);
}
