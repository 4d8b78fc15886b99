package cn.anwang.area;

import java.util.Optional;

/**
 * What a public page (no log-in) may draw on a map: the outlines of the city's districts (the
 * shipped, approximate boundaries; no grids, nothing of a territory's internals) and the configured
 * base layer, if any (none by default: nothing is fetched from outside).
 */
public interface PublicMap {

  /** A Leaflet tile URL template and the attribution its provider requires. */
  record Tiles(String urlTemplate, String attribution) {}

  /** The districts of the city as a GeoJSON FeatureCollection (code, name per feature). */
  byte[] districtsGeoJson();

  Optional<Tiles> tiles();
}
