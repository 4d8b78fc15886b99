package cn.anwang.assessment.report;

import cn.anwang.area.Divisions;
import cn.anwang.assessment.indicator.Level;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiLocale;
import cn.anwang.shared.web.ApiProblems;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Checks a report request in the caller's scope, as the indicator requests do: city, district and
 * street administrators and auditors use the reports of their territory; other roles get 403; a
 * unit outside the territory, or a report of one, is 404 as if it did not exist. Refusals are in
 * the caller's language and name the field.
 */
@Component
class ReportRequests {

  /** A checked generation request. */
  record Checked(Actor actor, ReportKind kind, String unit, ReportPeriod period, String lang) {}

  private final CurrentActor currentActor;
  private final Divisions divisions;
  private final ReportGenerator generator;
  private final MessageSource messages;

  ReportRequests(
      CurrentActor currentActor,
      Divisions divisions,
      ReportGenerator generator,
      MessageSource messages) {
    this.currentActor = currentActor;
    this.divisions = divisions;
    this.generator = generator;
    this.messages = messages;
  }

  /** The caller, who may use reports; 403 otherwise. */
  Actor reader() {
    Actor actor = currentActor.require();
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> actor;
      default -> throw ApiProblems.forbidden(text("refused.role"));
    };
  }

  Checked generation(String kind, String unit, String period, String lang) {
    Actor actor = reader();
    ReportKind k = kind(kind);
    if (k == null) {
      throw ApiProblems.unprocessable("kind", text("refused.kind", String.valueOf(kind)));
    }
    String u = unit(actor, unit);
    ReportPeriod p =
        ReportPeriod.parse(k, period)
            .orElseThrow(
                () ->
                    ApiProblems.unprocessable(
                        "period", text("refused.period." + k, String.valueOf(period))));
    if (!p.begunBy(LocalDate.now(WorkingCalendar.CHINA))) {
      throw ApiProblems.unprocessable("period", text("refused.future", p.label()));
    }
    String l = lang == null || lang.isBlank() ? "zh-CN" : lang.strip();
    if (!ReportGenerator.LANGUAGES.containsKey(l)) {
      throw ApiProblems.unprocessable("lang", text("refused.lang", l));
    }
    return new Checked(actor, k, u, p, l);
  }

  /** The unit of a list filter: null for the whole territory. */
  String listUnit(Actor actor, String unit) {
    return unit == null || unit.isBlank() ? null : unit(actor, unit);
  }

  /** The kind of a list filter: null for both; 422 for another. */
  ReportKind listKind(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    ReportKind k = kind(kind);
    if (k == null) {
      throw ApiProblems.unprocessable("kind", text("refused.kind", kind));
    }
    return k;
  }

  /** A stored report in the caller's territory; 404 otherwise. */
  StoredReport report(Actor actor, long id) {
    return generator
        .find(id)
        .filter(r -> actor.covers(r.unitCode()))
        .orElseThrow(() -> ApiProblems.notFound("Report", Long.toString(id)));
  }

  private String unit(Actor actor, String unit) {
    String code = unit == null || unit.isBlank() ? actor.scope().territoryCode() : unit.strip();
    Level level = Level.ofCode(code);
    if (level == null
        || !(level == Level.CITY || level == Level.DISTRICT || level == Level.STREET)) {
      throw ApiProblems.unprocessable("unit", text("refused.unit", code));
    }
    if (!actor.covers(code) || divisions.find(code).isEmpty()) {
      throw ApiProblems.notFound("Unit", code);
    }
    return code;
  }

  private static ReportKind kind(String kind) {
    for (ReportKind k : ReportKind.values()) {
      if (k.name().equalsIgnoreCase(kind == null ? "" : kind.strip())) {
        return k;
      }
    }
    return null;
  }

  String text(String key, Object... args) {
    return messages.getMessage("assessment.report." + key, args, locale());
  }

  /** The caller's language: the API's {@code Accept-Language}, the page's chosen locale. */
  static Locale locale() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        && a.getRequest().getRequestURI().startsWith("/api/")) {
      return ApiLocale.of(a.getRequest());
    }
    return LocaleContextHolder.getLocale();
  }
}
