package cn.anwang.workforce.officer;

import java.util.List;

/**
 * An officer as the API and pages show it: the phone masked unless the reader may see it in full,
 * the ID number only as {@code ****1234}.
 *
 * @param phoneMasked whether {@code phone} is the masked form
 * @param idNumber the masked ID number, or null when none is recorded
 * @param currentGrids the grids the officer holds now, by code
 */
public record OfficerView(
    long id,
    String districtCode,
    String divisionCode,
    String divisionName,
    String name,
    String phone,
    boolean phoneMasked,
    String idNumber,
    Tier tier,
    Employment employment,
    boolean enforcementPower,
    OfficerStatus status,
    Long userId,
    String username,
    List<String> currentGrids,
    int version) {}
