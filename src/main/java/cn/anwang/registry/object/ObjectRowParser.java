package cn.anwang.registry.object;

import cn.anwang.area.Division;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import cn.anwang.shared.tabular.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * One row of an object import as the {@link ObjectInput} the API would take, with every cell that
 * cannot be read reported by column. Fixed values are accepted as their zh-CN label (the template's
 * drop-down), their English label or the API's name, in any letter case.
 */
final class ObjectRowParser {

  private static final Pattern LIST_SEPARATORS = Pattern.compile("[、,，;；/|]+");

  private final Map<String, ObjectKind> kinds = new HashMap<>();
  private final Map<String, Scale> scales = new HashMap<>();
  private final Map<String, ObjectStatus> statuses = new HashMap<>();
  private final Map<String, HazardFeature> hazards = new HashMap<>();
  private final Function<String, Optional<Division>> districts;
  private final String hazardLabels;

  /**
   * @param messages the labels of kinds and hazard features, in both languages
   * @param districts a district by its name or six-digit code
   */
  ObjectRowParser(MessageSource messages, Function<String, Optional<Division>> districts) {
    this.districts = districts;
    List<String> labels = new ArrayList<>();
    for (HazardFeature hazard : HazardFeature.values()) {
      labels.add(
          messages.getMessage(hazard.messageKey(), null, hazard.name(), Locale.SIMPLIFIED_CHINESE));
    }
    this.hazardLabels = String.join("、", labels);
    ObjectTable.KINDS.forEach((label, kind) -> kinds.put(label, kind));
    ObjectTable.SCALES.forEach((label, scale) -> scales.put(label, scale));
    ObjectTable.STATUSES.forEach((label, status) -> statuses.put(label, status));
    for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
      for (ObjectKind kind : ObjectKind.values()) {
        kinds.put(key(label(messages, kind.messageKey(), kind.name(), locale)), kind);
      }
      for (HazardFeature hazard : HazardFeature.values()) {
        hazards.put(key(label(messages, hazard.messageKey(), hazard.name(), locale)), hazard);
      }
      for (ObjectStatus status : ObjectStatus.values()) {
        statuses.put(
            key(label(messages, "registry.status." + status, status.name(), locale)), status);
      }
    }
    for (ObjectKind kind : ObjectKind.values()) {
      kinds.put(key(kind.name()), kind);
    }
    for (HazardFeature hazard : HazardFeature.values()) {
      hazards.put(key(hazard.name()), hazard);
    }
    for (Scale scale : Scale.values()) {
      scales.put(key(scale.name()), scale);
    }
    for (ObjectStatus status : ObjectStatus.values()) {
      statuses.put(key(status.name()), status);
    }
    // the short forms people type for the template's labels
    hazards.put("燃气", HazardFeature.GAS_USE);
    hazards.put("危化品", HazardFeature.HAZARDOUS_CHEMICALS);
    hazards.put("粉尘", HazardFeature.DUST_EXPLOSION);
    hazards.put("涉氨", HazardFeature.AMMONIA_REFRIGERATION);
  }

  /** A cell that cannot be read: its column key and the message that says why. */
  record CellProblem(String column, String code, Object... arguments) {}

  /** The row as an input, or the problems that stop it. */
  record Parsed(ObjectInput input, List<CellProblem> problems) {

    boolean ok() {
      return problems.isEmpty();
    }
  }

  Parsed parse(Row row) {
    List<CellProblem> problems = new ArrayList<>();
    for (String required : List.of("name", "kind", "address", "longitude", "latitude")) {
      if (row.isBlank(required)) {
        problems.add(new CellProblem(required, "registry.import.required"));
      }
    }
    ObjectKind kind = fixed(row, "kind", kinds, ObjectTable.KINDS.keySet(), problems);
    Scale scale = fixed(row, "scale", scales, ObjectTable.SCALES.keySet(), problems);
    ObjectStatus status = fixed(row, "status", statuses, ObjectTable.STATUSES.keySet(), problems);
    Double lon = number(row, "longitude", problems);
    Double lat = number(row, "latitude", problems);
    Integer employees = count(row, "employees", problems);
    Set<HazardFeature> features = hazardList(row, problems);
    String district = district(row, problems);
    String crs = row.get("crs");
    ObjectInput input =
        new ObjectInput(
            null,
            kind,
            row.get("name"),
            row.get("address"),
            row.get("uscc"),
            row.get("usccException"),
            lon,
            lat,
            crs == null ? null : crs.toLowerCase(Locale.ROOT).replace("-", ""),
            district,
            null,
            null,
            null,
            row.get("industry"),
            scale,
            employees,
            features,
            row.get("contactName"),
            row.get("contactPhone"),
            status,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    return new Parsed(input, problems);
  }

  private static <T> T fixed(
      Row row,
      String column,
      Map<String, T> values,
      java.util.Collection<String> offered,
      List<CellProblem> problems) {
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    T value = values.get(key(text));
    if (value == null) {
      problems.add(
          new CellProblem(column, "registry.import.choice", text, String.join("、", offered)));
    }
    return value;
  }

  private static Double number(Row row, String column, List<CellProblem> problems) {
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    try {
      double value = Double.parseDouble(text.replace("°", "").strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(new CellProblem(column, "registry.import.number", text));
    return null;
  }

  private static Integer count(Row row, String column, List<CellProblem> problems) {
    String text = row.get(column);
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.replace(",", "").strip());
      if (value.signum() >= 0
          && value.stripTrailingZeros().scale() <= 0
          && value.compareTo(BigDecimal.valueOf(10_000_000)) <= 0) {
        return value.intValueExact();
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    problems.add(new CellProblem(column, "registry.import.count", text));
    return null;
  }

  private Set<HazardFeature> hazardList(Row row, List<CellProblem> problems) {
    String text = row.get("hazards");
    Set<HazardFeature> features = EnumSet.noneOf(HazardFeature.class);
    if (text == null) {
      return features;
    }
    for (String part : LIST_SEPARATORS.split(text)) {
      if (part.isBlank()) {
        continue;
      }
      HazardFeature feature = hazards.get(key(part));
      if (feature != null) {
        features.add(feature);
        continue;
      }
      // "燃气 有限空间": separated by spaces only
      for (String word : part.strip().split("\\s+")) {
        HazardFeature one = hazards.get(key(word));
        if (one == null) {
          problems.add(new CellProblem("hazards", "registry.import.hazard", word, hazardLabels));
        } else {
          features.add(one);
        }
      }
    }
    return features;
  }

  private String district(Row row, List<CellProblem> problems) {
    String text = row.get("district");
    if (text == null) {
      return null;
    }
    Optional<Division> district = districts.apply(text.strip());
    if (district.isEmpty()) {
      problems.add(new CellProblem("district", "registry.rejected.district", text));
      return null;
    }
    return district.get().code();
  }

  /** The message, or the fallback (MessageSource declares a nullable result even with one). */
  private static String label(MessageSource messages, String code, String fallback, Locale locale) {
    String text = messages.getMessage(code, null, fallback, locale);
    return text == null ? fallback : text;
  }

  private static String key(String label) {
    return label.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
