package cn.anwang.area.grid;

import java.time.Instant;
import org.locationtech.jts.geom.Geometry;

/**
 * A stored grid.
 *
 * @param externalId may be null
 * @param geometry null when the query did not load it (lists)
 * @param version increases with every change; callers send it back to edit safely
 */
record GridRow(
    long id,
    String code,
    String name,
    String divisionCode,
    String districtCode,
    GridType type,
    String externalId,
    Geometry geometry,
    double areaM2,
    boolean synthetic,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
