package cn.anwang.area.grid;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** Division boundaries for the maps: a division's own outline and those of its children. */
@Repository
class DivisionShapes {

  /** A boundary as the map draws it. */
  record Shape(String code, String name, String level, Geometry geometry, boolean synthetic) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DivisionShapes(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The division's boundary and its children's, where known. */
  List<Shape> withChildren(String code) {
    return jdbc.sql(
            "SELECT code, name, level, boundary_wkb, boundary_synthetic FROM division"
                + " WHERE (code = :code OR parent_code = :code) AND boundary_wkb IS NOT NULL"
                + " ORDER BY code")
        .param("code", code)
        .query(
            (rs, n) ->
                new Shape(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    GridRepository.geometry(rs.getBytes(4)),
                    rs.getBoolean(5)))
        .list();
  }

  /** Shapes as a GeoJSON FeatureCollection with code, name, level and synthetic properties. */
  byte[] featureCollection(List<Shape> shapes) {
    GeoJsonWriter writer = new GeoJsonWriter(6);
    writer.setEncodeCRS(false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = json.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("type", "FeatureCollection");
      g.writeName("features");
      g.writeStartArray();
      for (Shape s : shapes) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeName("properties");
        g.writeStartObject();
        g.writeStringProperty("code", s.code());
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("level", s.level());
        g.writeBooleanProperty("synthetic", s.synthetic());
        g.writeEndObject();
        g.writeName("geometry");
        g.writeRawValue(writer.write(s.geometry()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
