package cn.anwang.assessment.scheme;

/**
 * One item of a scheme: an indicator, the points it weighs, the curve that scores it.
 *
 * @param weight points, more than 0
 */
public record SchemeItem(String code, Double weight, Curve curve) {}
