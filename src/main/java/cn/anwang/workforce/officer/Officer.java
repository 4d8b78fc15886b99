package cn.anwang.workforce.officer;

/**
 * A grid officer as stored, without the protected ID number (see {@code id_number_*}).
 *
 * @param divisionCode the street (tier STREET) or village (tier VILLAGE) the officer belongs to
 * @param idNumberTail last four characters of the ID number, or null when none is recorded
 * @param userId the linked log-in account, or null
 */
public record Officer(
    long id,
    String districtCode,
    String divisionCode,
    String name,
    String phone,
    String idNumberTail,
    Tier tier,
    Employment employment,
    boolean enforcementPower,
    OfficerStatus status,
    Long userId,
    int version) {

  /** The street the officer works in (the first nine digits of the division code). */
  public String streetCode() {
    return divisionCode.substring(0, 9);
  }
}
