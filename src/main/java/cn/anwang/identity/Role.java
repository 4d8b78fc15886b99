package cn.anwang.identity;

/**
 * What a user does. The rank orders roles for delegation: an administrator may grant only roles of
 * a rank not above their own.
 */
public enum Role {
  CITY_ADMIN(100),
  DISTRICT_ADMIN(80),
  STREET_ADMIN(60),
  DEPARTMENT_STAFF(60),
  AUDITOR(50),
  STREET_OFFICER(40),
  VILLAGE_OFFICER(30),
  THIRD_PARTY(20),
  ENTERPRISE_USER(10);

  private final int rank;

  Role(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  /** Whether someone holding this role may grant {@code other}. */
  public boolean mayGrant(Role other) {
    return other.rank <= rank;
  }

  /** Whether this role administers users, grids and divisions inside its territory. */
  public boolean isAdministrator() {
    return this == CITY_ADMIN || this == DISTRICT_ADMIN || this == STREET_ADMIN;
  }

  /**
   * Whether a user with this role may be placed on a division of the given level ({@code city},
   * {@code district}, {@code street}, {@code village}): an administrator's territory is exactly the
   * level it administers; officers work in a street or a village; the other roles may sit anywhere
   * in the tree.
   */
  public boolean allowsTerritoryLevel(String level) {
    return switch (this) {
      case CITY_ADMIN -> "city".equals(level);
      case DISTRICT_ADMIN -> "district".equals(level);
      case STREET_ADMIN, STREET_OFFICER -> "street".equals(level);
      case VILLAGE_OFFICER -> "village".equals(level);
      case DEPARTMENT_STAFF, AUDITOR, THIRD_PARTY, ENTERPRISE_USER -> level != null;
    };
  }

  /** Whether this role may read the audit log (within its territory). */
  public boolean mayReadAudit() {
    return this == AUDITOR || this == CITY_ADMIN || this == DISTRICT_ADMIN;
  }

  /** The Spring Security authority name, {@code ROLE_<name>}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
