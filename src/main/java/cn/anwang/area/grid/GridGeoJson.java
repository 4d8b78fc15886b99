package cn.anwang.area.grid;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes grids as RFC 7946 GeoJSON (exterior rings counter-clockwise, no {@code crs} member), with
 * exactly the properties the import reads, so an export can be imported again as it is.
 */
@Component
class GridGeoJson {

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  private final ObjectMapper json;

  GridGeoJson(ObjectMapper json) {
    this.json = json;
  }

  /** A warning about a grid, written as a foreign member of its Feature (RFC 7946 §6.1). */
  record Warning(String code, String message) {}

  byte[] feature(GridRow grid) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      write(g, grid, geometryWriter(), null);
    }
    return out.toByteArray();
  }

  /** The Feature with a {@code warnings} member (the answer to an edit), empty when none. */
  byte[] feature(GridRow grid, List<Warning> warnings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      write(g, grid, geometryWriter(), warnings);
    }
    return out.toByteArray();
  }

  byte[] collection(List<GridRow> grids) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, grids.size() * 2048));
    GeoJsonWriter geometries = geometryWriter();
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      for (GridRow grid : grids) {
        write(g, grid, geometries, null);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /** A bare geometry (e.g. a gap) as GeoJSON text. */
  static String geometry(Geometry geometry) {
    return geometryWriter().write(geometry);
  }

  private static GeoJsonWriter geometryWriter() {
    // 7 decimals is about 1 cm, finer than any survey these grids come from
    GeoJsonWriter writer = new GeoJsonWriter(7);
    writer.setEncodeCRS(false);
    writer.setForceCCW(true);
    return writer;
  }

  private static void write(
      JsonGenerator g, GridRow grid, GeoJsonWriter geometries, List<Warning> warnings) {
    g.writeStartObject();
    g.writeStringProperty("type", "Feature");
    g.writeStringProperty("id", grid.code());
    g.writeName("properties");
    g.writeStartObject();
    g.writeStringProperty("code", grid.code());
    g.writeStringProperty("name", grid.name());
    g.writeStringProperty("divisionCode", grid.divisionCode());
    g.writeStringProperty("type", grid.type().name());
    g.writeStringProperty("externalId", grid.externalId());
    g.writeBooleanProperty("synthetic", grid.synthetic());
    g.writeNumberProperty("areaM2", Math.round(grid.areaM2() * 10) / 10.0);
    g.writeNumberProperty("version", grid.version());
    g.writeEndObject();
    g.writeName("geometry");
    g.writeRawValue(geometries.write(grid.geometry()));
    if (warnings != null) {
      g.writeName("warnings");
      g.writeStartArray();
      for (Warning w : warnings) {
        g.writeStartObject();
        g.writeStringProperty("code", w.code());
        g.writeStringProperty("message", w.message());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
