package cn.anwang.outreach.publicity;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.outreach.web.OutreachUploads;
import cn.anwang.outreach.web.OutreachUploads.Upload;
import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * An activity's photos: JPEG, PNG or WebP by content (the name and claimed type are not trusted),
 * up to the file limit each and {@value #MAX_PHOTOS} per activity, kept in the file store by
 * SHA-256; sent with the record (the desk) or added one at a time afterwards (the phone's outbox,
 * idempotent per user and photo UUID); the download for a caller who has checked the activity is
 * visible.
 */
@Component
class PublicityPhotos {

  static final int MAX_PHOTOS = 9;

  private static final OutreachUploads.Rules PHOTOS =
      new OutreachUploads.Rules(
          "photos",
          MAX_PHOTOS,
          FileKind::photo,
          "publicity.rule.tooManyPhotos",
          "publicity.rule.tooLarge",
          "publicity.rule.photoType",
          "photo");

  // one photo added to a recorded activity: the same checks, the request part is "file"
  private static final OutreachUploads.Rules ADDED =
      new OutreachUploads.Rules(
          "file",
          1,
          FileKind::photo,
          "publicity.rule.tooManyPhotos",
          "publicity.rule.tooLarge",
          "publicity.rule.photoType",
          "photo");

  /** A photo added to an activity, and whether this call stored it (false: a replay). */
  record Added(PublicityQueries.Photo photo, boolean created) {}

  private final JdbcClient jdbc;
  private final FileStore store;
  private final long maxFileBytes;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final PublicityQueries queries;

  PublicityPhotos(
      JdbcClient jdbc,
      FileStore store,
      @Value("${anwang.files.max-file-size:10MB}") DataSize maxFileSize,
      CurrentActor currentActor,
      AuditLog audit,
      PublicityQueries queries) {
    this.jdbc = jdbc;
    this.store = store;
    this.maxFileBytes = maxFileSize.toBytes();
    this.currentActor = currentActor;
    this.audit = audit;
    this.queries = queries;
  }

  List<Upload> check(List<MultipartFile> files) {
    return OutreachUploads.check(files, maxFileBytes, PHOTOS);
  }

  void store(long activityId, List<Upload> uploads) {
    int position = 0;
    for (Upload u : uploads) {
      insert(activityId, position++, u, null, null);
    }
  }

  /**
   * Adds one photo to an activity the caller sees (404 otherwise) and may record for, under the
   * photo's UUID ({@code Idempotency-Key}): the same UUID again gives the first photo back; on
   * another activity it is a conflict. Checked as the desk's photos are, and at most {@value
   * #MAX_PHOTOS} per activity in all.
   */
  @Transactional
  Added add(long activityId, String key, MultipartFile file) {
    String scope = queries.visibleScope(activityId);
    Actor actor = currentActor.require();
    if (!PublicityActivities.RECORDERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Only officers and administrators add publicity photos");
    }
    UUID clientId = clientId(key);
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params((int) actor.userId(), "publicity-photo:" + clientId)
        .query((rs, n) -> 1)
        .list();
    Optional<Long> sameKey =
        jdbc.sql("SELECT activity_id FROM publicity_photo WHERE added_by = ? AND client_id = ?")
            .params(actor.userId(), clientId)
            .query(Long.class)
            .optional();
    if (sameKey.isPresent()) {
      if (sameKey.get() != activityId) {
        throw ApiProblems.conflict("Photo id " + clientId + " is taken");
      }
      return new Added(photo(actor.userId(), clientId), false);
    }
    // one addition at a time per activity, so the count and the position hold
    jdbc.sql("SELECT id FROM publicity_activity WHERE id = ? FOR UPDATE")
        .param(activityId)
        .query(Long.class)
        .single();
    int count =
        jdbc.sql("SELECT count(*) FROM publicity_photo WHERE activity_id = ?")
            .param(activityId)
            .query(Integer.class)
            .single();
    if (count >= MAX_PHOTOS) {
      throw new OutreachRejected(
          "file", "publicity.rule.tooManyPhotos", Integer.toString(MAX_PHOTOS));
    }
    List<Upload> checked =
        OutreachUploads.check(file == null ? List.of() : List.of(file), maxFileBytes, ADDED);
    if (checked.isEmpty()) {
      throw new OutreachRejected("file", "publicity.rule.required", null);
    }
    Upload u = checked.get(0);
    int position =
        jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM publicity_photo WHERE activity_id = ?")
            .param(activityId)
            .query(Integer.class)
            .single();
    long id = insert(activityId, position, u, actor.userId(), clientId);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("photoId", id);
    after.put("clientId", clientId.toString());
    after.put("filename", u.filename());
    after.put("contentType", u.kind().contentType());
    after.put("bytes", u.content().length);
    after.put("sha256", u.sha256());
    audit.record(
        "publicity.photo", "publicity-activity", Long.toString(activityId), scope, null, after);
    return new Added(photo(actor.userId(), clientId), true);
  }

  private long insert(long activityId, int position, Upload u, Long addedBy, UUID clientId) {
    store.put("publicity/" + u.sha256(), u.content());
    return jdbc.sql(
            """
            INSERT INTO publicity_photo (activity_id, position, filename, content_type,
                                         size_bytes, sha256, added_by, client_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """)
        .params(
            activityId,
            position,
            u.filename(),
            u.kind().contentType(),
            u.content().length,
            u.sha256(),
            addedBy,
            clientId)
        .query(Long.class)
        .single();
  }

  private PublicityQueries.Photo photo(long userId, UUID clientId) {
    return jdbc.sql(
            "SELECT id, filename, content_type, size_bytes FROM publicity_photo"
                + " WHERE added_by = ? AND client_id = ?")
        .params(userId, clientId)
        .query(
            (rs, n) ->
                new PublicityQueries.Photo(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .single();
  }

  private static UUID clientId(String key) {
    if (key == null || key.isBlank()) {
      throw new OutreachRejected("Idempotency-Key", "publicity.rule.required", null);
    }
    try {
      return UUID.fromString(key.strip());
    } catch (IllegalArgumentException e) {
      throw new OutreachRejected("Idempotency-Key", "publicity.rule.uuid", key);
    }
  }

  private record Row(String filename, String contentType, String sha256) {}

  ResponseEntity<byte[]> download(long activityId, long photoId) {
    Row row =
        jdbc.sql(
                "SELECT filename, content_type, sha256 FROM publicity_photo"
                    + " WHERE id = ? AND activity_id = ?")
            .params(photoId, activityId)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Photo", Long.toString(photoId)));
    byte[] content;
    try {
      content = store.read("publicity/" + row.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ContentDisposition disposition =
        ContentDisposition.inline().filename(row.filename(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(row.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
