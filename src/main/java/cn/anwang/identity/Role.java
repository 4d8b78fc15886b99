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

  /** The Spring Security authority name, {@code ROLE_<name>}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
