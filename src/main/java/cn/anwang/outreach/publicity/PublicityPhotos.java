package cn.anwang.outreach.publicity;

import cn.anwang.outreach.web.OutreachUploads;
import cn.anwang.outreach.web.OutreachUploads.Upload;
import cn.anwang.shared.files.FileKind;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * An activity's photos: JPEG, PNG or WebP by content (the name and claimed type are not trusted),
 * up to the file limit each and {@value #MAX_PHOTOS} per activity, kept in the file store by
 * SHA-256; the download for a caller who has checked the activity is visible.
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

  private final JdbcClient jdbc;
  private final FileStore store;
  private final long maxFileBytes;

  PublicityPhotos(
      JdbcClient jdbc,
      FileStore store,
      @Value("${anwang.files.max-file-size:10MB}") DataSize maxFileSize) {
    this.jdbc = jdbc;
    this.store = store;
    this.maxFileBytes = maxFileSize.toBytes();
  }

  List<Upload> check(List<MultipartFile> files) {
    return OutreachUploads.check(files, maxFileBytes, PHOTOS);
  }

  void store(long activityId, List<Upload> uploads) {
    int position = 0;
    for (Upload u : uploads) {
      store.put("publicity/" + u.sha256(), u.content());
      jdbc.sql(
              """
              INSERT INTO publicity_photo (activity_id, position, filename, content_type,
                                           size_bytes, sha256)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              activityId,
              position++,
              u.filename(),
              u.kind().contentType(),
              u.content().length,
              u.sha256())
          .update();
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
