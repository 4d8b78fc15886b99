package cn.anwang.area.grid;

import cn.anwang.area.PublicMap;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link PublicMap} from the division boundaries and the map's base-layer settings. */
@Component
class PublicMapLayers implements PublicMap {

  static final String CITY = "12";

  private final DivisionShapes shapes;
  private final MapProperties map;

  PublicMapLayers(DivisionShapes shapes, MapProperties map) {
    this.shapes = shapes;
    this.map = map;
  }

  @Override
  public byte[] districtsGeoJson() {
    return shapes.featureCollection(
        shapes.withChildren(CITY).stream().filter(s -> !CITY.equals(s.code())).toList());
  }

  @Override
  public Optional<Tiles> tiles() {
    return map.hasTiles()
        ? Optional.of(new Tiles(map.tileUrlTemplate(), map.tileAttribution()))
        : Optional.empty();
  }
}
