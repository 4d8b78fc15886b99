package cn.anwang.area.grid;

import cn.anwang.identity.CurrentActor;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The quality report page for a street or district. */
@Controller
class QualityPageController {

  private final QualityReportService quality;
  private final DivisionChoices choices;
  private final CurrentActor currentActor;
  private final ObjectMapper json;

  QualityPageController(
      QualityReportService quality,
      DivisionChoices choices,
      CurrentActor currentActor,
      ObjectMapper json) {
    this.quality = quality;
    this.choices = choices;
    this.currentActor = currentActor;
    this.json = json;
  }

  @GetMapping("/grids/quality")
  String quality(@RequestParam(required = false) String division, Locale locale, Model model) {
    String territory = currentActor.require().scope().territoryCode();
    List<DivisionChoices.Choice> options =
        choices.under(territory, false).stream().filter(c -> !c.level().equals("city")).toList();
    model.addAttribute("choices", options);
    String selected = division;
    if ((selected == null || selected.isBlank()) && territory.length() >= 6) {
      selected = territory;
    }
    if (selected != null && !selected.isBlank()) {
      QualityReport report = quality.report(selected, locale);
      model.addAttribute("report", report);
      model.addAttribute("overlapJson", overlapCollection(report));
      model.addAttribute(
          "gapJson",
          report.gap() == null ? null : json.writeValueAsString(report.gap().geometry()));
    }
    model.addAttribute("selected", selected);
    return "grid/quality";
  }

  private String overlapCollection(QualityReport report) {
    ObjectNode fc = json.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (QualityReport.Overlap o : report.overlaps()) {
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.putObject("properties").put("a", o.codeA()).put("b", o.codeB()).put("areaM2", o.areaM2());
      f.set("geometry", o.geometry());
    }
    return json.writeValueAsString(fc);
  }
}
