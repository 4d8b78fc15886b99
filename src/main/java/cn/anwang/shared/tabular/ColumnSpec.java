package cn.anwang.shared.tabular;

import java.util.List;
import java.util.Objects;

/**
 * One column a table is expected to have.
 *
 * @param key the stable key the caller reads values by, e.g. {@code uscc}
 * @param header the zh-CN header shown in templates and exports, e.g. "统一社会信用代码"
 * @param aliases other headers accepted on import, e.g. "信用代码", "USCC" (matched ignoring case,
 *     spaces, full-width forms and a trailing "*" or "（必填）")
 * @param required whether a file without this column is refused
 * @param type how exports and templates format the column
 * @param format a short description of the expected format for the template's instructions, or
 *     empty
 * @param example an example value for the template's instructions, or empty
 * @param allowedValues the values offered as a drop-down list in the template, or empty for free
 *     input
 */
public record ColumnSpec(
    String key,
    String header,
    List<String> aliases,
    boolean required,
    ColumnType type,
    String format,
    String example,
    List<String> allowedValues) {

  public ColumnSpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(header, "header");
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    type = type == null ? ColumnType.TEXT : type;
    format = format == null ? "" : format;
    example = example == null ? "" : example;
    allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
  }

  /** A required text column. */
  public static ColumnSpec required(String key, String header, String... aliases) {
    return new ColumnSpec(key, header, List.of(aliases), true, ColumnType.TEXT, "", "", List.of());
  }

  /** An optional text column. */
  public static ColumnSpec optional(String key, String header, String... aliases) {
    return new ColumnSpec(key, header, List.of(aliases), false, ColumnType.TEXT, "", "", List.of());
  }

  /** This column with another type. */
  public ColumnSpec ofType(ColumnType newType) {
    return new ColumnSpec(key, header, aliases, required, newType, format, example, allowedValues);
  }

  /** This column with a format description and an example for the template's instructions. */
  public ColumnSpec describedAs(String newFormat, String newExample) {
    return new ColumnSpec(
        key, header, aliases, required, type, newFormat, newExample, allowedValues);
  }

  /** This column restricted to a list of values (a drop-down list in the template). */
  public ColumnSpec allowing(List<String> values) {
    return new ColumnSpec(key, header, aliases, required, type, format, example, values);
  }

  /** The header and aliases, in the order they are tried. */
  List<String> names() {
    var names = new java.util.ArrayList<String>(aliases.size() + 1);
    names.add(header);
    names.addAll(aliases);
    return names;
  }
}
