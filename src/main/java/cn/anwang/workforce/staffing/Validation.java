package cn.anwang.workforce.staffing;

import cn.anwang.workforce.staffing.StaffingProblem.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects field errors, then throws them all at once as a 422 {@link StaffingProblem}. */
final class Validation {

  private final List<FieldError> errors = new ArrayList<>();

  Validation required(String field, Object value) {
    if (value == null) {
      errors.add(FieldError.of(field, "workforce.staffing.field.required"));
    }
    return this;
  }

  boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field));
  }

  Validation check(boolean ok, String field, String key, Object... args) {
    if (!ok && !has(field)) {
      errors.add(FieldError.of(field, key, args));
    }
    return this;
  }

  /** {@code value} within [{@code min}, {@code max}] (null is reported by {@link #required}). */
  Validation between(String field, BigDecimal value, String min, String max) {
    if (value != null) {
      check(
          value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0,
          field,
          "workforce.staffing.field.between",
          min,
          max);
    }
    return this;
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw StaffingProblem.invalid(List.copyOf(errors));
    }
  }
}
