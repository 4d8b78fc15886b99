package cn.anwang.workforce.training;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.web.TabularProblems;
import cn.anwang.workforce.officer.WorkforcePolicy;
import cn.anwang.workforce.training.PlanService.ItemDraft;
import cn.anwang.workforce.training.SessionService.AttendanceEntry;
import cn.anwang.workforce.training.SessionService.SessionDraft;
import cn.anwang.workforce.training.SessionService.SessionView;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training pages: the plan of the year with its coverage and the courses, the sessions, a
 * session's attendance and scores, the import, and an officer's training record as a fragment (the
 * officer profile loads it with htmx). Rules live in the services.
 */
@Controller
class TrainingPageController {

  private final CourseService courses;
  private final SessionService sessions;
  private final CertificateService certificates;
  private final PlanService plans;
  private final TrainingImport imports;
  private final CurrentActor currentActor;
  private final MessageSource messages;
  private final JdbcClient jdbc;

  TrainingPageController(
      CourseService courses,
      SessionService sessions,
      CertificateService certificates,
      PlanService plans,
      TrainingImport imports,
      CurrentActor currentActor,
      MessageSource messages,
      JdbcClient jdbc) {
    this.courses = courses;
    this.sessions = sessions;
    this.certificates = certificates;
    this.plans = plans;
    this.imports = imports;
    this.currentActor = currentActor;
    this.messages = messages;
    this.jdbc = jdbc;
  }

  @GetMapping("/workforce/training")
  String overview(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Integer year,
      Model model) {
    Actor actor = currentActor.require();
    int y = year == null ? LocalDate.now(CertificateService.ZONE).getYear() : year;
    String d = district == null || district.isBlank() ? TrainingScope.districtOf(actor) : district;
    model.addAttribute("year", y);
    model.addAttribute("district", d);
    model.addAttribute("districts", districts(actor));
    model.addAttribute("plan", d == null ? null : plans.get(d, y));
    model.addAttribute("courses", courses.list());
    model.addAttribute("mayImport", actor.role().isAdministrator());
    return "workforce/training";
  }

  @PostMapping("/workforce/training/plan/{district}/{year}/items")
  String addItem(
      @PathVariable String district,
      @PathVariable int year,
      @RequestParam long courseId,
      @RequestParam(defaultValue = "ALL") String tier,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBy,
      RedirectAttributes redirect) {
    List<ItemDraft> items = new ArrayList<>(currentItems(district, year));
    items.add(new ItemDraft(courseId, tier, dueBy));
    replace(district, year, items, redirect);
    return "redirect:/workforce/training?district=" + district + "&year=" + year;
  }

  @PostMapping("/workforce/training/plan/{district}/{year}/items/{itemId}/delete")
  String removeItem(
      @PathVariable String district,
      @PathVariable int year,
      @PathVariable long itemId,
      RedirectAttributes redirect) {
    var plan = plans.get(district, year);
    List<ItemDraft> items =
        plan.items().stream()
            .filter(i -> i.id() != itemId)
            .map(i -> new ItemDraft(i.courseId(), i.tier(), i.dueBy()))
            .toList();
    replace(district, year, items, redirect);
    return "redirect:/workforce/training?district=" + district + "&year=" + year;
  }

  private List<ItemDraft> currentItems(String district, int year) {
    return plans.get(district, year).items().stream()
        .map(i -> new ItemDraft(i.courseId(), i.tier(), i.dueBy()))
        .toList();
  }

  private void replace(
      String district, int year, List<ItemDraft> items, RedirectAttributes redirect) {
    try {
      plans.replace(district, year, items);
      redirect.addFlashAttribute("saved", true);
    } catch (TrainingProblem e) {
      if (e.status().value() == 404) {
        throw e;
      }
      redirect.addFlashAttribute("error", text(e));
    }
  }

  @GetMapping("/workforce/training/sessions")
  String sessions(
      @RequestParam(required = false) String district,
      @RequestParam(required = false) Long course,
      @RequestParam(required = false) Integer year,
      Model model) {
    Actor actor = currentActor.require();
    model.addAttribute("sessions", sessions.list(district, course, year));
    model.addAttribute("courses", courses.list().stream().filter(Course::active).toList());
    model.addAttribute("districts", districts(actor));
    model.addAttribute("district", district);
    model.addAttribute("course", course);
    model.addAttribute("year", year);
    model.addAttribute("defaultDistrict", TrainingScope.districtOf(actor));
    model.addAttribute("mayCreate", actor.role().isAdministrator());
    model.addAttribute("today", LocalDate.now(CertificateService.ZONE));
    return "workforce/training-sessions";
  }

