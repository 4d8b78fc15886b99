package cn.anwang.outreach.document;

import cn.anwang.area.Division;
import cn.anwang.area.Divisions;
import cn.anwang.area.Grids;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.outreach.document.DocumentTargets.Targets;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.shared.supervision.ObjectKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff's document pages: {@code /documents} (list), {@code /documents/new} (the form: a
 * preview of the count, then publishing; a refusal comes back on the form with the field named),
 * {@code /documents/{id}} (counts, rates by grid, deliveries), {@code /documents/rates}. The same
 * services as the API, so the same scope, checks and audit.
 */
@Controller
class DocumentPageController {

  private final Documents documents;
  private final DocumentQueries queries;
  private final ReceiptRates rates;
  private final CurrentActor currentActor;
  private final Divisions divisions;
  private final Grids grids;
  private final MessageSource messages;

  DocumentPageController(
      Documents documents,
      DocumentQueries queries,
      ReceiptRates rates,
      CurrentActor currentActor,
      Divisions divisions,
      Grids grids,
      MessageSource messages) {
    this.documents = documents;
    this.queries = queries;
    this.rates = rates;
    this.currentActor = currentActor;
    this.divisions = divisions;
    this.grids = grids;
    this.messages = messages;
  }

  @GetMapping("/documents")
  String list(@RequestParam(required = false) Integer year, Model model) {
    model.addAttribute("documents", queries.list(year, 200, 0));
    model.addAttribute("year", year);
    model.addAttribute("mayPublish", Documents.PUBLISHERS.contains(currentActor.require().role()));
    model.addAttribute("today", queries.today());
    return "outreach/documents";
  }

  @GetMapping("/documents/new")
  String form(Model model) {
    queries.reader();
    model.addAttribute("clientId", UUID.randomUUID().toString());
    model.addAttribute(
        "form",
        new Form(null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), ""));
    return formPage(model);
  }

  /** What the form posts back. */
  record Form(
      String title,
      String issuer,
      String number,
      String summary,
      String receiptDeadline,
      List<String> divisions,
      List<String> grids,
      List<String> kinds,
      List<String> risks,
      String industries) {

    Targets targets() {
      List<String> codes =
          industries == null
              ? List.of()
              : Arrays.stream(industries.split("[\\s,，、;；]+")).filter(s -> !s.isBlank()).toList();
      return new Targets(divisions, grids, codes, kinds, risks);
    }
  }

  @PostMapping("/documents/new")
  String submit(
      @RequestParam String clientId,
      @RequestParam(defaultValue = "publish") String action,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String number,
      @RequestParam(required = false) String summary,
      @RequestParam(required = false) String receiptDeadline,
      @RequestParam(required = false) List<String> divisions,
      @RequestParam(required = false) List<String> grids,
      @RequestParam(required = false) List<String> kinds,
      @RequestParam(required = false) List<String> risks,
      @RequestParam(required = false) String industries,
      @RequestParam(required = false) List<MultipartFile> files,
      Model model,
      Locale locale) {
    Form form =
        new Form(
            title,
            issuer,
            number,
            summary,
            receiptDeadline,
            nn(divisions),
            nn(grids),
            nn(kinds),
            nn(risks),
            industries);
    model.addAttribute("clientId", clientId);
    model.addAttribute("form", form);
    try {
      if ("preview".equals(action)) {
        model.addAttribute("previewCount", documents.preview(form.targets()));
        return formPage(model);
      }
      LocalDate deadline = null;
      if (receiptDeadline != null && !receiptDeadline.isBlank()) {
        try {
          deadline = LocalDate.parse(receiptDeadline.strip());
        } catch (DateTimeParseException e) {
          throw new OutreachRejected(
              "receiptDeadline", "outreach.rule.unknownValue", receiptDeadline);
        }
      }
      Documents.Published p =
          documents.publish(
              null,
              new Documents.Publication(
                  clientId, title, issuer, number, summary, deadline, form.targets()),
              files == null ? List.of() : files);
      return "redirect:/documents/" + p.id() + "?published=" + p.deliveries();
    } catch (OutreachRejected e) {
      String label = messages.getMessage("outreach.field." + e.field(), null, e.field(), locale);
      String reason = messages.getMessage(e.rule(), new Object[] {e.argument()}, locale);
      model.addAttribute("failure", label + ": " + reason);
      model.addAttribute("failureField", e.field());
      return formPage(model);
    }
  }

  private String formPage(Model model) {
    Actor actor = currentActor.require();
    String territory = actor.scope().territoryCode();
    List<Division> options = divisions.children(territory);
    model.addAttribute("divisionOptions", options);
    model.addAttribute("gridOptions", grids.in(territory));
    model.addAttribute("kindOptions", Arrays.stream(ObjectKind.values()).map(Enum::name).toList());
    model.addAttribute("riskOptions", List.of("RED", "ORANGE", "YELLOW", "BLUE"));
    model.addAttribute(
        "territoryName", divisions.find(territory).map(Division::name).orElse(territory));
    model.addAttribute("minDeadline", queries.today());
    return "outreach/document-new";
  }

  @GetMapping("/documents/{id}")
  String detail(
      @PathVariable long id,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer published,
      Model model) {
    DocumentQueries.Detail d = queries.get(id);
    String s = status == null || status.isBlank() ? null : status;
    model.addAttribute("d", d);
    model.addAttribute("status", s);
    model.addAttribute("published", published);
    model.addAttribute("rates", rates.rates("grid", id, null));
    model.addAttribute("deliveries", queries.deliveries(id, s, 500, 0));
    return "outreach/document";
  }

  @GetMapping("/documents/rates")
  String rates(
      @RequestParam(defaultValue = "street") String by,
      @RequestParam(required = false) Integer year,
      Model model) {
    int y = year == null ? queries.today().getYear() : year;
    model.addAttribute("by", ReceiptRates.LEVELS.containsKey(by) ? by : "street");
    model.addAttribute("year", y);
    model.addAttribute(
        "rows", rates.rates(ReceiptRates.LEVELS.containsKey(by) ? by : "street", null, y));
    return "outreach/rates";
  }

  private static List<String> nn(List<String> values) {
    return values == null ? List.of() : values;
  }
}
