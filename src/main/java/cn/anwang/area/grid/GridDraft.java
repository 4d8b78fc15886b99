package cn.anwang.area.grid;

import org.locationtech.jts.geom.Geometry;

/**
 * A grid that passed validation and is ready to be written.
 *
 * @param index position of its feature in the import, -1 outside imports
 * @param externalId may be null
 * @param update whether a grid with this code exists and is replaced
 */
record GridDraft(
    int index,
    String code,
    String name,
    String divisionCode,
    GridType type,
    String externalId,
    Geometry geometry,
    double areaM2,
    boolean update) {

  String districtCode() {
    return divisionCode.substring(0, 6);
  }
}
