package cn.anwang.area.grid;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What kind of area a grid covers (PRODUCT §3.1). */
enum GridType {
  REGULAR,
  INDUSTRIAL_CLUSTER,
  COMMERCIAL_CLUSTER;

  /** The type named by the text, case-insensitive; empty for an unknown name. */
  static Optional<GridType> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String key = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.name().equals(key)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }

  /** Message key of the type's label on pages. */
  String messageKey() {
    return "grid.type." + name();
  }
}
