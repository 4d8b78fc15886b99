package cn.anwang.outreach.publicity;

import cn.anwang.identity.CurrentActor;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.outreach.web.OutreachStaff;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The staff's publicity pages: {@code /publicity} (list with filters), {@code /publicity/new} (the
 * form; a refusal comes back on the form with the field named), {@code /publicity/{id}}, {@code
 * /publicity/calendar} (a month) and {@code /publicity/coverage}. The same services as the API.
 */
@Controller
class PublicityPageController {

  private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

  private final PublicityActivities activities;
  private final PublicityQueries queries;
  private final CurrentActor currentActor;
  private final MessageSource messages;

  PublicityPageController(
      PublicityActivities activities,
      PublicityQueries queries,
      CurrentActor currentActor,
      MessageSource messages) {
    this.activities = activities;
    this.queries = queries;
    this.currentActor = currentActor;
    this.messages = messages;
  }

  @GetMapping("/publicity")
  String list(
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String grid,
      Model model) {
    model.addAttribute("activities", queries.list(from, to, type, grid, 200, 0));
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("type", type);
    model.addAttribute("grid", grid);
    model.addAttribute("types", PublicityActivities.TYPES.stream().sorted().toList());
    model.addAttribute(
        "mayRecord", PublicityActivities.RECORDERS.contains(currentActor.require().role()));
    return "outreach/publicity/list";
  }

  /** What the form posts back (times as the browser's {@code datetime-local}, Beijing time). */
  record Form(
      String type,
      String startsAt,
      String endsAt,
      String place,
      String audience,
      Integer audienceSize,
      String materials,
      String notes,
      String gridCode,
      String objectIds) {}

  @GetMapping("/publicity/new")
  String form(Model model) {
    model.addAttribute("clientId", UUID.randomUUID().toString());
    model.addAttribute(
        "form", new Form("LECTURE", null, null, null, null, null, null, null, null, null));
    return formPage(model);
  }

  @PostMapping("/publicity/new")
  String record(
      @RequestParam String clientId,
      Form form,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
      Model model,
      Locale locale) {
    try {
      List<Long> ids = new ArrayList<>();
      if (form.objectIds() != null && !form.objectIds().isBlank()) {
        for (String s : form.objectIds().split("[,，\\s]+")) {
          if (!s.isBlank()) {
            try {
              ids.add(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
              throw new OutreachRejected("objectIds", "publicity.rule.objectOutside", s);
            }
          }
        }
      }
      PublicityActivities.Recorded r =
          activities.record(
              new PublicityActivities.Activity(
                  clientId,
                  form.type(),
                  time(form.startsAt(), "startsAt"),
                  time(form.endsAt(), "endsAt"),
                  form.place(),
                  form.audience(),
                  form.audienceSize(),
                  form.materials(),
                  form.notes(),
                  form.gridCode(),
                  ids,
                  "DESK"),
              photos == null ? List.of() : photos);
      return "redirect:/publicity/" + r.id();
    } catch (OutreachRejected e) {
      model.addAttribute("clientId", clientId);
      model.addAttribute("form", form);
      model.addAttribute("errorField", e.field());
      model.addAttribute(
          "error",
          e.field() + ": " + messages.getMessage(e.rule(), new Object[] {e.argument()}, locale));
      return formPage(model);
    }
  }

  private static OffsetDateTime time(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip()).atOffset(BEIJING);
    } catch (DateTimeParseException e) {
      throw new OutreachRejected(field, "publicity.rule.unknownValue", text);
    }
  }

  private String formPage(Model model) {
    model.addAttribute("types", PublicityActivities.TYPES.stream().sorted().toList());
    return "outreach/publicity/new";
  }

  @GetMapping("/publicity/{id:\\d+}")
  String detail(@PathVariable long id, Model model) {
    model.addAttribute("d", queries.get(id));
    return "outreach/publicity/detail";
  }

  @GetMapping("/publicity/calendar")
  String calendar(@RequestParam(required = false) String month, Model model) {
    YearMonth ym;
    try {
      ym = month == null || month.isBlank() ? YearMonth.now(BEIJING) : YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      ym = YearMonth.now(BEIJING);
    }
    Map<LocalDate, List<PublicityQueries.Summary>> byDay = new LinkedHashMap<>();
    for (int d = 1; d <= ym.lengthOfMonth(); d++) {
      byDay.put(ym.atDay(d), new ArrayList<>());
    }
    for (PublicityQueries.Summary s :
        queries.list(ym.atDay(1), ym.atEndOfMonth(), null, null, 500, 0)) {
      LocalDate day = s.startsAt().atOffset(BEIJING).toLocalDate();
      if (byDay.containsKey(day)) {
        byDay.get(day).add(0, s);
      }
    }
    List<List<LocalDate>> weeks = new ArrayList<>();
    LocalDate first = ym.atDay(1).minusDays(ym.atDay(1).getDayOfWeek().getValue() - 1L);
    for (LocalDate w = first; !w.isAfter(ym.atEndOfMonth()); w = w.plusDays(7)) {
      LocalDate start = w;
      List<LocalDate> days = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        LocalDate day = start.plusDays(i);
        days.add(day.getMonth() == ym.getMonth() ? day : null);
      }
      weeks.add(days);
    }
    model.addAttribute("month", ym);
    model.addAttribute("prev", ym.minusMonths(1));
    model.addAttribute("next", ym.plusMonths(1));
    model.addAttribute("weeks", weeks);
    model.addAttribute("byDay", byDay);
    return "outreach/publicity/calendar";
  }

  @GetMapping("/publicity/coverage")
  String coverage(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) String street,
      Model model) {
    int y = year != null ? year : LocalDate.now(BEIJING).getYear();
    List<PublicityQueries.Coverage> items = queries.coverage(y, street);
    int reached = items.stream().mapToInt(PublicityQueries.Coverage::reached).sum();
    int total = items.stream().mapToInt(PublicityQueries.Coverage::total).sum();
    model.addAttribute("year", y);
    model.addAttribute("street", street);
    model.addAttribute("items", items);
    model.addAttribute("reached", reached);
    model.addAttribute("total", total);
    model.addAttribute("rate", OutreachStaff.percent(reached, total));
    return "outreach/publicity/coverage";
  }
}
