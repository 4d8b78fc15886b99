package cn.anwang.inspection.mobile;

import cn.anwang.identity.CurrentActor;
import cn.anwang.registry.SupervisedObjects.ObjectRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The officer's own grids and objects, for the phone pages (cached there for offline use). */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My area", description = "The calling officer's grids and objects")
class MyAreaApiController {

  private static final String GEO_JSON = "application/geo+json";

  private final MyArea area;
  private final CurrentActor currentActor;

  MyAreaApiController(MyArea area, CurrentActor currentActor) {
    this.area = area;
    this.currentActor = currentActor;
  }

  /**
   * One object on the officer's map.
   *
   * @param riskLevel the effective risk level: RED, ORANGE, YELLOW or BLUE (null when not graded)
   */
  record MyObject(
      long id,
      String name,
      String address,
      String kind,
      String gridCode,
      Double lon,
      Double lat,
      String riskLevel,
      String status,
      boolean directSupervision) {

    static MyObject of(ObjectRef o) {
      return new MyObject(
          o.id(),
          o.name(),
          o.address(),
          o.kind(),
          o.gridCode(),
          o.lon(),
          o.lat(),
          o.riskLevel(),
          o.status(),
          o.directSupervision());
    }
  }

  /**
   * @param truncated true when the grids hold more objects than are sent
   */
  record MyObjects(List<String> gridCodes, List<MyObject> items, boolean truncated) {}

  @GetMapping(
      path = "/grids",
      produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "My grids as GeoJSON",
      description =
          "The grids the calling officer is assigned to now, as a FeatureCollection; empty for a"
              + " user who is not an officer.")
  ResponseEntity<String> grids() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(GEO_JSON))
        .body(area.gridsGeoJson(currentActor.require()));
  }

  @GetMapping("/objects")
  @Operation(
      summary = "The objects in my grids",
      description =
          "Supervised objects that are not closed in the calling officer's grids, with position"
              + " and risk level; at most 2000 (truncated tells).")
  MyObjects objects() {
    var actor = currentActor.require();
    List<ObjectRef> found = area.objects(actor);
    boolean truncated = found.size() > MyArea.OBJECT_LIMIT;
    return new MyObjects(
        area.gridCodes(actor),
        found.stream().limit(MyArea.OBJECT_LIMIT).map(MyObject::of).toList(),
        truncated);
  }
}
