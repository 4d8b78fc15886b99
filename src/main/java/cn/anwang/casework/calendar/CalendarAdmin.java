package cn.anwang.casework.calendar;

import cn.anwang.casework.cases.CaseFacade;
import cn.anwang.casework.cases.CaseType;
import cn.anwang.casework.cases.Stage;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.calendar.CalendarDay;
import cn.anwang.shared.calendar.DayKind;
import cn.anwang.shared.calendar.PublicHolidays;
import cn.anwang.shared.web.ApiProblems;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city administrator's editing of the holiday calendar (a year's exception days replaced at
 * once) and of the deadline rules (working days per case type and stage, versioned). Both are
 * validated row by row, audited, and the caches on this server are cleared at once (other servers
 * follow within a minute).
 */
@Service
@Transactional
public class CalendarAdmin {

  /** A day as sent: the kind is a string so that an unknown one is named in the answer. */
  public record DayInput(LocalDate date, String kind, String name) {}

  /** One rule as shown and sent. */
  public record Rule(
      CaseType caseType,
      Stage stage,
      Integer workingDays,
      Integer version,
      String updatedBy,
      Instant updatedAt) {}

  /** A year as shown: its exception days and whether it has a schedule at all. */
  public record Year(int year, boolean scheduled, boolean shipped, List<CalendarDay> days) {}

  private final JdbcClient jdbc;
  private final HolidayCalendar calendar;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final CaseFacade cases;

