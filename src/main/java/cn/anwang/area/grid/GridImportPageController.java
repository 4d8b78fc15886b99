package cn.anwang.area.grid;

import cn.anwang.identity.CurrentActor;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload, see the dry-run report, then confirm. The upload stays on the server
 * between the two steps, so what is confirmed is exactly what was checked. Reasons and warnings are
 * shown in the user's language.
 */
@Controller
class GridImportPageController {

  private final GridService grids;
  private final ImportUploads uploads;
  private final GridsProperties properties;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  GridImportPageController(
      GridService grids,
      ImportUploads uploads,
      GridsProperties properties,
      CurrentActor currentActor,
      MessageSource messages) {
    this.grids = grids;
    this.uploads = uploads;
    this.properties = properties;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  @GetMapping("/grids/import")
  String form(Model model) {
    model.addAttribute("maxMb", properties.importMaxBytes().toMegabytes());
    model.addAttribute("maxBytes", properties.importMaxBytes().toBytes());
    return "grid/import";
  }

  @PostMapping("/grids/import")
  String dryRun(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean repair,
      Locale locale,
      Model model)
      throws IOException {
    model.addAttribute("maxMb", properties.importMaxBytes().toMegabytes());
    model.addAttribute("maxBytes", properties.importMaxBytes().toBytes());
    model.addAttribute("fileName", file.getOriginalFilename());
    if (file.isEmpty()) {
      model.addAttribute("error", "grid.import.error.empty");
      return "grid/import";
    }
    if (file.getSize() > properties.importMaxBytes().toBytes()) {
      model.addAttribute(
          "errorText",
          ImportTooLarge.overLimit(properties.importMaxBytes().toBytes())
              .reason()
              .in(messages, locale));
      return "grid/import";
    }
    byte[] content = file.getBytes();
    ImportReport report;
    try {
      report = grids.importGrids(content, true, repair);
    } catch (MalformedGeoJson e) {
      model.addAttribute("errorText", e.reason().in(messages, locale));
      return "grid/import";
    }
    model.addAttribute("report", report.in(messages, locale));
    model.addAttribute("repair", repair);
    if (report.accepted()) {
      String username = currentActor.require().username();
      model.addAttribute(
          "token", uploads.save(username, file.getOriginalFilename(), repair, content));
    }
    return "grid/import";
  }

  @PostMapping("/grids/import/confirm")
  String confirm(@RequestParam UUID token, Locale locale, Model model) {
    model.addAttribute("maxMb", properties.importMaxBytes().toMegabytes());
    model.addAttribute("maxBytes", properties.importMaxBytes().toBytes());
    Optional<ImportUploads.Upload> upload = uploads.find(token, currentActor.require().username());
    if (upload.isEmpty()) {
      model.addAttribute("error", "grid.import.error.expired");
      return "grid/import";
    }
    ImportReport report = grids.importGrids(upload.get().content(), false, upload.get().repair());
    model.addAttribute("fileName", upload.get().fileName());
    model.addAttribute("report", report.in(messages, locale));
    model.addAttribute("done", report.accepted());
    if (report.accepted()) {
      uploads.delete(token);
    }
    return "grid/import";
  }
}
