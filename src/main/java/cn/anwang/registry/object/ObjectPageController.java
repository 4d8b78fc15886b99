package cn.anwang.registry.object;

import cn.anwang.shared.supervision.ObjectKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The object list (htmx filters) and an object's page with its map, departments and history. */
@Controller
class ObjectPageController {

  static final int PAGE_SIZE = 50;
  static final int MAP_LIMIT = 20_000;

  private final ObjectService objects;
  private final DepartmentNames departmentNames;
  private final String tileUrl;
  private final String tileAttribution;
  private final ObjectAccountService accounts;

  ObjectPageController(
      ObjectService objects,
      DepartmentNames departmentNames,
      ObjectAccountService accounts,
      @Value("${anwang.map.tile-url-template:}") String tileUrl,
      @Value("${anwang.map.tile-attribution:}") String tileAttribution) {
    this.accounts = accounts;
    this.objects = objects;
    this.departmentNames = departmentNames;
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
  }

  /** The list, or for an htmx request only its table. */
  @GetMapping("/objects")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) ObjectKind kind,
      @RequestParam(required = false) String industry,
      @RequestParam(required = false) RiskLevel risk,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String grid,
      @RequestParam(required = false) ObjectStatus status,
      @RequestParam(required = false) Boolean outsideGrids,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    ObjectQuery query =
        new ObjectQuery(
            q, kind, industry, risk, department, grid, null, status, null, outsideGrids, null);
    ObjectService.ObjectPage result = objects.search(query, page, PAGE_SIZE);
    Map<Long, List<String>> departments = objects.departmentCodes(result.objects());
    model.addAttribute("result", result);
    model.addAttribute("departments", departments);
    model.addAttribute(
        "departmentNames",
        departmentNames.of(departments.values().stream().flatMap(List::stream).toList()));
    model.addAttribute("mayCreate", objects.mayCreate());
    model.addAttribute("exportUrl", exportUrl(query));
    model.addAttribute("query", query);
    model.addAttribute("kinds", ObjectKind.values());
    model.addAttribute("risks", RiskLevel.values());
    model.addAttribute("statuses", ObjectStatus.values());
    model.addAttribute(
        "departmentChoices",
        objects
            .departmentFilterDistrict()
            .map(d -> departmentNames.choicesFor(d.isEmpty() ? null : d))
            .orElse(List.of()));
    return htmx != null ? "registry/list :: table" : "registry/list";
  }

  /** The export of the list as it is filtered: the same parameters, only those set. */
  static String exportUrl(ObjectQuery q) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/objects/export");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q.q());
    params.put("kind", q.kind());
    params.put("industry", q.industry());
    params.put("risk", q.risk());
    params.put("department", q.department());
    params.put("grid", q.grid());
    params.put("status", q.status());
    params.put("outsideGrids", q.outsideGrids());
    params.forEach(
        (name, value) -> {
          if (value != null && !value.toString().isBlank()) {
            url.queryParam(name, value);
          }
        });
    return url.encode().build().toUriString();
  }

  /** The map of objects coloured by risk. */
  @GetMapping("/objects/map")
  String map(Model model) {
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("tileAttribution", tileAttribution);
    model.addAttribute("risks", RiskLevel.values());
    model.addAttribute("limit", MAP_LIMIT);
    return "registry/map";
  }

  /** Located objects in scope as GeoJSON points with id, name and effective risk. */
  @GetMapping("/objects/map.geojson")
  ResponseEntity<Map<String, Object>> mapPoints(
      @RequestParam(required = false) RiskLevel risk,
      @RequestParam(required = false) ObjectKind kind) {
    ObjectQuery query =
        new ObjectQuery(null, kind, null, risk, null, null, null, null, null, null, null);
    List<Map<String, Object>> features =
        objects.mapPoints(query, MAP_LIMIT).stream()
            .map(
                p -> {
                  Map<String, Object> properties = new LinkedHashMap<>();
                  properties.put("id", p.id());
                  properties.put("name", p.name());
                  properties.put("risk", p.risk());
                  return Map.<String, Object>of(
                      "type",
                      "Feature",
                      "geometry",
                      Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat())),
                      "properties",
                      properties);
                })
            .toList();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/geo+json"))
        .body(Map.of("type", "FeatureCollection", "features", features));
  }

  @GetMapping("/objects/{id}")
  String detail(@PathVariable long id, Model model) {
    ObjectView object = objects.get(id);
    model.addAttribute("object", object);
    model.addAttribute(
        "departmentNames",
        departmentNames.of(
            object.departments().stream().map(DepartmentLink::departmentCode).toList()));
    model.addAttribute("mayEdit", objects.mayEdit());
    model.addAttribute("mayDelete", objects.mayDelete());
    model.addAttribute("history", objects.history(id));
    model.addAttribute("accounts", accounts.list(id));
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("tileAttribution", tileAttribution);
    return "registry/detail";
  }
}