  CalendarAdmin(
      JdbcClient jdbc,
      HolidayCalendar calendar,
      CurrentActor currentActor,
      AuditLog audit,
      @Lazy CaseFacade cases) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.currentActor = currentActor;
    this.audit = audit;
    this.cases = cases;
  }

  /** Whether the current user may edit (city administrators only). */
  public boolean mayEdit() {
    return currentActor.current().map(a -> a.role() == Role.CITY_ADMIN).orElse(false);
  }

  @Transactional(readOnly = true)
  public Year year(int year) {
    checkYear(year);
    List<CalendarDay> days = calendar.days(year);
    boolean shipped = PublicHolidays.shipped().stream().anyMatch(d -> d.date().getYear() == year);
    return new Year(year, !days.isEmpty(), shipped, days);
  }

  /** Replaces the exception days of a year. */
  public Year replace(int year, List<DayInput> input) {
    requireCityAdmin();
    checkYear(year);
    if (input == null) {
      throw new CalendarRejected("days", "casework.calendar.rule.required");
    }
    List<CalendarDay> days = new ArrayList<>();
    Set<LocalDate> seen = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      DayInput d = input.get(i);
      String row = "days[" + i + "]";
      if (d == null || d.date() == null) {
        throw new CalendarRejected(row + ".date", "casework.calendar.rule.dateRequired", i + 1);
      }
      if (d.date().getYear() != year) {
        throw new CalendarRejected(
            row + ".date", "casework.calendar.rule.outsideYear", i + 1, d.date(), year);
      }
      DayKind kind;
      try {
        kind = DayKind.valueOf(String.valueOf(d.kind()));
      } catch (IllegalArgumentException e) {
        throw new CalendarRejected(row + ".kind", "casework.calendar.rule.kind", i + 1, d.kind());
      }
      boolean weekend =
          d.date().getDayOfWeek() == DayOfWeek.SATURDAY
              || d.date().getDayOfWeek() == DayOfWeek.SUNDAY;
      if (kind == DayKind.WORKDAY && !weekend) {
        throw new CalendarRejected(
            row + ".kind", "casework.calendar.rule.workdayOnWeekend", i + 1, d.date());
      }
      if (!seen.add(d.date())) {
        throw new CalendarRejected(
            row + ".date", "casework.calendar.rule.duplicate", i + 1, d.date());
      }
      String name = d.name() == null ? "" : d.name().strip();
      if (name.isEmpty() || name.length() > 60) {
        throw new CalendarRejected(row + ".name", "casework.calendar.rule.name", i + 1);
      }
      days.add(new CalendarDay(d.date(), kind, name));
    }
    List<CalendarDay> before = calendar.days(year);
    String by = currentActor.require().username();
    jdbc.sql("DELETE FROM calendar_day WHERE day >= ? AND day < ?")
        .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
        .update();
    for (CalendarDay d : days) {
      jdbc.sql("INSERT INTO calendar_day (day, kind, name, updated_by) VALUES (?, ?, ?, ?)")
          .params(d.date(), d.kind().name(), d.name(), by)
          .update();
    }
    audit.record(
        "calendar.replace", "calendar", Integer.toString(year), summary(before), summary(days));
    calendar.invalidate();
    return year(year);
  }

  @Transactional(readOnly = true)
  public List<Rule> rules() {
    return jdbc
        .sql(
            "SELECT case_type, stage, working_days, version, updated_by, updated_at"
                + " FROM case_deadline_rule ORDER BY case_type, stage")
        .query(
            (rs, n) ->
                new Rule(
                    CaseType.valueOf(rs.getString(1)),
                    Stage.valueOf(rs.getString(2)),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getString(5),
                    rs.getTimestamp(6).toInstant()))
        .list()
        .stream()
        .sorted(
            (a, b) ->
                a.caseType() != b.caseType()
                    ? a.caseType().compareTo(b.caseType())
                    : a.stage().compareTo(b.stage()))
        .toList();
  }

  /**
   * Changes the rules sent (the others stay); each row carries the version it was read at, and a
   * stale one refuses the whole change (409).
   */
  public List<Rule> updateRules(List<Rule> input) {
    requireCityAdmin();
    if (input == null || input.isEmpty()) {
      throw new CalendarRejected("rules", "casework.calendar.rule.required");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < input.size(); i++) {
      Rule r = input.get(i);
      String row = "rules[" + i + "]";
      if (r == null || r.caseType() == null || r.stage() == null) {
        throw new CalendarRejected(row + ".caseType", "casework.calendar.rule.ruleKey", i + 1);
      }
      if (r.workingDays() == null || r.workingDays() < 1 || r.workingDays() > 365) {
        throw new CalendarRejected(
            row + ".workingDays", "casework.calendar.rule.workingDays", i + 1, r.workingDays());
      }
      if (!seen.add(r.caseType() + "/" + r.stage())) {
        throw new CalendarRejected(row + ".stage", "casework.calendar.rule.ruleDuplicate", i + 1);
      }
    }
    String by = currentActor.require().username();
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    Map<String, Integer> current = new LinkedHashMap<>();
    rules().forEach(r -> current.put(r.caseType() + "/" + r.stage(), r.workingDays()));
    for (int i = 0; i < input.size(); i++) {
      Rule r = input.get(i);
      String key = r.caseType() + "/" + r.stage();
      int updated =
          jdbc.sql(
                  "UPDATE case_deadline_rule SET working_days = ?, version = version + 1,"
                      + " updated_by = ?, updated_at = now() WHERE case_type = ? AND stage = ?"
                      + (r.version() == null ? "" : " AND version = " + r.version().intValue()))
              .params(r.workingDays(), by, r.caseType().name(), r.stage().name())
              .update();
      if (updated == 0) {
        throw ApiProblems.conflict(
            "rules[" + i + "] (" + key + ") was changed meanwhile; reload and try again");
      }
      before.put(key, current.get(key));
      after.put(key, r.workingDays());
    }
    audit.record("case-deadline-rules.update", "case-deadline-rule", null, before, after);
    cases.deadlineRulesChanged();
    return rules();
  }

  private void requireCityAdmin() {
    Actor a = currentActor.require();
    if (a.role() != Role.CITY_ADMIN) {
      throw ApiProblems.forbidden("Only the city administrator edits the calendar and deadlines");
    }
  }

  private static void checkYear(int year) {
    if (year < 2000 || year > 2100) {
      throw new CalendarRejected("year", "casework.calendar.rule.year", year);
    }
  }

  private static Map<String, Object> summary(List<CalendarDay> days) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (CalendarDay d : days) {
      m.put(d.date().toString(), d.kind().name() + " " + d.name());
    }
    return m;
  }
}
