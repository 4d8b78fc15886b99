package cn.anwang.inspection.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.http.CacheControl;
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
 * {@code /api/v1/inspections}: submit (idempotent by {@code Idempotency-Key}: 201 the first time,
 * 200 with the same body after), list, read, photos (upload first, idempotent by the photo's uuid),
 * the signature, and a failed item's case (201 made, 200 already made).
 */
@RestController
class InspectionApiController {

  /** Optional body of the failed-item-to-case call. */
  record CaseRequest(String description) {}

  private final Inspections inspections;
  private final Photos photos;

  InspectionApiController(Inspections inspections, Photos photos) {
    this.inspections = inspections;
    this.photos = photos;
  }

  @PostMapping("/api/v1/inspections")
  ResponseEntity<Inspections.Result> submit(
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestBody Inspections.Submission body) {
    Inspections.Recorded r = inspections.submit(key, body);
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.result());
  }

  @GetMapping("/api/v1/inspections")
  Inspections.Page list(
      @RequestParam(required = false) Long objectId,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return inspections.list(objectId, mine, page, size);
  }

  @GetMapping("/api/v1/inspections/{id}")
  Inspections.Detail get(@PathVariable long id) {
    return inspections.get(id);
  }

  @GetMapping("/api/v1/inspections/{id}/signature")
  ResponseEntity<byte[]> signature(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(inspections.signaturePng(id));
  }

  @PostMapping("/api/v1/inspections/{id}/items/{key}/case")
  ResponseEntity<Map<String, Object>> itemCase(
      @PathVariable long id,
      @PathVariable String key,
      @RequestBody(required = false) CaseRequest body) {
    Inspections.ItemCase c = inspections.caseFor(id, key, body == null ? null : body.description());
    return ResponseEntity.status(c.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("caseId", c.caseId(), "number", c.number()));
  }

  @PostMapping(path = "/api/v1/inspections/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Photos.Photo> upload(
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestPart("file") MultipartFile file) {
    byte[] content;
    try {
      // never read more than the limit allows: a bigger file is refused by its size first
      content = file.getSize() > Photos.MAX_BYTES ? new byte[0] : file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Photos.Stored s = photos.upload(key, file.getSize(), content);
    return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(s.photo());
  }

  @GetMapping("/api/v1/inspections/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable String photoId) {
    Photos.Content c = photos.content(photoId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(c.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(c.bytes());
  }
}
