package cn.anwang.assessment.scheme;

import cn.anwang.assessment.indicator.IndicatorCatalogue;
import cn.anwang.assessment.scheme.Scheme.AssessedLevel;
import cn.anwang.assessment.scheme.Scheme.Status;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.calendar.WorkingCalendar;
import cn.anwang.shared.web.ApiProblems;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, editing, publishing and reading schemes, in the caller's reach; changes audited. */
@Service
@Transactional
public class Schemes {

  /** A scheme as asked for: name, year, level (STREET or DISTRICT), items. */
  public record Draft(String name, Integer year, String level, List<SchemeItem> items) {}

  private final SchemeStore store;
  private final SchemeAccess access;
  private final IndicatorCatalogue catalogue;
  private final SchemeTexts texts;
  private final AuditLog audit;

  Schemes(
      SchemeStore store,
      SchemeAccess access,
      IndicatorCatalogue catalogue,
      SchemeTexts texts,
      AuditLog audit) {
    this.store = store;
    this.access = access;
    this.catalogue = catalogue;
    this.texts = texts;
    this.audit = audit;
  }

  public Scheme create(Draft d) {
    Actor actor = access.reader();
    AssessedLevel level = level(d.level());
    String owner = access.ownerFor(actor, level);
    String name = name(d.name());
    int year = year(d.year());
    List<SchemeItem> items = items(d.items(), level);
    long id = store.insert(name, year, level, owner, items, actor.username());
    Scheme s = store.find(id, false).orElseThrow();
    audit.record(
        "assessment.scheme.create", "assessment-scheme", Long.toString(id), owner, null, s);
    return s;
  }

  /** Replaces a draft's name and items. */
  public Scheme update(long id, Draft d) {
    Actor actor = access.reader();
    Scheme before = find(id, true, actor);
    access.requireAssessor(actor, before);
    if (before.status() != Status.DRAFT) {
      throw ApiProblems.conflict(texts.text("scheme.refused.published", id));
    }
    String name = d.name() == null ? before.name() : name(d.name());
    List<SchemeItem> items = d.items() == null ? before.items() : items(d.items(), before.level());
    store.update(id, name, items);
    Scheme after = store.find(id, false).orElseThrow();
    audit.record(
        "assessment.scheme.update",
        "assessment-scheme",
        Long.toString(id),
        before.owner(),
        before,
        after);
    return after;
  }

  public Scheme publish(long id) {
    Actor actor = access.reader();
    Scheme before = find(id, true, actor);
    access.requireAssessor(actor, before);
    if (before.status() != Status.DRAFT) {
      throw ApiProblems.conflict(texts.text("scheme.refused.published", id));
    }
    if (before.items().isEmpty()) {
      throw ApiProblems.unprocessable("items", texts.text("scheme.refused.items.empty"));
    }
    store.publish(id, actor.username());
    Scheme after = store.find(id, false).orElseThrow();
    audit.record(
        "assessment.scheme.publish",
        "assessment-scheme",
        Long.toString(id),
        before.owner(),
        before,
        after);
    return after;
  }

  @Transactional(readOnly = true)
  public Scheme get(long id) {
    return find(id, false, access.reader());
  }

  /** The schemes the caller reads: owned in the territory, or published ones assessing it. */
  @Transactional(readOnly = true)
  public List<Scheme> list(Integer year) {
    Actor actor = access.reader();
    String t = actor.scope().territoryCode();
    List<String> above =
        t.length() == 9 ? List.of(t.substring(0, 6)) : t.length() == 6 ? List.of("12") : List.of();
    return store.list(t, above, year).stream()
        .filter(s -> SchemeAccess.readsAll(actor, s) || SchemeAccess.assessedUnit(actor, s) != null)
        .toList();
  }

  Scheme find(long id, boolean lock, Actor actor) {
    Scheme s = store.find(id, lock).orElseThrow(() -> ApiProblems.notFound("Scheme", "" + id));
    SchemeAccess.requireReadable(actor, s);
    return s;
  }

  private List<SchemeItem> items(List<SchemeItem> given, AssessedLevel level) {
    List<SchemeItem> items = given == null ? List.of() : given;
    SchemeRules.check(items, level.level(), c -> catalogue.find(c).orElse(null), texts);
    return items.stream()
        .map(i -> new SchemeItem(i.code().strip(), i.weight(), i.curve()))
        .toList();
  }

  private AssessedLevel level(String value) {
    try {
      return AssessedLevel.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw ApiProblems.unprocessable("level", texts.text("scheme.refused.level", value));
    }
  }

  private String name(String value) {
    if (value == null || value.isBlank() || value.strip().length() > 200) {
      throw ApiProblems.unprocessable("name", texts.text("scheme.refused.name"));
    }
    return value.strip();
  }

  private int year(Integer value) {
    int next = LocalDate.now(WorkingCalendar.CHINA).getYear() + 1;
    if (value == null || value < 2000 || value > next) {
      throw ApiProblems.unprocessable(
          "year", texts.text("scheme.refused.year", "2000", Integer.toString(next)));
    }
    return value;
  }
}
