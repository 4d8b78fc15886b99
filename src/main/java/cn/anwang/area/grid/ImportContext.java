package cn.anwang.area.grid;

import cn.anwang.area.Division;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * What grid validation needs to know about the world: divisions, the caller's territory, grids
 * already stored, district boundaries. The service answers from the database; unit tests from
 * memory.
 */
interface ImportContext {

  Optional<Division> division(String code);

  /** Whether the caller may change grids of this division. */
  boolean inTerritory(String divisionCode);

  /** For each of these codes that exists, the division code of the stored grid. */
  Map<String, String> existingDivisionCodes(Collection<String> codes);

  /** Stored grids whose bounding box intersects the envelope. */
  List<StoredShape> storedGridsIn(Envelope envelope);

  /** The district's boundary, where one is known. */
  Optional<Geometry> districtBoundary(String districtCode);

  /** A stored grid's code and geometry. */
  record StoredShape(String code, Geometry geometry) {}
}
