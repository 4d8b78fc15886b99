package cn.anwang.assessment.indicator;

import java.util.List;
import java.util.Map;

/** Computes some of the catalogue's indicators from one module's public read. */
interface IndicatorSource {

  /** The indicators it computes, in catalogue order. */
  List<Indicator> indicators();

  /** Per row unit (a division code of the slice's level, or a grid code), per indicator code. */
  Map<String, Map<String, Figure>> compute(Slice slice);

  /**
   * The records behind one indicator's numerator or denominator in one unit of the slice.
   *
   * @param part {@code numerator} or {@code denominator}
   */
  List<Evidence> evidence(String code, Slice slice, String unit, String part, int limit);

  /**
   * Whether every figure is a count over records that each belong to exactly one row unit, so that
   * the division's figure is its units' numerators and denominators summed (a median is not): the
   * table then computes the units only, not the division a second time.
   */
  default boolean additive() {
    return false;
  }
}
