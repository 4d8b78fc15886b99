package cn.anwang.publicreport.desk;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's view of a report's photos: the list with what the camera recorded (time and place, for
 * checking the report, never public), the original of one (audited as a sensitive read), and the
 * moderation that lets the stripped copy be shown on the tracking page — or withdraws it.
 */
@Component
class PhotoModeration {

  record Photo(
      long id,
      String contentType,
      long size,
      Double exifLon,
      Double exifLat,
      Instant exifTakenAt,
      boolean publishable,
      boolean approved,
      String approvedBy,
      Instant approvedAt) {}

  record Original(String contentType, byte[] content) {}

  private final DeskAccess access;
  private final DeskQueries queries;
  private final JdbcClient jdbc;
  private final FileStore files;
  private final AuditLog audit;

  PhotoModeration(
      DeskAccess access, DeskQueries queries, JdbcClient jdbc, FileStore files, AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.jdbc = jdbc;
    this.files = files;
    this.audit = audit;
  }

  List<Photo> list(long reportId) {
    Actor actor = access.require();
    queries.detail(reportId, actor); // 404 outside the territory
    return jdbc.sql(
            """
            SELECT id, content_type, size_bytes, exif_lon, exif_lat, exif_taken_at,
                   public_key IS NOT NULL AS publishable, approved_by, approved_at
              FROM public_report_photo WHERE report_id = ? ORDER BY id
            """)
        .param(reportId)
        .query(
            (rs, n) ->
                new Photo(
                    rs.getLong("id"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    (Double) rs.getObject("exif_lon"),
                    (Double) rs.getObject("exif_lat"),
                    rs.getTimestamp("exif_taken_at") == null
                        ? null
                        : rs.getTimestamp("exif_taken_at").toInstant(),
                    rs.getBoolean("publishable"),
                    rs.getTimestamp("approved_at") != null,
                    rs.getString("approved_by"),
                    rs.getTimestamp("approved_at") == null
                        ? null
                        : rs.getTimestamp("approved_at").toInstant()))
        .list();
  }

  @Transactional
  Original original(long reportId, long photoId) {
    Actor actor = access.require();
    DeskQueries.Locked r = queries.lock(reportId, actor);
    record Row(String key, String type) {}
    Row row =
        jdbc.sql(
                "SELECT file_key, content_type FROM public_report_photo WHERE id = ? AND report_id = ?")
            .params(photoId, reportId)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Photo", Long.toString(photoId)));
    audit.record(
        "public-report.photo.view",
        "public_report_photo",
        Long.toString(photoId),
        r.divisionCode(),
        null,
        Map.of("report", reportId));
    try {
      return new Original(row.type(), files.read(row.key()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Transactional
  List<Photo> approve(long reportId, long photoId, boolean approve) {
    Actor actor = access.require();
    DeskQueries.Locked r = queries.lock(reportId, actor);
    Boolean publishable =
        jdbc.sql(
                "SELECT public_key IS NOT NULL FROM public_report_photo WHERE id = ? AND report_id = ?")
            .params(photoId, reportId)
            .query(Boolean.class)
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Photo", Long.toString(photoId)));
    if (approve && !publishable) {
      throw ApiProblems.unprocessable(
          "photo", "this photo's kind cannot be stripped of its metadata; it stays for staff only");
    }
    Instant now = Instant.now();
    jdbc.sql("UPDATE public_report_photo SET approved_by = ?, approved_at = ? WHERE id = ?")
        .params(approve ? actor.username() : null, approve ? Timestamp.from(now) : null, photoId)
        .update();
    audit.record(
        approve ? "public-report.photo.approve" : "public-report.photo.withdraw",
        "public_report_photo",
        Long.toString(photoId),
        r.divisionCode(),
        null,
        Map.of("report", reportId));
    return list(reportId);
  }
}
