package cn.anwang.scope;

import java.util.List;

/** The demo users the matrix calls as, with the territory each may see. */
final class Callers {

  record Caller(String username, String territory, boolean streetLevel) {}

  /** Where the matrix's resources are placed: 和平区's 劝业场街道. */
  static final String HOME_STREET = "120101001";

  static final String HOME_DISTRICT = "120101";

  static final Caller HOME_ADMIN = new Caller("heping.admin", HOME_DISTRICT, false);

  static final Caller CITY_ADMIN = new Caller("admin", "12", false);

  static final Caller AUDITOR = new Caller("auditor", "12", false);

  /** Everyone of 西青区: for them a resource of 和平区 is outside. */
  static final List<Caller> OTHER_DISTRICT =
      List.of(
          new Caller("xiqing.admin", "120111", false),
          new Caller("xiqing.street", "120111001", true),
          new Caller("xiqing.officer", "120111001", true),
          new Caller("xiqing.shijian", "120111", false),
          new Caller("xiqing.qiye", "120111001", true));

  /** 劝业场街道's own people: for them a resource of another street of 和平区 is outside. */
  static final List<Caller> HOME_STREET_USERS =
      List.of(
          new Caller("heping.street", HOME_STREET, true),
          new Caller("heping.officer", HOME_STREET, true),
          new Caller("heping.qiye", HOME_STREET, true));

  /** Everyone who reads lists in the matrix. */
  static final List<Caller> LIST_READERS =
      List.of(
          HOME_ADMIN,
          new Caller("heping.street", HOME_STREET, true),
          new Caller("heping.officer", HOME_STREET, true),
          new Caller("heping.yingji", HOME_DISTRICT, false),
          new Caller("heping.qiye", HOME_STREET, true),
          new Caller("xiqing.admin", "120111", false),
          new Caller("xiqing.street", "120111001", true));

  /** Who must change nothing with a write on 和平区's resources. */
  static final List<Caller> WRITES_REFUSED =
      List.of(
          AUDITOR,
          new Caller("xiqing.admin", "120111", false),
          new Caller("xiqing.street", "120111001", true),
          new Caller("xiqing.officer", "120111001", true));

  private Callers() {}
}
