package cn.anwang.area.locate;

import cn.anwang.area.Location;
import cn.anwang.shared.geo.GeodesicArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Test grids from WKT. */
final class Grids {

  private Grids() {}

  static IndexedGrid grid(String code, String wkt) {
    try {
      return grid(code, new WKTReader().read(wkt));
    } catch (ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static IndexedGrid grid(String code, Geometry geometry) {
    Location location =
        new Location(
            new Location.Named(code, code + "网格"),
            new Location.Named("120101001001", "测试社区"),
            new Location.Named("120101001", "测试街道"),
            new Location.Named("120101", "和平区"));
    return new IndexedGrid(geometry, GeodesicArea.squareMetres(geometry), location);
  }
}
