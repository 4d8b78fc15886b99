package cn.anwang.inspection.record;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.web.InspectionRejected;
import cn.anwang.shared.files.Exif;
import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection photos, uploaded before the inspection that uses them (offline they queue on the
 * phone): at most 10 MB, JPEG/PNG/WebP by content, stored once per content hash under {@code
 * anwang.files.directory}/inspection, with the JPEG's EXIF time and position kept. The phone's uuid
 * for the photo is its id: uploading it again returns the first upload.
 */
@Service
@Transactional
public class Photos {

  static final long MAX_BYTES = 10L * 1024 * 1024;

  /** A stored photo as the API shows it. */
  public record Photo(
      String photoId, String sha256, String contentType, Instant takenAt, Double lon, Double lat) {}

  /** The photo and whether this call stored it (false: a replay of the same id). */
  record Stored(Photo photo, boolean created) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final FileStore files;

  Photos(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit, FileStore files) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
    this.files = files;
  }

  // storage keys in inspection_photo are relative to the store's inspection folder
  private static String fileKey(String storageKey) {
    return "inspection/" + storageKey;
  }

  static UUID uuid(String field, String text) {
    try {
      return UUID.fromString(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw new InspectionRejected(field, "inspection.rule.uuid", text);
    }
  }

  Stored upload(String key, long size, byte[] content) {
    Actor actor = currentActor.require();
    UUID id = uuid("Idempotency-Key", key);
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('inspection-photo:' || ?))")
        .param(id.toString())
        .query((rs, n) -> 1)
        .list();
    Optional<Row> existing = find(id);
    if (existing.isPresent()) {
      if (existing.get().userId != actor.userId()) {
        throw ApiProblems.conflict("Photo id " + id + " is taken");
      }
      return new Stored(existing.get().photo, false);
    }
    if (size > MAX_BYTES || content.length > MAX_BYTES) {
      throw new InspectionRejected("file", "inspection.rule.tooLarge", "10 MB");
    }
    FileKind kind =
        FileKind.sniff(content)
            .filter(FileKind::photo)
            .orElseThrow(() -> new InspectionRejected("file", "inspection.rule.photoType", null));
    String sha = FileStore.sha256(content);
    Exif.Data exif = kind == FileKind.JPEG ? Exif.read(content) : Exif.Data.NONE;
    String storageKey = "photos/" + sha.substring(0, 2) + "/" + sha;
    files.put(fileKey(storageKey), content);
    jdbc.sql(
            """
            INSERT INTO inspection_photo (id, district_code, user_id, sha256, content_type,
                                          size_bytes, storage_key, taken_at, lon, lat)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            id,
            actor.scope().districtCode(),
            actor.userId(),
            sha,
            kind.contentType(),
            content.length,
            storageKey,
            exif.takenAt() == null ? null : Timestamp.from(exif.takenAt()),
            exif.lon(),
            exif.lat())
        .update();
    Photo photo =
        new Photo(id.toString(), sha, kind.contentType(), exif.takenAt(), exif.lon(), exif.lat());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("sha256", sha);
    after.put("contentType", kind.contentType());
    after.put("bytes", content.length);
    audit.record("inspection.photo.upload", "inspection-photo", id.toString(), null, after);
    return new Stored(photo, true);
  }

  /** A photo's bytes, for its uploader or anyone who sees an inspection that uses it. */
  @Transactional(readOnly = true)
  Content content(String photoId) {
    Actor actor = currentActor.require();
    UUID id = uuid("photoId", photoId);
    Row row = find(id).orElseThrow(() -> ApiProblems.notFound("Photo", photoId));
    boolean sees =
        row.userId == actor.userId()
            || jdbc.sql(
                        "SELECT count(*) FROM inspection WHERE ? = ANY (photo_ids) AND division_code LIKE ?")
                    .params(id, actor.scope().likePattern())
                    .query(Integer.class)
                    .single()
                > 0;
    if (!sees) {
      throw ApiProblems.notFound("Photo", photoId);
    }
    try {
      return new Content(row.photo.contentType(), files.read(fileKey(row.storageKey)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Content(String contentType, byte[] bytes) {}

  /** The ids among these that are not photos uploaded by this user. */
  java.util.List<UUID> unknown(long userId, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.List.of();
    }
    java.util.Set<UUID> known =
        new java.util.HashSet<>(
            jdbc.sql("SELECT id FROM inspection_photo WHERE user_id = ? AND id = ANY (?)")
                .params(userId, ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    return ids.stream().filter(i -> !known.contains(i)).toList();
  }

  private record Row(long userId, String storageKey, Photo photo) {}

  private Optional<Row> find(UUID id) {
    return jdbc.sql("SELECT * FROM inspection_photo WHERE id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              Timestamp t = rs.getTimestamp("taken_at");
              return new Row(
                  rs.getLong("user_id"),
                  rs.getString("storage_key"),
                  new Photo(
                      rs.getString("id"),
                      rs.getString("sha256"),
                      rs.getString("content_type"),
                      t == null ? null : t.toInstant(),
                      (Double) rs.getObject("lon"),
                      (Double) rs.getObject("lat")));
            })
        .optional();
  }
}
