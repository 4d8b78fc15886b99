package cn.anwang.assessment.indicator;

/**
 * One computed figure.
 *
 * @param value the value in the indicator's unit, or null when nothing was counted (0 / 0)
 * @param numerator the count on top (null for a median)
 * @param denominator the count below (for a median: the records it is taken over)
 */
public record Figure(Double value, Long numerator, Long denominator) {}
