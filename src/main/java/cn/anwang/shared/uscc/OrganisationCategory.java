package cn.anwang.shared.uscc;

/**
 * The organisation category (机构类别, the code's second character) within its registration authority,
 * e.g. {@code 9}/{@code 1} = 工商 / 企业.
 *
 * @param authority the registration authority the category belongs to
 * @param code the second character of the code
 * @param nameZh the category's name in Chinese
 * @param nameEn the category's name in English
 */
public record OrganisationCategory(
    RegistrationAuthority authority, char code, String nameZh, String nameEn) {}
