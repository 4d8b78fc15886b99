package cn.anwang.outreach.document;

import cn.anwang.outreach.document.DocumentTargets.Targets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/documents}: publish (JSON, or multipart with a {@code document} JSON part and up
 * to five {@code files}; idempotent by {@code Idempotency-Key} or {@code clientId}: 201 the first
 * time, 200 for a replay), preview the target count, list, read, the deliveries, attachments, and
 * {@code /api/v1/document-rates} (receipt rates by grid, street or district).
 */
@RestController
class DocumentApiController {

  private final Documents documents;
  private final DocumentQueries queries;
  private final ReceiptRates rates;
  private final AttachmentFiles files;

  DocumentApiController(
      Documents documents, DocumentQueries queries, ReceiptRates rates, AttachmentFiles files) {
    this.documents = documents;
    this.queries = queries;
    this.rates = rates;
    this.files = files;
  }

  @PostMapping(path = "/api/v1/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> publish(
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestBody Documents.Publication p) {
    return published(documents.publish(key, p, List.of()));
  }

  @PostMapping(path = "/api/v1/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> publishWithFiles(
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestPart("document") Documents.Publication p,
      @RequestPart(value = "files", required = false) List<MultipartFile> uploads) {
    return published(documents.publish(key, p, uploads == null ? List.of() : uploads));
  }

  private static ResponseEntity<Map<String, Object>> published(Documents.Published r) {
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("id", r.id(), "deliveries", r.deliveries()));
  }

  @PostMapping("/api/v1/documents/preview")
  Map<String, Object> preview(@RequestBody(required = false) Targets targets) {
    return Map.of("count", documents.preview(targets));
  }

  @GetMapping("/api/v1/documents")
  Map<String, Object> list(
      @RequestParam(required = false) Integer year,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    return Map.of("items", queries.list(year, limit, offset));
  }

  @GetMapping("/api/v1/documents/{id}")
  DocumentQueries.Detail get(@PathVariable long id) {
    return queries.get(id);
  }

  @GetMapping("/api/v1/documents/{id}/deliveries")
  Map<String, Object> deliveries(
      @PathVariable long id,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    return Map.of("items", queries.deliveries(id, status, limit, offset));
  }

  @GetMapping("/api/v1/documents/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
    queries.get(id);
    return files.download(id, attachmentId);
  }

  @GetMapping("/api/v1/document-rates")
  Map<String, Object> rates(
      @RequestParam(defaultValue = "street") String by,
      @RequestParam(required = false) Long document,
      @RequestParam(required = false) Integer year) {
    return Map.of("by", by, "items", rates.rates(by, document, year));
  }
}
