package cn.anwang.outreach.web;

import cn.anwang.identity.Role;
import java.util.Set;

/** What documents and publicity share about their staff readers and the rates they are shown. */
public final class OutreachStaff {

  /** The roles that read documents and publicity activities (inside their territory). */
  public static final Set<Role> READERS =
      Set.of(
          Role.CITY_ADMIN,
          Role.DISTRICT_ADMIN,
          Role.STREET_ADMIN,
          Role.DEPARTMENT_STAFF,
          Role.AUDITOR,
          Role.STREET_OFFICER,
          Role.VILLAGE_OFFICER);

  private OutreachStaff() {}

  /** A share in per cent with one decimal (0 of 0 is 0). */
  public static double percent(int part, int whole) {
    return whole == 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
  }
}
