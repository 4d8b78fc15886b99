package cn.anwang.shared.industry;

/**
 * One entry of the classification.
 *
 * @param code the canonical code: a letter for a section, otherwise digits only ({@code 26}, {@code
 *     2614})
 * @param level the entry's level
 * @param section the letter of the section it belongs to (its own code for a section)
 * @param parent the parent's canonical code, or null for a section
 * @param nameZh the name in the standard
 * @param nameEn an English name, or null when none is shipped
 */
public record Industry(
    String code, IndustryLevel level, String section, String parent, String nameZh, String nameEn) {

  /**
   * The code with its section letter in front, as often written ({@code C2614}); a section's own.
   */
  public String qualifiedCode() {
    return level == IndustryLevel.SECTION ? code : section + code;
  }
}
