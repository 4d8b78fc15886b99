package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.indicator.IndicatorTables;
import cn.anwang.assessment.indicator.IndicatorTables.Row;
import cn.anwang.assessment.scheme.Rankings.Place;
import cn.anwang.assessment.scheme.SheetStore.Event;
import cn.anwang.assessment.scheme.SheetStore.Stored;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The score sheets of a published scheme: computed from the indicator table of the scheme's year
 * over the owner's units at the scheme's level. While a sheet is OPEN every reading recomputes it
 * and, when the result changed, stores it with a history line (COMPUTED the first time, then
 * RECOMPUTED). Signing (the assessor) stores the score as it is then and LOCKS the sheet: a locked
 * sheet is never recomputed and takes no more comments.
 */
@Service
@Transactional
public class ScoreSheets {

  /** A sheet as shown. */
  public record Sheet(
      Scheme scheme,
      String unit,
      String unitName,
      String status,
      SheetScore score,
      String signedBy,
      Instant signedAt,
      List<Event> history,
      boolean mayAssess) {}

  private final Schemes schemes;
  private final SheetStore store;
  private final IndicatorTables tables;
  private final IndicatorCatalogue catalogue;
  private final SchemeAccess access;
  private final SchemeTexts texts;
  private final AuditLog audit;

  ScoreSheets(
      Schemes schemes,
      SheetStore store,
      IndicatorTables tables,
      IndicatorCatalogue catalogue,
      SchemeAccess access,
      SchemeTexts texts,
      AuditLog audit) {
    this.schemes = schemes;
    this.store = store;
    this.tables = tables;
    this.catalogue = catalogue;
    this.access = access;
    this.texts = texts;
    this.audit = audit;
  }

  /** Every unit of the scheme by total (the scheme's whole-territory readers only). */
  public List<Place> ranking(long schemeId) {
    Actor actor = access.reader();
    Scheme s = schemes.find(schemeId, false, actor);
    if (!SchemeAccess.readsAll(actor, s)) {
      throw ApiProblems.notFound("Scheme", Long.toString(schemeId));
    }
    requireScored(s);
    List<Place> places = new ArrayList<>();
    for (Row row : units(s)) {
      Stored sheet = refresh(s, row, actor);
      places.add(new Place(row.unit().code(), row.unit().name(), sheet.score().total(), null));
    }
    return Rankings.rank(places);
  }

  public Sheet sheet(long schemeId, String unit) {
    Actor actor = access.reader();
    Scheme s = readable(schemeId, unit, actor);
    Row row = row(s, unit);
    Stored sheet = refresh(s, row, actor);
    return view(s, row, sheet, actor);
  }

  public Sheet comment(long schemeId, String unit, String comment) {
    Actor actor = access.reader();
    Scheme s = readable(schemeId, unit, actor);
    access.requireAssessor(actor, s);
    if (comment == null || comment.isBlank() || comment.strip().length() > 2000) {
      throw ApiProblems.unprocessable("comment", texts.text("scheme.refused.comment"));
    }
    Row row = row(s, unit);
    Stored sheet = refresh(s, row, actor);
    if (sheet.locked()) {
      throw ApiProblems.conflict(texts.text("scheme.refused.locked", unit));
    }
    store.event(
        sheet.id(), "COMMENTED", actor.username(), actor.displayName(), comment.strip(), null);
    audit.record(
        "assessment.sheet.comment",
        "assessment-sheet",
        schemeId + "/" + unit,
        unit,
        null,
        Map.of("comment", comment.strip()));
    return view(s, row, sheet, actor);
  }

  public Sheet sign(long schemeId, String unit) {
    Actor actor = access.reader();
    Scheme s = readable(schemeId, unit, actor);
    access.requireAssessor(actor, s);
    Row row = row(s, unit);
    Stored sheet = refresh(s, row, actor);
    if (sheet.locked()) {
      throw ApiProblems.conflict(texts.text("scheme.refused.signed", unit));
    }
    store.sign(sheet.id(), sheet.score(), actor.username());
    store.event(sheet.id(), "SIGNED", actor.username(), actor.displayName(), null, sheet.score());
    audit.record(
        "assessment.sheet.sign",
        "assessment-sheet",
        schemeId + "/" + unit,
        unit,
        null,
        sheet.score());
    return view(s, row, store.lock(s.id(), unit, sheet.score()), actor);
  }

  private Scheme readable(long schemeId, String unit, Actor actor) {
    Scheme s = schemes.find(schemeId, false, actor);
    if (!SchemeAccess.readsAll(actor, s) && !unit.equals(SchemeAccess.assessedUnit(actor, s))) {
      throw ApiProblems.notFound("Sheet", unit);
    }
    requireScored(s);
    return s;
  }

  private void requireScored(Scheme s) {
    if (s.status() != Scheme.Status.PUBLISHED) {
      throw ApiProblems.conflict(texts.text("scheme.refused.draft", s.id()));
    }
    if (s.year() > LocalDate.now(WorkingCalendar.CHINA).getYear()) {
      throw ApiProblems.conflict(texts.text("scheme.refused.future", Integer.toString(s.year())));
    }
  }

  /** The stored sheet after recomputing it when it is open. */
  private Stored refresh(Scheme s, Row row, Actor actor) {
    String unit = row.unit().code();
    SheetScore score = SheetScore.of(s.items(), row.figures(), c -> catalogue.find(c).orElse(null));
    Stored sheet = store.lock(s.id(), unit, score);
    if (sheet.locked()) {
      return sheet;
    }
    if (sheet.fresh()) {
      store.event(sheet.id(), "COMPUTED", actor.username(), actor.displayName(), null, score);
    } else if (!store.same(sheet.score(), score)) {
      store.rescore(sheet.id(), score);
      store.event(sheet.id(), "RECOMPUTED", actor.username(), actor.displayName(), null, score);
    }
    return new Stored(sheet.id(), sheet.status(), score, null, null, false);
  }

  private Sheet view(Scheme s, Row row, Stored sheet, Actor actor) {
    return new Sheet(
        s,
        row.unit().code(),
        row.unit().name(),
        sheet.status(),
        sheet.score(),
        sheet.signedBy(),
        sheet.signedAt(),
        store.events(sheet.id()),
        SchemeAccess.assesses(actor, s));
  }

  private Row row(Scheme s, String unit) {
    if (!s.assesses(unit)) {
      throw ApiProblems.notFound("Sheet", unit);
    }
    return units(s).stream()
        .filter(r -> r.unit().code().equals(unit))
        .findFirst()
        .orElseThrow(() -> ApiProblems.notFound("Sheet", unit));
  }

  /** The owner's units at the scheme's level with their figures of the scheme's year. */
  private List<Row> units(Scheme s) {
    return units(tables, s);
  }

  /** The same, for a reading that writes nothing ({@link SchemeReadings}). */
  static List<Row> units(IndicatorTables tables, Scheme s) {
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(WorkingCalendar.CHINA);
    LocalDate first = LocalDate.of(s.year(), 1, 1);
    LocalDate last = s.year() == today.getYear() ? today : LocalDate.of(s.year(), 12, 31);
    IndicatorTables.Table t =
        tables.table(
            s.owner(),
            null,
            s.level().level(),
            first.atStartOfDay(WorkingCalendar.CHINA).toInstant(),
            last.plusDays(1).atStartOfDay(WorkingCalendar.CHINA).toInstant(),
            now);
    return t.units().stream().filter(r -> !r.unit().direct()).toList();
  }
}
