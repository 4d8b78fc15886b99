package cn.anwang.area.grid;

import cn.anwang.area.grid.ImportContext.StoredShape;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grid rows, with geometry as WKB. Every query that a user triggers takes a division prefix. */
@Repository
class GridRepository {

  private static final String SUMMARY =
      "id, code, name, division_code, district_code, type, external_id, area_m2, synthetic,"
          + " created_at, updated_at, version";
  private static final String FULL = SUMMARY + ", geometry_wkb";

  private static final String UPSERT =
      "INSERT INTO grid (code, name, division_code, district_code, type, external_id,"
          + " geometry_wkb, area_m2, min_lon, min_lat, max_lon, max_lat, synthetic)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)"
          + " ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
          + " division_code = excluded.division_code, district_code = excluded.district_code,"
          + " type = excluded.type, external_id = excluded.external_id,"
          + " geometry_wkb = excluded.geometry_wkb, area_m2 = excluded.area_m2,"
          + " min_lon = excluded.min_lon, min_lat = excluded.min_lat,"
          + " max_lon = excluded.max_lon, max_lat = excluded.max_lat,"
          + " synthetic = false, updated_at = now(), version = grid.version + 1";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  GridRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  Optional<GridRow> find(String code) {
    return jdbc.sql("SELECT " + FULL + " FROM grid WHERE code = ?")
        .param(code)
        .query(GridRepository::mapFull)
        .optional();
  }

  /** The grids with these codes, with geometry. */
  List<GridRow> findAll(Collection<String> codes) {
    return jdbc.sql("SELECT " + FULL + " FROM grid WHERE code = ANY(?) ORDER BY code")
        .param(codes.toArray(String[]::new))
        .query(GridRepository::mapFull)
        .list();
  }

  /** Every grid of a division's subtree, with geometry, in code order (the export). */
  List<GridRow> inSubtree(String divisionPrefix) {
    return jdbc.sql("SELECT " + FULL + " FROM grid WHERE division_code LIKE ? ORDER BY code")
        .param(divisionPrefix + "%")
        .query(GridRepository::mapFull)
        .list();
  }

  /** A page of grids in a subtree whose name, code or division code matches the text. */
  List<GridRow> search(String divisionPrefix, String text, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + SUMMARY
                + " FROM grid WHERE division_code LIKE :prefix AND (:text = ''"
                + " OR name LIKE :contains OR code LIKE :contains OR division_code LIKE :starts)"
                + " ORDER BY code OFFSET :offset LIMIT :limit")
        .param("prefix", divisionPrefix + "%")
        .param("text", text)
        .param("contains", "%" + escapeLike(text) + "%")
        .param("starts", escapeLike(text) + "%")
        .param("offset", offset)
        .param("limit", limit)
        .query(GridRepository::mapSummary)
        .list();
  }

  long count(String divisionPrefix, String text) {
    return jdbc.sql(
            "SELECT count(*) FROM grid WHERE division_code LIKE :prefix AND (:text = ''"
                + " OR name LIKE :contains OR code LIKE :contains OR division_code LIKE :starts)")
        .param("prefix", divisionPrefix + "%")
        .param("text", text)
        .param("contains", "%" + escapeLike(text) + "%")
        .param("starts", escapeLike(text) + "%")
        .query(Long.class)
        .single();
  }

  /** For each of the codes that exists, its division code. */
  Map<String, String> divisionCodesOf(Collection<String> codes) {
    Map<String, String> found = new HashMap<>();
    if (codes.isEmpty()) {
      return found;
    }
    jdbc.sql("SELECT code, division_code FROM grid WHERE code = ANY(?)")
        .param(codes.toArray(String[]::new))
        .query(
            rs -> {
              found.put(rs.getString(1), rs.getString(2));
            });
    return found;
  }

  /** Grids whose bounding box intersects the envelope. */
  List<StoredShape> shapesIn(Envelope e) {
    return jdbc.sql(
            "SELECT code, geometry_wkb FROM grid WHERE max_lon >= ? AND min_lon <= ?"
                + " AND max_lat >= ? AND min_lat <= ?")
        .params(e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY())
        .query((rs, n) -> new StoredShape(rs.getString(1), geometry(rs.getBytes(2))))
        .list();
  }

  /** A division's boundary, where one is stored. */
  Optional<Geometry> boundaryOf(String divisionCode) {
    return jdbc.sql("SELECT boundary_wkb FROM division WHERE code = ? AND boundary_wkb IS NOT NULL")
        .param(divisionCode)
        .query((rs, n) -> geometry(rs.getBytes(1)))
        .optional();
  }

  /** Inserts new grids and replaces existing ones (same code), in batches. */
  void upsert(List<GridDraft> drafts) {
    WKBWriter writer = new WKBWriter();
    batch.batchUpdate(
        UPSERT,
        drafts,
        1000,
        (PreparedStatement ps, GridDraft d) -> {
          Envelope e = d.geometry().getEnvelopeInternal();
          ps.setString(1, d.code());
          ps.setString(2, d.name());
          ps.setString(3, d.divisionCode());
          ps.setString(4, d.districtCode());
          ps.setString(5, d.type().name());
          ps.setString(6, d.externalId());
          ps.setBytes(7, writer.write(d.geometry()));
          ps.setDouble(8, d.areaM2());
          ps.setDouble(9, e.getMinX());
          ps.setDouble(10, e.getMinY());
          ps.setDouble(11, e.getMaxX());
          ps.setDouble(12, e.getMaxY());
        });
  }

  /** Changes a grid's attributes if it still has the expected version; false if it has not. */
  boolean updateAttributes(
      String code,
      String name,
      GridType type,
      String divisionCode,
      String externalId,
      int version) {
    return jdbc.sql(
                "UPDATE grid SET name = ?, type = ?, division_code = ?, district_code = ?,"
                    + " external_id = ?, updated_at = now(), version = version + 1"
                    + " WHERE code = ? AND version = ?")
            .params(
                name,
                type.name(),
                divisionCode,
                divisionCode.substring(0, 6),
                externalId,
                code,
                version)
            .update()
        == 1;
  }

  boolean delete(String code, int version) {
    return jdbc.sql("DELETE FROM grid WHERE code = ? AND version = ?")
            .params(code, version)
            .update()
        == 1;
  }

  /** Tells every server's locate index to rebuild; call in the changing transaction. */
  void bumpIndexVersion() {
    jdbc.sql("UPDATE grid_index_version SET version = version + 1 WHERE id = 1").update();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Geometry geometry(byte[] wkb) {
    try {
      Geometry g = new WKBReader(GridGeometryReader.FACTORY).read(wkb);
      g.setSRID(4326);
      return g;
    } catch (ParseException e) {
      throw new IllegalStateException("Stored WKB is unreadable", e);
    }
  }

  private static GridRow mapSummary(ResultSet rs, int n) throws SQLException {
    return map(rs, null);
  }

  private static GridRow mapFull(ResultSet rs, int n) throws SQLException {
    return map(rs, geometry(rs.getBytes("geometry_wkb")));
  }

  private static GridRow map(ResultSet rs, Geometry geometry) throws SQLException {
    return new GridRow(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("division_code"),
        rs.getString("district_code"),
        GridType.valueOf(rs.getString("type")),
        rs.getString("external_id"),
        geometry,
        rs.getDouble("area_m2"),
        rs.getBoolean("synthetic"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")),
        rs.getInt("version"));
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
