package cn.anwang.area.grid;

import cn.anwang.area.Divisions;
import cn.anwang.identity.CurrentActor;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The grid map: district boundaries and grids drawn as vectors, no outside tiles by default. */
@Controller
class MapPageController {

  /** Above this many grids the map asks for a smaller division instead of drawing them all. */
  static final int MAX_GRIDS_DRAWN = 5000;

  private final GridService grids;
  private final GridRepository repository;
  private final DivisionShapes shapes;
  private final DivisionChoices choices;
  private final Divisions divisions;
  private final CurrentActor currentActor;
  private final MapProperties map;
  private final GridGeoJson geoJson;

  MapPageController(
      GridService grids,
      GridRepository repository,
      DivisionShapes shapes,
      DivisionChoices choices,
      Divisions divisions,
      CurrentActor currentActor,
      MapProperties map,
      GridGeoJson geoJson) {
    this.geoJson = geoJson;
    this.grids = grids;
    this.repository = repository;
    this.shapes = shapes;
    this.choices = choices;
    this.divisions = divisions;
    this.currentActor = currentActor;
    this.map = map;
  }

  @GetMapping("/map")
  String map(@RequestParam(required = false) String division, Model model) {
    String root = grids.scopeRoot(division);
    long count = repository.count(root, "");
    model.addAttribute("division", divisions.find(root).orElse(null));
    model.addAttribute("gridCount", count);
    model.addAttribute("tooMany", count > MAX_GRIDS_DRAWN);
    model.addAttribute("maxGrids", MAX_GRIDS_DRAWN);
    model.addAttribute(
        "choices", choices.under(currentActor.require().scope().territoryCode(), false));
    model.addAttribute("map", map);
    return "grid/map";
  }

  @GetMapping("/map/grids.geojson")
  ResponseEntity<byte[]> grids(@RequestParam(required = false) String division) {
    String root = grids.scopeRoot(division);
    List<GridRow> rows =
        repository.count(root, "") > MAX_GRIDS_DRAWN ? List.of() : grids.export(root);
    return ResponseEntity.ok().contentType(GridGeoJson.GEO_JSON).body(geoJson.collection(rows));
  }

  @GetMapping("/map/boundaries.geojson")
  ResponseEntity<byte[]> boundaries(@RequestParam(required = false) String division) {
    String root = grids.scopeRoot(division);
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .body(shapes.featureCollection(shapes.withChildren(root)));
  }
}
