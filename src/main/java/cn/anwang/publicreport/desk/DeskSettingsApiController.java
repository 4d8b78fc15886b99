package cn.anwang.publicreport.desk;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/public-report-settings/{district}}: a district's desk settings. */
@RestController
class DeskSettingsApiController {

  private final DeskSettings settings;

  DeskSettingsApiController(DeskSettings settings) {
    this.settings = settings;
  }

  record Change(Integer duplicateMetres) {}

  @GetMapping("/api/v1/public-report-settings/{district}")
  DeskSettings.Settings get(@PathVariable String district) {
    return settings.get(district);
  }

  @PutMapping("/api/v1/public-report-settings/{district}")
  DeskSettings.Settings put(@PathVariable String district, @RequestBody Change body) {
    return settings.put(district, body == null ? null : body.duplicateMetres());
  }
}
