package cn.anwang.publicreport.desk;

import cn.anwang.identity.Actor;
import cn.anwang.publicreport.support.Territory;
import cn.anwang.shared.web.ApiProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the desk, always inside the caller's territory: the inbox (newest first, keyset paged on
 * the inbox index), one report with its duplicate suggestions, and the row lock the triage actions
 * take. Never the reporter's identity.
 */
@Component
class DeskQueries {

  record Summary(
      long id,
      String category,
      String status,
      String streetCode,
      String gridCode,
      String address,
      String description,
      boolean anonymous,
      String caseNumber,
      Instant submittedAt,
      int version) {}

  record Duplicate(long id, String category, String status, double metres, Instant submittedAt) {}

  record Detail(
      Summary report,
      double lon,
      double lat,
      Long mergedInto,
      String publicNote,
      String rejectReason,
      Long caseId,
      int duplicateMetres,
      List<Duplicate> duplicates) {}

  record Locked(
      long id,
      String status,
      String category,
      String description,
      double lon,
      double lat,
      String address,
      String districtCode,
      String divisionCode,
      int version) {}

  private static final String SUMMARY =
      "id, category, status, street_code, grid_code, address, left(description, 200) AS description,"
          + " anonymous, case_number, submitted_at, version";

  private final JdbcClient jdbc;
  private final DeskSettings settings;

  DeskQueries(JdbcClient jdbc, DeskSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /**
   * The newest reports of the caller's territory (of one status, or all), before {@code beforeId}:
   * by district or by street on the inbox indexes, by village within its street.
   */
  List<Summary> inbox(Actor actor, String status, Long beforeId, int limit) {
    Territory t = Territory.of(actor);
    return jdbc.sql(
            "SELECT "
                + SUMMARY
                + " FROM public_report WHERE division_code LIKE :scope"
                + t.conditions()
                + (status == null ? "" : " AND status = :status")
                + (beforeId == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :limit")
        .param("scope", actor.scope().likePattern())
        .param("district", t.district())
        .param("street", t.street())
        .param("status", status)
        .param("before", beforeId)
        .param("limit", limit)
        .query(DeskQueries::summary)
        .list();
  }

  Detail detail(long id, Actor actor) {
    record Extra(
        double lon,
        double lat,
        Long mergedInto,
        String note,
        String reason,
        Long caseId,
        String district) {}
    Summary s =
        jdbc.sql("SELECT " + SUMMARY + " FROM public_report WHERE id = ? AND division_code LIKE ?")
            .params(id, actor.scope().likePattern())
            .query(DeskQueries::summary)
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Public report", Long.toString(id)));
    Extra x =
        jdbc.sql(
                "SELECT lon, lat, merged_into, public_note, reject_reason, case_id,"
                    + " district_code FROM public_report WHERE id = ?")
            .param(id)
            .query(
                (rs, n) ->
                    new Extra(
                        rs.getDouble(1),
                        rs.getDouble(2),
                        (Long) rs.getObject(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Long) rs.getObject(6),
                        rs.getString(7)))
            .single();
    int metres = settings.duplicateMetres(x.district());
    return new Detail(
        s,
        x.lon(),
        x.lat(),
        x.mergedInto(),
        x.note(),
        x.reason(),
        x.caseId(),
        metres,
        duplicates(id, s.category(), x.lon(), x.lat(), metres, actor));
  }

  /**
   * Open reports of the same category near a point: a bounding box on the open-nearby index, then
   * the great-circle distance.
   */
  List<Duplicate> duplicates(
      long id, String category, double lon, double lat, double maxMetres, Actor actor) {
    double dLat = maxMetres / 111_320.0;
    double dLon = dLat / Math.max(0.01, Math.cos(Math.toRadians(lat)));
    return jdbc.sql(
            """
            SELECT * FROM (
              SELECT id, category, status, submitted_at,
                     2 * 6371008.8 * asin(sqrt(power(sin(radians(lat - :lat) / 2), 2)
                       + cos(radians(:lat)) * cos(radians(lat))
                       * power(sin(radians(lon - :lon) / 2), 2))) AS metres
                FROM public_report
               WHERE status IN ('RECEIVED', 'VERIFIED', 'IN_HANDLING') AND category = :category
                 AND lat BETWEEN :lat - :dlat AND :lat + :dlat
                 AND lon BETWEEN :lon - :dlon AND :lon + :dlon
                 AND id <> :id AND division_code LIKE :scope) near
             WHERE metres <= :max ORDER BY metres LIMIT 20
            """)
        .param("lat", lat)
        .param("lon", lon)
        .param("dlat", dLat)
        .param("dlon", dLon)
        .param("category", category)
        .param("id", id)
        .param("scope", actor.scope().likePattern())
        .param("max", maxMetres)
        .query(
            (rs, n) ->
                new Duplicate(
                    rs.getLong("id"),
                    rs.getString("category"),
                    rs.getString("status"),
                    Math.round(rs.getDouble("metres") * 10) / 10.0,
                    rs.getTimestamp("submitted_at").toInstant()))
        .list();
  }

  Locked lock(long id, Actor actor) {
    return jdbc.sql(
            """
            SELECT id, status, category, description, lon, lat, address, district_code,
                   division_code, version
              FROM public_report WHERE id = ? AND division_code LIKE ? FOR UPDATE
            """)
        .params(id, actor.scope().likePattern())
        .query(
            (rs, n) ->
                new Locked(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getDouble(5),
                    rs.getDouble(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getInt(10)))
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Public report", Long.toString(id)));
  }

  private static Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getLong("id"),
        rs.getString("category"),
        rs.getString("status"),
        rs.getString("street_code"),
        rs.getString("grid_code"),
        rs.getString("address"),
        rs.getString("description"),
        rs.getBoolean("anonymous"),
        rs.getString("case_number"),
        rs.getTimestamp("submitted_at").toInstant(),
        rs.getInt("version"));
  }
}
