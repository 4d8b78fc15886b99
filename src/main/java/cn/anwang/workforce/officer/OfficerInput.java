package cn.anwang.workforce.officer;

/**
 * An officer as created or changed. On update only the fields sent (non-null) change, and {@code
 * version} is required.
 *
 * @param divisionCode the street (tier STREET, 9 digits) or village (tier VILLAGE, 12 digits)
 * @param idNumber the resident ID number (stored encrypted; never returned)
 * @param userId the linked log-in account, or null; on update {@code 0} unlinks
 */
public record OfficerInput(
    String divisionCode,
    String name,
    String phone,
    String idNumber,
    Tier tier,
    Employment employment,
    Boolean enforcementPower,
    Long userId,
    Integer version) {}
