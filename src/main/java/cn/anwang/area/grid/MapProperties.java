package cn.anwang.area.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The map pages' base layer. Empty by default: grids and boundaries are drawn as vectors on a plain
 * background, and nothing is fetched from outside.
 *
 * @param tileUrlTemplate a Leaflet tile URL template such as {@code
 *     https://tiles.example.cn/{z}/{x}/{y}.png} (an offline tile server or Tianditu with its key);
 *     empty for none
 * @param tileAttribution the attribution the tile provider requires, shown on the map
 */
@Validated
@ConfigurationProperties("anwang.map")
record MapProperties(
    @DefaultValue("") String tileUrlTemplate, @DefaultValue("") String tileAttribution) {

  boolean hasTiles() {
    return tileUrlTemplate != null && !tileUrlTemplate.isBlank();
  }
}
