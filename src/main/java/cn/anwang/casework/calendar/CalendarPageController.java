package cn.anwang.casework.calendar;

import cn.anwang.shared.calendar.CalendarDay;
import cn.anwang.shared.calendar.DayKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/calendar?year=}: the year as months with holidays and make-up working days marked,
 * a banner when the year has no schedule, and for the city administrator an editor (one day a line:
 * {@code 2027-01-01 HOLIDAY 元旦}) and the deadline rules.
 */
@Controller
class CalendarPageController {

  /** A cell of a month: a day (null for padding) and how it counts. */
  record Cell(LocalDate date, String kind, String name) {}

  record Month(YearMonth month, List<List<Cell>> weeks) {}

  private final CalendarAdmin admin;
  private final MessageSource messages;

  private final cn.anwang.casework.reminder.ReminderRuleAdmin reminderRules;

  CalendarPageController(
      CalendarAdmin admin,
      MessageSource messages,
      cn.anwang.casework.reminder.ReminderRuleAdmin reminderRules) {
    this.reminderRules = reminderRules;
    this.admin = admin;
    this.messages = messages;
  }

  @GetMapping("/admin/calendar")
  String page(@RequestParam(required = false) Integer year, Model model) {
    int y =
        year == null
            ? LocalDate.now(cn.anwang.shared.calendar.WorkingCalendar.CHINA).getYear()
            : year;
    CalendarAdmin.Year data = admin.year(y);
    Map<LocalDate, CalendarDay> byDate = new HashMap<>();
    data.days().forEach(d -> byDate.put(d.date(), d));
    List<Month> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth ym = YearMonth.of(y, m);
      List<List<Cell>> weeks = new ArrayList<>();
      List<Cell> week = new ArrayList<>();
      int pad = ym.atDay(1).getDayOfWeek().getValue() - 1;
      for (int i = 0; i < pad; i++) {
        week.add(new Cell(null, null, null));
      }
      for (int d = 1; d <= ym.lengthOfMonth(); d++) {
        LocalDate date = ym.atDay(d);
        CalendarDay special = byDate.get(date);
        boolean weekend =
            date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        String kind = special != null ? special.kind().name() : weekend ? "WEEKEND" : "WORKING";
        week.add(new Cell(date, kind, special == null ? null : special.name()));
        if (week.size() == 7) {
          weeks.add(week);
          week = new ArrayList<>();
        }
      }
      if (!week.isEmpty()) {
        while (week.size() < 7) {
          week.add(new Cell(null, null, null));
        }
        weeks.add(week);
      }
      months.add(new Month(ym, weeks));
    }
    StringBuilder text = new StringBuilder();
    for (CalendarDay d : data.days()) {
      text.append(d.date())
          .append(' ')
          .append(d.kind().name())
          .append(' ')
          .append(d.name())
          .append('\n');
    }
    model.addAttribute("year", data);
    model.addAttribute("months", months);
    model.addAttribute("mayEdit", admin.mayEdit());
    if (!model.containsAttribute("editorText")) {
      model.addAttribute("editorText", text.toString());
    }
    model.addAttribute("rules", admin.rules());
    model.addAttribute(
        "reminderRules", reminderRules.mayRead() ? reminderRules.rules() : java.util.List.of());
    return "casework/casepages-calendar";
  }

  @PostMapping("/admin/calendar")
  String replace(
      @RequestParam int year,
      @RequestParam(defaultValue = "") String days,
      RedirectAttributes redirect,
      Locale locale) {
    try {
      List<CalendarAdmin.DayInput> input = new ArrayList<>();
      String[] lines = days.split("\\R");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        String[] parts = line.split("\\s+", 3);
        LocalDate date;
        try {
          date = LocalDate.parse(parts[0]);
        } catch (DateTimeParseException e) {
          throw new CalendarRejected(
              "days[" + input.size() + "].date",
              "casework.calendar.rule.dateRequired",
              input.size() + 1);
        }
        input.add(
            new CalendarAdmin.DayInput(
                date,
                parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : null,
                parts.length > 2 ? parts[2] : null));
      }
      admin.replace(year, input);
      redirect.addFlashAttribute(
          "message", messages.getMessage("casework.calendar.saved", null, locale));
    } catch (CalendarRejected e) {
      redirect.addFlashAttribute("failure", messages.getMessage(e.rule(), e.arguments(), locale));
      redirect.addFlashAttribute("editorText", days);
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute(
          "failure", messages.getMessage("casework.page.forbidden", null, locale));
    }
    return "redirect:/admin/calendar?year=" + year;
  }

  @PostMapping("/admin/case-deadline-rules")
  String rules(@RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
    try {
      List<CalendarAdmin.Rule> input = new ArrayList<>();
      for (CalendarAdmin.Rule r : admin.rules()) {
        String key = r.caseType() + "." + r.stage();
        String value = form.get("days." + key);
        if (value == null || value.isBlank()) {
          continue;
        }
        Integer days;
        try {
          days = Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
          days = -1;
        }
        if (!days.equals(r.workingDays())) {
          Integer version =
              form.containsKey("version." + key)
                  ? Integer.valueOf(form.get("version." + key))
                  : null;
          input.add(new CalendarAdmin.Rule(r.caseType(), r.stage(), days, version, null, null));
        }
      }
      if (!input.isEmpty()) {
        admin.updateRules(input);
      }
      redirect.addFlashAttribute(
          "message", messages.getMessage("casework.calendar.saved", null, locale));
    } catch (CalendarRejected e) {
      redirect.addFlashAttribute("failure", messages.getMessage(e.rule(), e.arguments(), locale));
    } catch (ErrorResponseException e) {
      redirect.addFlashAttribute(
          "failure",
          messages.getMessage(
              e.getStatusCode().value() == 409 ? "casework.page.stale" : "casework.page.forbidden",
              null,
              locale));
    }
    return "redirect:/admin/calendar#rules";
  }

  static boolean holiday(String kind) {
    return DayKind.HOLIDAY.name().equals(kind);
  }
}
