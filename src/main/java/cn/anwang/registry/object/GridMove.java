package cn.anwang.registry.object;

import java.time.Instant;

/**
 * An object moved to another grid (or out of every grid, {@code toGridCode} null) because grids
 * changed.
 */
record GridMove(
    long objectId,
    String objectName,
    Instant at,
    String fromGridCode,
    String toGridCode,
    String fromDivisionCode,
    String toDivisionCode,
    String reason) {}
