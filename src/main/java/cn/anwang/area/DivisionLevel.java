package cn.anwang.area;

/** The levels of the division tree, from the city down to villages and communities. */
public enum DivisionLevel {
  CITY,
  DISTRICT,
  STREET,
  VILLAGE;

  /** The lower-case name used in the database, CSV and JSON. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static DivisionLevel ofKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }

  /** The level a code of this length denotes: 2 city, 6 district, 9 street, 12 village. */
  public static DivisionLevel ofCode(String code) {
    return switch (code.length()) {
      case 2 -> CITY;
      case 6 -> DISTRICT;
      case 9 -> STREET;
      case 12 -> VILLAGE;
      default -> throw new IllegalArgumentException("Not a division code: " + code);
    };
  }
}
