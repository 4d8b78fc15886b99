package cn.anwang.outreach.publicity;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.outreach.web.OutreachStaff;
import cn.anwang.registry.ObjectCounts;
import cn.anwang.registry.ObjectCounts.GridKindCount;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.shared.web.ApiProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publicity activities as the staff read them: an activity is seen by whoever covers where it was
 * recorded (its scope) or any object it reached; coverage counts, per grid and kind, the distinct
 * objects reached in a year against the objects there now (not closed).
 */
@Service
@Transactional(readOnly = true)
public class PublicityQueries {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  record Summary(
      long id,
      String type,
      Instant startsAt,
      Instant endsAt,
      String place,
      String audience,
      int audienceSize,
      String gridCode,
      String source,
      String recorderName,
      int objects) {}

  record Reached(long objectId, String name, String kind, String gridCode, Long inspectionId) {}

  record Photo(long id, String filename, String contentType, long sizeBytes) {}

  record Detail(
      Summary activity,
      String materials,
      String notes,
      List<Reached> objects,
      List<Photo> photos) {}

  /** Coverage of one grid and kind; {@code rate} in per cent with one decimal. */
  record Coverage(String gridCode, String kind, int reached, int total, double rate) {}

  private static final String VISIBLE =
      """
      (a.scope_code LIKE :scope OR EXISTS (SELECT 1 FROM publicity_object p
          WHERE p.activity_id = a.id AND p.division_code LIKE :scope))
      """;

  private static final String SUMMARY =
      """
      SELECT a.id, a.type, a.starts_at, a.ends_at, a.place, a.audience, a.audience_size,
             a.grid_code, a.source, a.recorder_name,
             (SELECT count(*) FROM publicity_object p WHERE p.activity_id = a.id) AS objects
        FROM publicity_activity a
      """;

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final SupervisedObjects objects;
  private final ObjectCounts counts;

  PublicityQueries(
      JdbcClient jdbc, CurrentActor currentActor, SupervisedObjects objects, ObjectCounts counts) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.objects = objects;
    this.counts = counts;
  }

  List<Summary> list(
      LocalDate from, LocalDate to, String type, String grid, int limit, int offset) {
    Actor actor = reader();
    return jdbc.sql(
            SUMMARY
                + " WHERE "
                + VISIBLE
                + """
                  AND (CAST(:from AS timestamptz) IS NULL OR a.ends_at >= :from)
                  AND (CAST(:to AS timestamptz) IS NULL OR a.starts_at < :to)
                  AND (CAST(:type AS text) IS NULL OR a.type = :type)
                  AND (CAST(:grid AS text) IS NULL OR a.grid_code = :grid OR EXISTS
                       (SELECT 1 FROM publicity_object p WHERE p.activity_id = a.id
                           AND p.grid_code = :grid))
                ORDER BY a.starts_at DESC, a.id DESC LIMIT :limit OFFSET :offset
                """)
        .param("scope", actor.scope().likePattern())
        .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(BEIJING).toInstant()))
        .param(
            "to",
            to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(BEIJING).toInstant()))
        .param("type", type == null || type.isBlank() ? null : type.strip().toUpperCase())
        .param("grid", grid == null || grid.isBlank() ? null : grid.strip())
        .param("limit", Math.max(1, Math.min(limit, 500)))
        .param("offset", Math.max(0, offset))
        .query(PublicityQueries::summary)
        .list();
  }

  Detail get(long id) {
    Actor actor = reader();
    Summary s =
        jdbc.sql(SUMMARY + " WHERE a.id = :id AND " + VISIBLE)
            .param("id", id)
            .param("scope", actor.scope().likePattern())
            .query(PublicityQueries::summary)
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Publicity activity", Long.toString(id)));
    Map<String, Object> more =
        jdbc.sql("SELECT materials, notes FROM publicity_activity WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    List<Reached> reached = new ArrayList<>();
    jdbc.sql(
            "SELECT object_id, kind, grid_code, inspection_id FROM publicity_object"
                + " WHERE activity_id = ? ORDER BY object_id")
        .param(id)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  long objectId = rs.getLong(1);
                  String name = objects.find(objectId).map(o -> o.name()).orElse("#" + objectId);
                  reached.add(
                      new Reached(
                          objectId,
                          name,
                          rs.getString(2),
                          rs.getString(3),
                          (Long) rs.getObject(4, Long.class)));
                });
    List<Photo> photos =
        jdbc.sql(
                "SELECT id, filename, content_type, size_bytes FROM publicity_photo"
                    + " WHERE activity_id = ? ORDER BY position")
            .param(id)
            .query(
                (rs, n) ->
                    new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
            .list();
    return new Detail(
        s, (String) more.get("materials"), (String) more.get("notes"), reached, photos);
  }

  /** The scope of an activity the caller sees; 404 when it is out of the caller's scope. */
  String visibleScope(long id) {
    Actor actor = reader();
    return jdbc.sql("SELECT a.scope_code FROM publicity_activity a WHERE a.id = :id AND " + VISIBLE)
        .param("id", id)
        .param("scope", actor.scope().likePattern())
        .query(String.class)
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Publicity activity", Long.toString(id)));
  }

  /** Coverage per grid and kind in the caller's territory (or one street of it) for a year. */
  List<Coverage> coverage(int year, String street) {
    Actor actor = reader();
    String prefix = actor.scope().territoryCode();
    if (street != null && !street.isBlank()) {
      if (!actor.covers(street.strip()) && !street.strip().startsWith(prefix)) {
        throw ApiProblems.notFound("Street", street);
      }
      prefix = street.strip().length() > prefix.length() ? street.strip() : prefix;
    }
    Instant from = LocalDate.of(year, 1, 1).atStartOfDay(BEIJING).toInstant();
    Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(BEIJING).toInstant();
    Map<String, Integer> reached = new TreeMap<>();
    jdbc.sql(
            """
            SELECT grid_code, kind, count(DISTINCT object_id) FROM publicity_object
             WHERE grid_code IS NOT NULL AND division_code LIKE ?
               AND reached_at >= ? AND reached_at < ?
             GROUP BY grid_code, kind
            """)
        .params(prefix + "%", Timestamp.from(from), Timestamp.from(to))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> reached.put(rs.getString(1) + "|" + rs.getString(2), rs.getInt(3)));
    List<Coverage> out = new ArrayList<>();
    for (GridKindCount c : counts.byGridAndKind(prefix)) {
      int r = Math.min(c.count(), reached.getOrDefault(c.gridCode() + "|" + c.kind(), 0));
      out.add(
          new Coverage(c.gridCode(), c.kind(), r, c.count(), OutreachStaff.percent(r, c.count())));
    }
    return out;
  }

  private Actor reader() {
    Actor actor = currentActor.require();
    if (!OutreachStaff.READERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Publicity activities are for the staff");
    }
    return actor;
  }

  private static Summary summary(ResultSet rs, int n) throws SQLException {
    return new Summary(
        rs.getLong("id"),
        rs.getString("type"),
        rs.getTimestamp("starts_at").toInstant(),
        rs.getTimestamp("ends_at").toInstant(),
        rs.getString("place"),
        rs.getString("audience"),
        rs.getInt("audience_size"),
        rs.getString("grid_code"),
        rs.getString("source"),
        rs.getString("recorder_name"),
        rs.getInt("objects"));
  }
}
