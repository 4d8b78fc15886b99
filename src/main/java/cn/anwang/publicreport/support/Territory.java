package cn.anwang.publicreport.support;

import cn.anwang.identity.Actor;

/**
 * The district and street a caller's territory lies in (null above them), so that the desk's and
 * the rewards' lists filter on the columns their indexes lead with.
 */
public record Territory(String district, String street) {

  public static Territory of(Actor actor) {
    String code = actor.scope().territoryCode();
    return new Territory(
        code.length() >= 6 ? code.substring(0, 6) : null,
        code.length() >= 9 ? code.substring(0, 9) : null);
  }

  /** The SQL conditions on {@code district_code} and {@code street_code} this territory needs. */
  public String conditions() {
    return (district == null ? "" : " AND district_code = :district")
        + (street == null ? "" : " AND street_code = :street");
  }
}
