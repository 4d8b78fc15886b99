package cn.anwang.casework.web;

import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.CaseView;
import cn.anwang.casework.indicator.CaseIndicators;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.org.Departments;
import cn.anwang.shared.calendar.TrafficLight;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The lists of cases: the dispatch centre of the caller's level (new reports, waiting for dispatch,
 * overdue, due soon, by handler), the handler's inbox with the officers' re-inspections, and the
 * cases the user reported. Every query is bounded by the caller's territory (or department, or own
 * reports), and the cases shown are read through {@link CaseFacade}, which checks again.
 */
@Controller
@Transactional(readOnly = true)
class CaseListPageController {

  static final int LIMIT = 50;
  private static final String OPEN = "status NOT IN ('CLOSED', 'VOIDED')";

  /** One handler's open cases in the centre. */
  record HandlerLoad(
      String handlerType, String handlerCode, String name, long open, long overdue) {}

  private final JdbcClient jdbc;
  private final CaseFacade cases;
  private final CurrentActor currentActor;
  private final Departments departments;
  private final CaseIndicators indicators;

  CaseListPageController(
      JdbcClient jdbc,
      CaseFacade cases,
      CurrentActor currentActor,
      Departments departments,
      CaseIndicators indicators) {
    this.indicators = indicators;
    this.jdbc = jdbc;
    this.cases = cases;
    this.currentActor = currentActor;
    this.departments = departments;
  }

  @GetMapping("/cases/centre")
  String centre(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    Actor a = currentActor.require();
    if (!(CasePageController.isAdmin(a) || a.role() == Role.AUDITOR)) {
      throw ApiProblems.forbidden("The dispatch centre is for administrators");
    }
    indicators(a, from, to, model);
    String scope = a.scope().likePattern();
    String level =
        switch (a.scope().territoryCode().length()) {
          case 2 -> "CITY";
          case 6 -> "DISTRICT";
          default -> "STREET";
        };
    List<CaseView> reported =
        ids("status = 'REPORTED' AND division_code LIKE :s", scope, "reported_at");
    List<CaseView> registered =
        ids("status = 'REGISTERED' AND division_code LIKE :s", scope, "registered_at");
    // the open cases nearest their stage deadline: the lights split them into overdue and due soon
    List<CaseView> urgent =
        cases.byIds(
            jdbc.sql(
                    "SELECT id FROM safety_case WHERE "
                        + OPEN
                        + " AND division_code LIKE :s AND stage_due_at IS NOT NULL"
                        + " ORDER BY stage_due_at LIMIT 500")
                .param("s", scope)
                .query(Long.class)
                .list());
    List<CaseView> overdue = new ArrayList<>();
    List<CaseView> dueSoon = new ArrayList<>();
    for (CaseView c : urgent) {
      if (c.light() == TrafficLight.RED && overdue.size() < LIMIT) {
        overdue.add(c);
      } else if (c.light() == TrafficLight.YELLOW && dueSoon.size() < LIMIT) {
        dueSoon.add(c);
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT count(*) FILTER (WHERE status = 'REPORTED'),"
                + " count(*) FILTER (WHERE status = 'REGISTERED'),"
                + " count(*) FILTER (WHERE "
                + OPEN
                + " AND stage_due_at < now()),"
                + " count(*) FILTER (WHERE "
                + OPEN
                + ") FROM safety_case WHERE division_code LIKE :s")
        .param("s", scope)
        .query(
            rs -> {
              counts.put("reported", rs.getLong(1));
              counts.put("registered", rs.getLong(2));
              counts.put("overdue", rs.getLong(3));
              counts.put("open", rs.getLong(4));
            });
    counts.put("dueSoon", (long) dueSoon.size());
    List<HandlerLoad> byHandler =
        jdbc.sql(
                "SELECT handler_type, handler_code, count(*),"
                    + " count(*) FILTER (WHERE stage_due_at < now()) FROM safety_case WHERE "
                    + OPEN
                    + " AND division_code LIKE :s AND handler_type IS NOT NULL"
                    + " GROUP BY 1, 2 ORDER BY 4 DESC, 3 DESC LIMIT 100")
            .param("s", scope)
            .query(
                (rs, n) ->
                    new HandlerLoad(
                        rs.getString(1),
                        rs.getString(2),
                        "DEPARTMENT".equals(rs.getString(1))
                            ? departments
                                .find(rs.getString(2))
                                .map(d -> d.name())
                                .orElse(rs.getString(2))
                            : rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4)))
            .list();
    model.addAttribute("level", level);
    model.addAttribute("territory", a.scope().territoryCode());
    model.addAttribute("counts", counts);
    model.addAttribute("reported", reported);
    model.addAttribute("registered", registered);
    model.addAttribute("overdue", overdue);
    model.addAttribute("dueSoon", dueSoon);
    model.addAttribute("byHandler", byHandler);
    model.addAttribute("fmt", new PageFormat());
    return "casework/casepages-centre";
  }

