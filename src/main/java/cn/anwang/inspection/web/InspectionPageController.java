package cn.anwang.inspection.web;

import cn.anwang.identity.CurrentActor;
import cn.anwang.inspection.checklist.Checklist;
import cn.anwang.inspection.checklist.ChecklistItem;
import cn.anwang.inspection.checklist.Checklists;
import cn.anwang.inspection.plan.PatrolCoverage;
import cn.anwang.inspection.plan.PatrolSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Desktop pages: the checklists ({@code /inspection/checklists}, one version with its versions and,
 * for administrators, a plain editor: one item a line, fields separated by {@code |}), and patrol
 * coverage with the district's plan ({@code /inspection/coverage?division=&on=}).
 */
@Controller
class InspectionPageController {

  private final Checklists checklists;
  private final PatrolCoverage coverage;
  private final PatrolSettings settings;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  InspectionPageController(
      Checklists checklists,
      PatrolCoverage coverage,
      PatrolSettings settings,
      CurrentActor currentActor,
      MessageSource messages) {
    this.checklists = checklists;
    this.coverage = coverage;
    this.settings = settings;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  @GetMapping("/inspection/checklists")
  String list(Model model) {
    model.addAttribute("checklists", checklists.current());
    model.addAttribute("mayEdit", checklists.mayEdit());
    return "inspection/checklists";
  }

  @GetMapping("/inspection/checklists/new")
  String create(Model model) {
    model.addAttribute("checklist", null);
    model.addAttribute("itemsText", "");
    model.addAttribute("mayEdit", checklists.mayEdit());
    return "inspection/checklist";
  }

  @GetMapping("/inspection/checklists/{id}")
  String view(@PathVariable long id, Model model) {
    Checklist c = checklists.get(id);
    model.addAttribute("checklist", c);
    model.addAttribute("versions", checklists.versions(c.code()));
    model.addAttribute("itemsText", itemsText(c.items()));
    model.addAttribute("mayEdit", checklists.mayEdit());
    return "inspection/checklist";
  }

  @PostMapping("/inspection/checklists")
  String save(
      @RequestParam(required = false) Long id,
      @RequestParam(required = false) String code,
      @RequestParam String name,
      @RequestParam(defaultValue = "") String kinds,
      @RequestParam(defaultValue = "") String industries,
      @RequestParam(defaultValue = "") String hazards,
      @RequestParam(defaultValue = "false") boolean example,
      @RequestParam String items,
      RedirectAttributes redirect) {
    try {
      Checklists.Draft d =
          new Checklists.Draft(
              code,
              name,
              null,
              split(kinds),
              split(industries),
              split(hazards),
              example,
              parse(items));
      Checklist saved = id == null ? checklists.create(d) : checklists.update(id, d);
      redirect.addFlashAttribute("message", msg("inspection.page.saved", saved.version()));
      return "redirect:/inspection/checklists/" + saved.id();
    } catch (InspectionRejected e) {
      redirect.addFlashAttribute("failure", e.field() + ": " + msg(e.rule(), e.argument()));
      return id == null
          ? "redirect:/inspection/checklists/new"
          : "redirect:/inspection/checklists/" + id;
    }
  }

  @GetMapping("/inspection/coverage")
  String coverage(
      @RequestParam(required = false) String division,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      Model model) {
    PatrolCoverage.Report report = coverage.of(division, on);
    model.addAttribute("report", report);
    String code = report.divisionCode();
    model.addAttribute(
        "plan",
        code.length() >= 6 ? settings.effective(code.substring(0, 6)) : settings.effective("12"));
    String territory = currentActor.require().scope().territoryCode();
    model.addAttribute(
        "parent",
        code.length() > territory.length()
            ? (code.length() == 12
                ? code.substring(0, 9)
                : code.length() == 9 ? code.substring(0, 6) : "12")
            : null);
    return "inspection/coverage";
  }

  static String itemsText(List<ChecklistItem> items) {
    StringBuilder b = new StringBuilder();
    for (ChecklistItem i : items) {
      b.append(
              String.join(
                  " | ",
                  i.key(),
                  i.text(),
                  i.legalBasis(),
                  i.answerType(),
                  i.photoRequired() ? "photo" : "-",
                  i.severity(),
                  i.caseType()))
          .append('\n');
    }
    return b.toString();
  }

  /** key | text | legal basis | answer type | photo or - | severity | case type, one a line. */
  static List<ChecklistItem> parse(String text) {
    List<ChecklistItem> out = new ArrayList<>();
    int line = 0;
    for (String raw : text.split("\\R")) {
      line++;
      if (raw.isBlank()) {
        continue;
      }
      String[] f = raw.split("\\|", -1);
      if (f.length != 7) {
        throw new InspectionRejected("items", "inspection.rule.itemLine", Integer.toString(line));
      }
      out.add(
          new ChecklistItem(
              f[0].strip(),
              f[1].strip(),
              f[2].strip(),
              f[3].strip(),
              f[4].strip().equalsIgnoreCase("photo"),
              f[5].strip(),
              f[6].strip()));
    }
    return out;
  }

  private static List<String> split(String s) {
    return Arrays.stream(s.split("[,，\\s]+")).filter(x -> !x.isBlank()).toList();
  }

  private String msg(String key, Object arg) {
    Locale locale = LocaleContextHolder.getLocale();
    return messages.getMessage(key, new Object[] {arg}, key, locale);
  }
}
