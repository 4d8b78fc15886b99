package cn.anwang.outreach.document;

import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A document's attachment as a download (the caller has checked the document is visible). */
@Component
class AttachmentFiles {

  private final JdbcClient jdbc;
  private final FileStore store;

  AttachmentFiles(JdbcClient jdbc, FileStore store) {
    this.jdbc = jdbc;
    this.store = store;
  }

  private record Row(String filename, String contentType, String sha256) {}

  ResponseEntity<byte[]> download(long documentId, long attachmentId) {
    Row row =
        jdbc.sql(
                "SELECT filename, content_type, sha256 FROM outreach_attachment"
                    + " WHERE id = ? AND document_id = ?")
            .params(attachmentId, documentId)
            .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional()
            .orElseThrow(() -> ApiProblems.notFound("Attachment", Long.toString(attachmentId)));
    byte[] content;
    try {
      content = store.read("documents/" + row.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file(content, row.contentType(), row.filename(), false);
  }

  static ResponseEntity<byte[]> file(
      byte[] content, String contentType, String filename, boolean inline) {
    ContentDisposition disposition =
        (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
            .filename(filename, StandardCharsets.UTF_8)
            .build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(contentType))
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content);
  }
}
