package cn.anwang.publicreport.desk;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/public-reports/{id}/photos}: list, original (audited), approve, withdraw. */
@RestController
@RequestMapping("/api/v1/public-reports/{id}/photos")
class ReportPhotoApiController {

  private final PhotoModeration photos;

  ReportPhotoApiController(PhotoModeration photos) {
    this.photos = photos;
  }

  @GetMapping
  List<PhotoModeration.Photo> list(@PathVariable long id) {
    return photos.list(id);
  }

  @GetMapping("/{photoId}")
  ResponseEntity<byte[]> original(@PathVariable long id, @PathVariable long photoId) {
    PhotoModeration.Original o = photos.original(id, photoId);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore().cachePrivate())
        .contentType(MediaType.parseMediaType(o.contentType()))
        .body(o.content());
  }

  @PostMapping("/{photoId}/approve")
  List<PhotoModeration.Photo> approve(@PathVariable long id, @PathVariable long photoId) {
    return photos.approve(id, photoId, true);
  }

  @PostMapping("/{photoId}/withdraw")
  List<PhotoModeration.Photo> withdraw(@PathVariable long id, @PathVariable long photoId) {
    return photos.approve(id, photoId, false);
  }
}
