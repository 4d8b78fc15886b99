package cn.anwang.assessment.indicator;

import java.time.Instant;

/**
 * A record behind a figure: a case, a grid. {@code link} opens it in the owning module's page.
 *
 * @param part {@code numerator} or {@code denominator}: which count it belongs to
 * @param kind {@code case} or {@code grid}
 * @param at the moment the record was counted at (registered, due, closed), or null
 */
public record Evidence(
    String part,
    String kind,
    String id,
    String label,
    String status,
    String divisionCode,
    String gridCode,
    Instant at,
    String link) {}
