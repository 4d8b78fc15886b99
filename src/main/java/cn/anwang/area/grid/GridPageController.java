package cn.anwang.area.grid;

import cn.anwang.area.Divisions;
import cn.anwang.identity.CurrentActor;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The grid list, a grid's detail page, its edit form and deletion. */
@Controller
class GridPageController {

  static final int PAGE_SIZE = 50;

  private final GridService grids;
  private final GridGeoJson geoJson;
  private final Divisions divisions;
  private final DivisionChoices choices;
  private final CurrentActor currentActor;
  private final MapProperties map;
  private final MessageSource messages;

  GridPageController(
      GridService grids,
      GridGeoJson geoJson,
      Divisions divisions,
      DivisionChoices choices,
      CurrentActor currentActor,
      MapProperties map,
      MessageSource messages) {
    this.messages = messages;
    this.map = map;
    this.grids = grids;
    this.geoJson = geoJson;
    this.divisions = divisions;
    this.choices = choices;
    this.currentActor = currentActor;
  }

  /** The list, or for an htmx request only its table. */
  @GetMapping("/grids")
  String list(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model) {
    String root = grids.scopeRoot(division);
    model.addAttribute("result", grids.search(root, q, page, PAGE_SIZE));
    model.addAttribute("division", root);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute(
        "choices", choices.under(currentActor.require().scope().territoryCode(), false));
    model.addAttribute("mayEdit", grids.mayEdit());
    return htmx != null ? "grid/list :: table" : "grid/list";
  }

  @GetMapping("/grids/{code}")
  String detail(@PathVariable String code, Model model) {
    GridRow grid = grids.find(code);
    model.addAttribute("grid", grid);
    model.addAttribute("path", divisions.path(grid.divisionCode()));
    model.addAttribute("types", GridType.values());
    model.addAttribute("map", map);
    model.addAttribute("mayEdit", grids.mayEdit());
    return "grid/detail";
  }

  @GetMapping("/grids/{code}/shape")
  ResponseEntity<byte[]> shape(@PathVariable String code) {
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .body(geoJson.feature(grids.find(code)));
  }

  @PostMapping("/grids/{code}")
  String edit(
      @PathVariable String code,
      @RequestParam String name,
      @RequestParam String type,
      @RequestParam String divisionCode,
      @RequestParam(required = false) String externalId,
      @RequestParam int version,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    GridService.Edited edited;
    try {
      edited =
          grids.update(
              code,
              new GridChanges(
                  name, type, divisionCode, externalId == null ? "" : externalId, version),
              null);
    } catch (GridEditRejected | GridVersionConflict e) {
      model.addAttribute("error", e.reason().in(messages, locale));
      return detail(code, model);
    }
    redirect.addFlashAttribute("saved", true);
    redirect.addFlashAttribute(
        "warnings", edited.warnings().stream().map(w -> w.message().in(messages, locale)).toList());
    return "redirect:/grids/" + code;
  }

  @PostMapping("/grids/{code}/delete")
  String delete(
      @PathVariable String code,
      @RequestParam int version,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    try {
      grids.delete(code, version);
    } catch (GridVersionConflict e) {
      model.addAttribute("error", e.reason().in(messages, locale));
      return detail(code, model);
    }
    redirect.addFlashAttribute("deleted", code);
    return "redirect:/grids";
  }

  @GetMapping("/grids/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String division) {
    String root = grids.scopeRoot(division);
    return ResponseEntity.ok()
        .contentType(GridGeoJson.GEO_JSON)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("grids-" + root + ".geojson")
                .build()
                .toString())
        .body(geoJson.collection(grids.export(root)));
  }
}