  @PostMapping("/workforce/training/sessions")
  String createSession(
      @RequestParam(required = false) Long courseId,
      @RequestParam(required = false) String districtCode,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate heldOn,
      @RequestParam(required = false) String place,
      @RequestParam(required = false) String trainer,
      RedirectAttributes redirect) {
    try {
      var created =
          sessions.create(new SessionDraft(courseId, districtCode, heldOn, place, trainer));
      return "redirect:/workforce/training/sessions/" + created.id();
    } catch (TrainingProblem e) {
      if (e.status().value() == 404 && e.field() == null) {
        throw e;
      }
      redirect.addFlashAttribute("error", text(e));
      return "redirect:/workforce/training/sessions";
    }
  }

  @GetMapping("/workforce/training/sessions/{id}")
  String session(@PathVariable long id, Model model) {
    Actor actor = currentActor.require();
    SessionView view = sessions.get(id);
    model.addAttribute("view", view);
    boolean mayRecord = TrainingScope.runsSessions(actor, view.session().districtCode());
    model.addAttribute("mayRecord", mayRecord);
    Set<Long> listed =
        view.attendance().stream()
            .map(SessionService.Attendance::officerId)
            .collect(Collectors.toSet());
    model.addAttribute(
        "candidates",
        mayRecord ? candidates(actor, view.session().districtCode(), listed) : List.of());
    return "workforce/training-session";
  }

  /** Officers of the district the caller manages who are not on the session yet (at most 500). */
  private List<Map<String, Object>> candidates(Actor actor, String district, Set<Long> listed) {
    return jdbc
        .sql(
            """
            SELECT id, name, division_code FROM officer
             WHERE district_code = ? AND division_code LIKE ? AND status <> 'LEFT'
             ORDER BY division_code, name, id LIMIT 500
            """)
        .params(district, actor.scope().likePattern())
        .query()
        .listOfRows()
        .stream()
        .filter(r -> !listed.contains(((Number) r.get("id")).longValue()))
        .filter(r -> WorkforcePolicy.manages(actor, (String) r.get("division_code")))
        .toList();
  }

  @PostMapping("/workforce/training/sessions/{id}/attendance")
  String recordAttendance(
      @PathVariable long id,
      @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes redirect) {
    List<AttendanceEntry> entries = new ArrayList<>();
    List<String> ids = form.getOrDefault("officerId", List.of());
    for (String officerId : ids) {
      boolean attended = form.containsKey("attended_" + officerId);
      String score = form.getFirst("score_" + officerId);
      boolean listed = form.containsKey("listed_" + officerId);
      if (!listed && !attended && (score == null || score.isBlank())) {
        continue;
      }
      BigDecimal value = null;
      if (score != null && !score.isBlank()) {
        try {
          value = new BigDecimal(score.trim());
        } catch (NumberFormatException e) {
          redirect.addFlashAttribute("error", text(TrainingProblem.invalid("score", "score")));
          return "redirect:/workforce/training/sessions/" + id;
        }
      }
      entries.add(new AttendanceEntry(Long.valueOf(officerId), attended, value));
    }
    try {
      if (!entries.isEmpty()) {
        sessions.recordAttendance(id, entries);
      }
      redirect.addFlashAttribute("saved", true);
    } catch (TrainingProblem e) {
      if (e.status().value() == 404 && e.field() == null) {
        throw e;
      }
      redirect.addFlashAttribute("error", text(e));
    }
    return "redirect:/workforce/training/sessions/" + id;
  }

  @GetMapping("/workforce/officers/{id}/training")
  String officerRecord(@PathVariable long id, Model model) {
    model.addAttribute("record", certificates.record(id));
    return "workforce/training-record :: record";
  }

  @GetMapping("/workforce/training/import")
  String importPage(Model model) {
    return "workforce/training-import";
  }

  @PostMapping("/workforce/training/import")
  String importFile(
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      Model model)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      model.addAttribute(
          "result",
          imports.run(
              in,
              file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename(),
              TabularProblems.declaredCharset(file.getContentType()),
              dryRun,
              LocaleContextHolder.getLocale()));
    } catch (cn.anwang.shared.tabular.TabularException e) {
      model.addAttribute("error", messages.getMessage(e, LocaleContextHolder.getLocale()));
    }
    return "workforce/training-import";
  }

  private List<Map<String, Object>> districts(Actor actor) {
    return jdbc.sql(
            "SELECT code, name FROM division WHERE level = 'district' AND code LIKE ? ORDER BY code")
        .param(
            actor.scope().territoryCode().length() >= 6
                ? actor.scope().territoryCode().substring(0, 6) + "%"
                : actor.scope().likePattern())
        .query()
        .listOfRows();
  }

  private String text(TrainingProblem e) {
    return messages.getMessage(e, LocaleContextHolder.getLocale());
  }
}
