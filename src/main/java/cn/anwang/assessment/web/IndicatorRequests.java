package cn.anwang.assessment.web;

import cn.anwang.area.Divisions;
import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the parameters of an indicator request into what the table needs, in the reader's scope:
 * administrators and auditors read their territory, department staff their department's cases in
 * it; a division outside the territory is 404 as if it did not exist. Refusals are in the reader's
 * language.
 */
@Component
class IndicatorRequests {

  /** A checked request. */
  record Resolved(
      Actor actor,
      String division,
      String department,
      Level rows,
      LocalDate first,
      LocalDate last,
      Instant from,
      Instant to) {}

  private final CurrentActor currentActor;
  private final Divisions divisions;
  private final IndicatorCatalogue catalogue;
  private final MessageSource messages;

  IndicatorRequests(
      CurrentActor currentActor,
      Divisions divisions,
      IndicatorCatalogue catalogue,
      MessageSource messages) {
    this.currentActor = currentActor;
    this.divisions = divisions;
    this.catalogue = catalogue;
    this.messages = messages;
  }

  /**
   * @param by {@code grid} for a row per grid; otherwise the level just below the division
   */
  Resolved resolve(String division, String by, String year, String from, String to) {
    Actor actor = currentActor.require();
    String department = department(actor);
    String code =
        division == null || division.isBlank() ? actor.scope().territoryCode() : division.strip();
    Level level = Level.ofCode(code);
    if (level == null || level == Level.GRID) {
      throw ApiProblems.unprocessable("division", text("assessment.refused.division", code));
    }
    if (!actor.covers(code) || divisions.find(code).isEmpty()) {
      throw ApiProblems.notFound("Division", code);
    }
    Level rows = "grid".equalsIgnoreCase(by) ? Level.GRID : level.below();
    if (by != null && !by.isBlank() && !"grid".equalsIgnoreCase(by)) {
      throw ApiProblems.unprocessable("by", text("assessment.refused.by", by));
    }
    LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
    LocalDate first;
    LocalDate last;
    if (from != null && !from.isBlank() || to != null && !to.isBlank()) {
      first = date("from", from, today.withDayOfYear(1));
      last = date("to", to, today);
    } else {
      int y = year(year, today.getYear());
      first = LocalDate.of(y, 1, 1);
      last = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
    }
    if (last.isBefore(first) || first.plusYears(5).isBefore(last)) {
      throw ApiProblems.unprocessable("to", text("assessment.refused.period"));
    }
    return new Resolved(
        actor,
        code,
        department,
        rows,
        first,
        last,
        first.atStartOfDay(WorkingCalendar.CHINA).toInstant(),
        last.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant());
  }

  /** Refuses a caller who may not read indicators (403). */
  void requireReader() {
    department(currentActor.require());
  }

  /** The department a reader's figures are limited to (null: all); 403 for other roles. */
  private String department(Actor actor) {
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> null;
      case DEPARTMENT_STAFF -> actor.scope().departmentCode();
      default -> throw ApiProblems.forbidden(text("assessment.refused.role"));
    };
  }

  /** Refuses a code the catalogue does not have (404). */
  void requireIndicator(String code) {
    if (catalogue.find(code).isEmpty()) {
      throw ApiProblems.notFound("Indicator", code);
    }
  }

  /** Refuses a part other than numerator / denominator, and a unit outside the division. */
  void requireRecordsQuery(Resolved r, String unit, String part) {
    if (!"numerator".equals(part) && !"denominator".equals(part)) {
      throw ApiProblems.unprocessable("part", text("assessment.refused.part", part));
    }
    if (unit != null && r.rows() != Level.GRID && !unit.startsWith(r.division())) {
      throw ApiProblems.notFound("Unit", unit);
    }
  }

  private int year(String value, int current) {
    if (value == null || value.isBlank()) {
      return current;
    }
    try {
      int y = Integer.parseInt(value.strip());
      if (y >= 2000 && y <= current) {
        return y;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblems.unprocessable(
        "year", text("assessment.refused.year", value, Integer.toString(current)));
  }

  private LocalDate date(String field, String value, LocalDate otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblems.unprocessable(field, text("assessment.refused.date", value));
    }
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, IndicatorTexts.locale());
  }
}
