package cn.anwang.registry.object;

/**
 * An object's data breaks a registry rule: a field names where, the message says what (plain
 * English, for the API's problem detail), and the message key with its arguments localise it.
 */
class ObjectRejected extends RuntimeException {

  private final String field;
  private final String messageKey;
  private final transient Object[] arguments;

  private ObjectRejected(String field, String message, String messageKey, Object... arguments) {
    super(message, null, false, false);
    this.field = field;
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  static ObjectRejected field(String field, String message, String messageKey, Object... args) {
    return new ObjectRejected(field, message, messageKey, args);
  }

  static ObjectRejected usccInvalid(String problems) {
    return new ObjectRejected(
        "uscc",
        "The unified social credit code is not valid ("
            + problems
            + "); correct it, or give usccOverrideReason to keep it as it is",
        "registry.rejected.usccInvalid",
        problems);
  }

  static ObjectRejected outsideTianjin(double lon, double lat) {
    return new ObjectRejected(
        "location",
        "The point ("
            + lon
            + ", "
            + lat
            + ") lies outside Tianjin; check the coordinates and their system",
        "registry.rejected.outsideTianjin",
        lon,
        lat);
  }

  static ObjectRejected swapped(double lon, double lat) {
    return new ObjectRejected(
        "location",
        "Longitude and latitude look swapped: ("
            + lon
            + ", "
            + lat
            + ") would lie in Tianjin as ("
            + lat
            + ", "
            + lon
            + "); send lon first",
        "registry.rejected.swapped",
        lon,
        lat);
  }

  String field() {
    return field;
  }

  String messageKey() {
    return messageKey;
  }

  Object[] arguments() {
    return arguments.clone();
  }
}
