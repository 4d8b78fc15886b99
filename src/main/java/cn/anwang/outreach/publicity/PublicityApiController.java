package cn.anwang.outreach.publicity;

import cn.anwang.outreach.web.OutreachStaff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
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
 * {@code /api/v1/publicity-activities}: record (JSON, or multipart with an {@code activity} JSON
 * part and up to nine {@code photos}; idempotent by {@code clientId}: 201 the first time, 200 for a
 * retry), list, read, photos (and one added later, by its UUID); and {@code
 * /api/v1/publicity-coverage}.
 */
@RestController
class PublicityApiController {

  private final PublicityActivities activities;
  private final PublicityQueries queries;
  private final PublicityPhotos photos;

  PublicityApiController(
      PublicityActivities activities, PublicityQueries queries, PublicityPhotos photos) {
    this.activities = activities;
    this.queries = queries;
    this.photos = photos;
  }

  @PostMapping(path = "/api/v1/publicity-activities", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> record(@RequestBody PublicityActivities.Activity a) {
    return recorded(activities.record(a, List.of()));
  }

  @PostMapping(
      path = "/api/v1/publicity-activities",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> recordWithPhotos(
      @RequestPart("activity") PublicityActivities.Activity a,
      @RequestPart(value = "photos", required = false) List<MultipartFile> uploads) {
    return recorded(activities.record(a, uploads == null ? List.of() : uploads));
  }

  private static ResponseEntity<Map<String, Object>> recorded(PublicityActivities.Recorded r) {
    return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("id", r.id()));
  }

  @GetMapping("/api/v1/publicity-activities")
  Map<String, Object> list(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String grid,
      @RequestParam(defaultValue = "100") int limit,
      @RequestParam(defaultValue = "0") int offset) {
    return Map.of("items", queries.list(from, to, type, grid, limit, offset));
  }

  @GetMapping("/api/v1/publicity-activities/{id}")
  PublicityQueries.Detail get(@PathVariable long id) {
    return queries.get(id);
  }

  /** One photo added to a recorded activity (the phone's outbox), idempotent per photo UUID. */
  @PostMapping(
      path = "/api/v1/publicity-activities/{id}/photos",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<PublicityQueries.Photo> addPhoto(
      @PathVariable long id,
      @RequestHeader(value = "Idempotency-Key", required = false) String key,
      @RequestPart(value = "file", required = false) MultipartFile file) {
    PublicityPhotos.Added a = photos.add(id, key, file);
    return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(a.photo());
  }

  @GetMapping("/api/v1/publicity-activities/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    queries.get(id);
    return photos.download(id, photoId);
  }

  @GetMapping("/api/v1/publicity-coverage")
  Map<String, Object> coverage(
      @RequestParam(required = false) Integer year, @RequestParam(required = false) String street) {
    int y = year != null ? year : LocalDate.now(PublicityQueries.BEIJING).getYear();
    List<PublicityQueries.Coverage> items = queries.coverage(y, street);
    int reached = items.stream().mapToInt(PublicityQueries.Coverage::reached).sum();
    int total = items.stream().mapToInt(PublicityQueries.Coverage::total).sum();
    return Map.of(
        "year",
        y,
        "items",
        items,
        "totals",
        Map.of("reached", reached, "total", total, "rate", OutreachStaff.percent(reached, total)));
  }
}
