package cn.anwang.org.responsibility;

import cn.anwang.org.responsibility.OrgRejected.FieldError;
import cn.anwang.shared.supervision.HazardFeature;
import cn.anwang.shared.supervision.ObjectKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the conditions and duties people send (enum names, industry prefixes, district codes),
 * collecting every problem instead of stopping at the first, so a form can mark them all.
 */
final class Conditions {

  private final List<FieldError> errors = new ArrayList<>();

  /** The problems found so far. */
  List<FieldError> errors() {
    return errors;
  }

  /** Throws {@link OrgRejected} naming every problem found, if any. */
  void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw OrgRejected.because(errors);
    }
  }

  Set<HazardFeature> hazards(String field, List<String> names) {
    Set<HazardFeature> result = EnumSet.noneOf(HazardFeature.class);
    for (String name : clean(names)) {
      try {
        result.add(HazardFeature.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field, "unknown hazard feature '" + name + "'"));
      }
    }
    return result;
  }

  Set<ObjectKind> kinds(String field, List<String> names) {
    Set<ObjectKind> result = EnumSet.noneOf(ObjectKind.class);
    for (String name : clean(names)) {
      try {
        result.add(ObjectKind.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(field, "unknown object kind '" + name + "'"));
      }
    }
    return result;
  }

  List<String> industryPrefixes(String field, List<String> prefixes) {
    List<String> result = new ArrayList<>();
    for (String prefix : clean(prefixes)) {
      String p = prefix.toUpperCase(Locale.ROOT);
      if (IndustryCodes.isPrefix(p)) {
        result.add(p);
      } else {
        errors.add(
            new FieldError(
                field,
                "'"
                    + prefix
                    + "' is neither a GB/T 4754 section letter (A–T) nor a 2–4 digit code"
                    + " prefix"));
      }
    }
    return result;
  }

  /** A district code, or null for city level (blank or {@code 12}). */
  String districtCode(String field, String raw) {
    if (raw == null || raw.isBlank() || raw.strip().equals("12")) {
      return null;
    }
    String code = raw.strip();
    if (!code.matches("12[0-9]{4}")) {
      errors.add(new FieldError(field, "'" + raw + "' is not a Tianjin district code (12xxxx)"));
      return null;
    }
    return code;
  }

  /** The non-blank, stripped, distinct entries; form checkboxes and CSV-ish input alike. */
  static List<String> clean(List<String> values) {
    Set<String> result = new LinkedHashSet<>();
    if (values != null) {
      for (String value : values) {
        if (value == null) {
          continue;
        }
        for (String part : value.split("[,，\\s]+")) {
          if (!part.isBlank()) {
            result.add(part.strip());
          }
        }
      }
    }
    return List.copyOf(result);
  }
}
