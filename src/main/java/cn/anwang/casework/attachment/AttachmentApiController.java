package cn.anwang.casework.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/cases/{id}/attachments}: upload photos and documents (multipart, field {@code
 * file}, one or more), list them, read one. The file is also served under {@code
 * /cases/{id}/attachments/{attachmentId}} for the pages (same checks).
 */
@RestController
@Tag(name = "Case attachments", description = "Photos and documents of a case")
class AttachmentApiController {

  private final AttachmentService attachments;

  AttachmentApiController(AttachmentService attachments) {
    this.attachments = attachments;
  }

  @PostMapping(
      path = "/api/v1/cases/{id}/attachments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Upload files to a case",
      description =
          "JPEG, PNG, WebP photos and PDF documents, recognised by content; 413 for a file over"
              + " the limit, 422 for a type not accepted, both naming the file. Link them to an"
              + " action with attachmentIds in the action's body.")
  ResponseEntity<List<AttachmentView>> upload(
      @PathVariable long id, @RequestParam("file") List<MultipartFile> files) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(attachments.upload(id, files.stream().map(AttachmentService.Upload::of).toList()));
  }

  @GetMapping("/api/v1/cases/{id}/attachments")
  @Operation(summary = "The files of a case, oldest first")
  List<AttachmentView> list(@PathVariable long id) {
    return attachments.list(id);
  }

  @GetMapping({
    "/api/v1/cases/{id}/attachments/{attachmentId}",
    "/cases/{id}/attachments/{attachmentId}"
  })
  @Operation(summary = "A file's content (reading a document is audited)")
  ResponseEntity<InputStreamResource> read(@PathVariable long id, @PathVariable long attachmentId) {
    AttachmentService.Content content = attachments.open(id, attachmentId);
    AttachmentView a = content.attachment();
    String disposition =
        (a.photo() ? "inline" : "attachment")
            + "; filename*=UTF-8''"
            + URLEncoder.encode(a.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.contentType()))
        .contentLength(a.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
        .header(HttpHeaders.ETAG, "\"" + a.sha256() + "\"")
        .body(new InputStreamResource(content.stream()));
  }
}
