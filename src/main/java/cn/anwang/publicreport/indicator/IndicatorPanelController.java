package cn.anwang.publicreport.indicator;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /public-reports/indicators/panel}: the figures as an htmx fragment, which the dispatch
 * centre loads into its page (casework knows only the URL).
 */
@Controller
class IndicatorPanelController {

  private final IndicatorAccess access;

  IndicatorPanelController(IndicatorAccess access) {
    this.access = access;
  }

  @GetMapping("/public-reports/indicators/panel")
  String panel(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    model.addAttribute("result", access.read(null, from, to));
    return "publicreport/indicator-panel :: panel";
  }
}
