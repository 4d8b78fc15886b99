package cn.anwang.outreach.document;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/my-documents}: an enterprise user's documents — list, open (the first opening is
 * recorded), acknowledge receipt (签收, once), attachments.
 */
@RestController
class MyDocumentApiController {

  private final MyDocuments mine;
  private final AttachmentFiles files;

  MyDocumentApiController(MyDocuments mine, AttachmentFiles files) {
    this.mine = mine;
    this.files = files;
  }

  @GetMapping("/api/v1/my-documents")
  Map<String, Object> list() {
    return Map.of("items", mine.list());
  }

  @GetMapping("/api/v1/my-documents/{deliveryId}")
  MyDocuments.Opened open(@PathVariable long deliveryId) {
    return mine.open(deliveryId);
  }

  @PostMapping("/api/v1/my-documents/{deliveryId}/receipt")
  MyDocuments.Item acknowledge(@PathVariable long deliveryId) {
    return mine.acknowledge(deliveryId);
  }

  @GetMapping("/api/v1/my-documents/{deliveryId}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(
      @PathVariable long deliveryId, @PathVariable long attachmentId) {
    MyDocuments.Item item = mine.find(deliveryId);
    return files.download(item.documentId(), attachmentId);
  }
}
