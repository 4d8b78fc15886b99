package cn.anwang.assessment.web;

import cn.anwang.assessment.indicator.Indicator.Direction;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.scheme.Curve;
import cn.anwang.assessment.scheme.Scheme;
import cn.anwang.assessment.scheme.SchemeAccess;
import cn.anwang.assessment.scheme.SchemeItem;
import cn.anwang.assessment.scheme.Schemes;
import cn.anwang.assessment.scheme.ScoreSheets;
import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.shared.calendar.WorkingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheme pages: {@code /assessment/schemes} (list, new draft), {@code /assessment/schemes/{id}}
 * (items editor, publish, ranking) and {@code /assessment/schemes/{id}/sheets/{unit}} (the score
 * sheet, each number linking to its records; comment, sign-off, history). Forms post and redirect;
 * a refusal (422, 409) is shown on the page it came from.
 */
@Controller
class SchemePageController {

  private final Schemes schemes;
  private final ScoreSheets sheets;
  private final SchemeAccess access;
  private final SchemeViews views;
  private final IndicatorCatalogue catalogue;
  private final IndicatorTexts texts;

  SchemePageController(
      Schemes schemes,
      ScoreSheets sheets,
      SchemeAccess access,
      SchemeViews views,
      IndicatorCatalogue catalogue,
      IndicatorTexts texts) {
    this.schemes = schemes;
    this.sheets = sheets;
    this.access = access;
    this.views = views;
    this.catalogue = catalogue;
    this.texts = texts;
  }

  @GetMapping("/assessment/schemes")
  String list(Model model) {
    Actor actor = access.reader();
    model.addAttribute(
        "schemes", schemes.list(null).stream().map(s -> views.scheme(s, actor)).toList());
    String level =
        actor.role() == Role.DISTRICT_ADMIN
            ? "STREET"
            : actor.role() == Role.CITY_ADMIN ? "DISTRICT" : null;
    model.addAttribute("newLevel", level);
    model.addAttribute("thisYear", LocalDate.now(WorkingCalendar.CHINA).getYear());
    return "assessment/schemes";
  }

  @PostMapping("/assessment/schemes")
  String create(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String level,
      RedirectAttributes redirect) {
    return attempt(
        () ->
            "redirect:/assessment/schemes/"
                + schemes.create(new Schemes.Draft(name, year, level, List.of())).id(),
        "redirect:/assessment/schemes",
        redirect);
  }

  @GetMapping("/assessment/schemes/{id}")
  String scheme(@PathVariable long id, Model model) {
    Actor actor = access.reader();
    Scheme s = schemes.get(id);
    model.addAttribute("scheme", views.scheme(s, actor));
    model.addAttribute(
        "indicators",
        catalogue.all().stream()
            .filter(i -> i.better() != Direction.NEUTRAL && i.finest().atOrBelow(s.level().level()))
            .map(texts::view)
            .toList());
    boolean ranked = s.status() == Scheme.Status.PUBLISHED && SchemeAccess.readsAll(actor, s);
    boolean begun = s.year() <= LocalDate.now(WorkingCalendar.CHINA).getYear();
    model.addAttribute("ranking", ranked && begun ? sheets.ranking(id) : null);
    model.addAttribute("ownUnit", SchemeAccess.assessedUnit(actor, s));
    return "assessment/scheme";
  }

  @PostMapping("/assessment/schemes/{id}/items")
  String addItem(
      @PathVariable long id,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) Double weight,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Double floor,
      @RequestParam(required = false) Double target,
      @RequestParam(required = false) String steps,
      RedirectAttributes redirect) {
    String back = "redirect:/assessment/schemes/" + id;
    return attempt(
        () -> {
          List<SchemeItem> items = new ArrayList<>(schemes.get(id).items());
          Curve curve =
              "STEPS".equals(kind)
                  ? Curve.steps(steps(steps))
                  : "LINEAR".equals(kind)
                      ? new Curve(Curve.Kind.LINEAR, floor, target, null)
                      : null;
          items.add(new SchemeItem(code, weight, curve));
          schemes.update(id, new Schemes.Draft(null, null, null, items));
          return back;
        },
        back,
        redirect);
  }

  @PostMapping("/assessment/schemes/{id}/items/{n}/remove")
  String removeItem(@PathVariable long id, @PathVariable int n, RedirectAttributes redirect) {
    String back = "redirect:/assessment/schemes/" + id;
    return attempt(
        () -> {
          List<SchemeItem> items = new ArrayList<>(schemes.get(id).items());
          if (n >= 0 && n < items.size()) {
            items.remove(n);
          }
          schemes.update(id, new Schemes.Draft(null, null, null, items));
          return back;
        },
        back,
        redirect);
  }

  @PostMapping("/assessment/schemes/{id}/publish")
  String publish(@PathVariable long id, RedirectAttributes redirect) {
    String back = "redirect:/assessment/schemes/" + id;
    return attempt(
        () -> {
          schemes.publish(id);
          return back;
        },
        back,
        redirect);
  }

  @GetMapping("/assessment/schemes/{id}/sheets/{unit}")
  String sheet(@PathVariable long id, @PathVariable String unit, Model model) {
    Actor actor = access.reader();
    model.addAttribute("sheet", views.sheet(sheets.sheet(id, unit), actor));
    return "assessment/sheet";
  }

  @PostMapping("/assessment/schemes/{id}/sheets/{unit}/comments")
  String comment(
      @PathVariable long id,
      @PathVariable String unit,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    String back = "redirect:/assessment/schemes/" + id + "/sheets/" + unit;
    return attempt(
        () -> {
          sheets.comment(id, unit, comment);
          return back;
        },
        back,
        redirect);
  }

  @PostMapping("/assessment/schemes/{id}/sheets/{unit}/sign")
  String sign(@PathVariable long id, @PathVariable String unit, RedirectAttributes redirect) {
    String back = "redirect:/assessment/schemes/" + id + "/sheets/" + unit;
    return attempt(
        () -> {
          sheets.sign(id, unit);
          return back;
        },
        back,
        redirect);
  }

  /** Runs a change; a 422 or 409 goes back to the page with its message, others propagate. */
  private static String attempt(Supplier<String> change, String back, RedirectAttributes redirect) {
    try {
      return change.get();
    } catch (ErrorResponseException e) {
      int status = e.getStatusCode().value();
      if (status != 422 && status != 409) {
        throw e;
      }
      String detail = e.getBody().getDetail();
      java.util.Map<String, Object> properties = e.getBody().getProperties();
      if (properties != null
          && properties.get("errors") instanceof List<?> l
          && !l.isEmpty()
          && l.get(0) instanceof java.util.Map<?, ?> m) {
        detail = String.valueOf(m.get("message"));
      }
      redirect.addFlashAttribute("refusal", detail);
      return back;
    }
  }

  /**
   * Steps typed as threshold:fraction pairs (60:0.5 80:1); a malformed pair becomes a step the
   * rules refuse.
   */
  private static List<Curve.Step> steps(String text) {
    List<Curve.Step> steps = new ArrayList<>();
    if (text == null) {
      return steps;
    }
    for (String part : text.split("[,，;；\\s]+")) {
      if (part.isBlank()) {
        continue;
      }
      String[] tf = part.split("[:：]");
      steps.add(new Curve.Step(number(tf[0]), tf.length > 1 ? number(tf[1]) : null));
    }
    return steps;
  }

  private static Double number(String s) {
    try {
      return Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
