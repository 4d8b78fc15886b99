package cn.anwang.inspection.mobile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.ObjectMapper;

/**
 * The officers' phone pages under {@code /m/}. Each page is a shell that its script fills from the
 * API (through the service worker's cache when offline), so the same HTML serves every object and
 * can be cached once. The texts the scripts need travel in the page as JSON data (the
 * Content-Security-Policy allows no inline script).
 */
@Controller
class MobilePageController {

  /** The message keys the phone scripts use, without the {@code m.js.} prefix. */
  static final List<String> SCRIPT_KEYS =
      List.of(
          "offline",
          "online",
          "loadFailed",
          "noTasks",
          "noObjects",
          "noCases",
          "noChecklist",
          "due",
          "overdue",
          "done",
          "distance",
          "dueDate",
          "inspect",
          "saved",
          "queued",
          "waiting",
          "synced",
          "rejected",
          "retry",
          "discard",
          "attempts",
          "nextTry",
          "reportCase",
          "caseReported",
          "outside",
          "failedItems",
          "yes",
          "no",
          "na",
          "note",
          "photo",
          "required",
          "position",
          "noPosition",
          "kind.photo",
          "kind.inspection",
          "kind.case",
          "kind.itemCase",
          "kind.publicity",
          "kind.publicityPhoto",
          "noParent",
          "risk.RED",
          "risk.ORANGE",
          "risk.YELLOW",
          "risk.BLUE",
          "myGrid",
          "loginNeeded",
          "emptyOutbox",
          "answerMissing",
          "signatureRequired",
          "signerRequired",
          "delivering",
          "kind.DOCUMENT_DELIVERY",
          "kind.PUBLICITY");

  private final MessageSource messages;
  private final ObjectMapper json;
  private final String tileUrl;
  private final String tileAttribution;

  MobilePageController(
      MessageSource messages,
      ObjectMapper json,
      @Value("${anwang.map.tile-url-template:}") String tileUrl,
      @Value("${anwang.map.tile-attribution:}") String tileAttribution) {
    this.messages = messages;
    this.json = json;
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
  }

  @GetMapping("/m")
  String root() {
    return "redirect:/m/";
  }

  @GetMapping("/m/")
  String today(Model model, Locale locale) {
    return page(model, locale, "today");
  }

  @GetMapping("/m/map")
  String map(Model model, Locale locale) {
    model.addAttribute("tileUrl", tileUrl);
    model.addAttribute("tileAttribution", tileAttribution);
    return page(model, locale, "map");
  }

  /** One shell for every object: the script reads the id from the address. */
  @GetMapping("/m/inspect/{objectId}")
  String inspect(@PathVariable String objectId, Model model, Locale locale) {
    return page(model, locale, "inspect");
  }

  @GetMapping("/m/report")
  String report(Model model, Locale locale) {
    return page(model, locale, "report");
  }

  /** The publicity activity form; it posts to outreach's API through the outbox. */
  @GetMapping("/m/publicity")
  String publicity(Model model, Locale locale) {
    return page(model, locale, "publicity");
  }

  @GetMapping("/m/cases")
  String cases(Model model, Locale locale) {
    return page(model, locale, "cases");
  }

  @GetMapping("/m/outbox")
  String outbox(Model model, Locale locale) {
    return page(model, locale, "outbox");
  }

  private String page(Model model, Locale locale, String name) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : SCRIPT_KEYS) {
      texts.put(key, messages.getMessage("m.js." + key, null, key, locale));
    }
    model.addAttribute("texts", json.writeValueAsString(texts));
    model.addAttribute("page", name);
    return "m/" + name;
  }
}