  @GetMapping("/cases/inbox")
  String inbox(Model model) {
    Actor a = currentActor.require();
    List<CaseView> handling = List.of();
    if (a.role() == Role.DEPARTMENT_STAFF && a.scope().departmentCode() != null) {
      handling =
          handled("handler_type = 'DEPARTMENT' AND handler_code = :s", a.scope().departmentCode());
    } else if (a.role() == Role.STREET_ADMIN) {
      handling =
          handled("handler_type = 'STREET' AND handler_code = :s", a.scope().territoryCode());
    }
    List<CaseView> reinspect = List.of();
    if (a.role() == Role.STREET_OFFICER
        || a.role() == Role.VILLAGE_OFFICER
        || a.role() == Role.STREET_ADMIN) {
      reinspect =
          ids(
              "status = 'FEEDBACK_SUBMITTED' AND division_code LIKE :s",
              a.scope().likePattern(),
              "stage_due_at");
    }
    model.addAttribute("handling", handling);
    model.addAttribute("reinspect", reinspect);
    model.addAttribute("fmt", new PageFormat());
    return "casework/casepages-inbox";
  }

  @GetMapping("/cases/mine")
  String mine(Model model) {
    Actor a = currentActor.require();
    List<Long> mine =
        jdbc.sql(
                "SELECT id FROM safety_case WHERE reporter_user_id = :me"
                    + " ORDER BY reported_at DESC, id DESC LIMIT 100")
            .param("me", a.userId())
            .query(Long.class)
            .list();
    model.addAttribute("cases", cases.byIds(mine));
    model.addAttribute("fmt", new PageFormat());
    return "casework/casepages-mine";
  }

  /**
   * The GB/T 30428 indicators of the caller's division over the chosen period (days in Beijing
   * time, both included; default this year so far), the same as {@code /api/v1/case-indicators}.
   */
  private void indicators(Actor a, LocalDate from, LocalDate to, Model model) {
    LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
    LocalDate first = from == null ? today.withDayOfYear(1) : from;
    LocalDate last = to == null ? today : to;
    if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
      throw ApiProblems.badRequest("from must not be after to, and the period at most five years");
    }
    CaseIndicators.Result result =
        indicators.compute(
            a.scope().territoryCode(),
            null,
            first.atStartOfDay(WorkingCalendar.CHINA).toInstant(),
            last.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant(),
            Instant.now());
    model.addAttribute("figures", result.totals());
    model.addAttribute("from", first);
    model.addAttribute("to", last);
  }

  /** 我的企业案件: the cases of the objects an enterprise user acts for (403 for other roles). */
  @GetMapping("/cases/company")
  String company(Model model) {
    Actor a = currentActor.require();
    if (a.role() != Role.ENTERPRISE_USER) {
      throw ApiProblems.forbidden("The company's cases page is for enterprise users");
    }
    model.addAttribute("cases", cases.enterpriseCases(100));
    model.addAttribute("fmt", new PageFormat());
    return "casework/casepages-company";
  }

  private List<CaseView> handled(String condition, String code) {
    return cases.byIds(
        jdbc.sql(
                "SELECT id FROM safety_case WHERE status IN ('DISPATCHED', 'RECTIFYING') AND "
                    + condition
                    + " ORDER BY stage_due_at NULLS LAST, id LIMIT 200")
            .param("s", code)
            .query(Long.class)
            .list());
  }

  private List<CaseView> ids(String condition, String param, String order) {
    Map<String, Object> p = new HashMap<>();
    p.put("s", param);
    return cases.byIds(
        jdbc.sql(
                "SELECT id FROM safety_case WHERE "
                    + condition
                    + " ORDER BY "
                    + order
                    + " NULLS LAST, id LIMIT "
                    + LIMIT)
            .params(p)
            .query(Long.class)
            .list());
  }
}
