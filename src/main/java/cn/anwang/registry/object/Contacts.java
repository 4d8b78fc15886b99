package cn.anwang.registry.object;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;

/** Who sees an object's contact person and phone in full; everyone else sees them masked. */
final class Contacts {

  private Contacts() {}

  /**
   * Administrators of the object's territory and staff of its responsible departments see contacts
   * in full (every such read is audited); officers, auditors and everyone else see them masked. The
   * caller has already checked that the actor sees the object at all.
   */
  static boolean mayReveal(Actor actor) {
    return actor.role().isAdministrator() || actor.role() == Role.DEPARTMENT_STAFF;
  }

  /** 张三丰 → 张**; keeps the first character (the family name). */
  static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    int rest = name.codePointCount(first, name.length());
    return name.substring(0, first) + "*".repeat(Math.max(1, rest));
  }

  /** 13812345678 → 138****5678; short numbers keep only their last two digits. */
  static String maskPhone(String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    String p = phone.strip();
    if (p.length() >= 11) {
      return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }
    if (p.length() <= 2) {
      return "*".repeat(p.length());
    }
    return "*".repeat(p.length() - 2) + p.substring(p.length() - 2);
  }
}
