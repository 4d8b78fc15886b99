package cn.anwang.publicreport.intake;

import cn.anwang.area.PublicMap;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outlines the report form's map draws (the city's districts, public data shipped with the
 * product), kept for ten minutes in memory and cacheable by the browser for a day.
 */
@RestController
class ReportMapController {

  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
  private static final Duration KEEP = Duration.ofMinutes(10);

  private record Kept(byte[] body, Instant until) {}

  private final PublicMap map;
  private volatile Kept kept;

  ReportMapController(PublicMap map) {
    this.map = map;
  }

  @GetMapping("/report/map/districts.geojson")
  ResponseEntity<byte[]> districts() {
    Kept k = kept;
    if (k == null || Instant.now().isAfter(k.until())) {
      k = new Kept(map.districtsGeoJson(), Instant.now().plus(KEEP));
      kept = k;
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
        .contentType(GEO_JSON)
        .body(k.body());
  }
}
