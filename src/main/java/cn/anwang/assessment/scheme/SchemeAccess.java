package cn.anwang.assessment.scheme;

import cn.anwang.assessment.scheme.Scheme.AssessedLevel;
import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.Scope;
import cn.anwang.shared.web.ApiProblems;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a scheme. The city and district administrators and auditors read the schemes
 * owned inside their territory and all their sheets; the district administrator edits, publishes,
 * comments on and signs the STREET schemes of the district, the city administrator the DISTRICT
 * schemes. An assessed unit's administrator (a street's for a STREET scheme, a district's for a
 * DISTRICT scheme) reads the published scheme and its own sheet only. Other roles are 403; a scheme
 * or sheet out of reach is 404.
 */
@Component
public class SchemeAccess {

  private final CurrentActor currentActor;
  private final SchemeTexts texts;

  SchemeAccess(CurrentActor currentActor, SchemeTexts texts) {
    this.currentActor = currentActor;
    this.texts = texts;
  }

  /** The caller, refused (403) unless an administrator or auditor. */
  public Actor reader() {
    Actor actor = currentActor.require();
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, STREET_ADMIN, AUDITOR -> actor;
      default -> throw ApiProblems.forbidden(texts.text("scheme.refused.role"));
    };
  }

  /** The owner of a new scheme of the level, refused (403) unless the caller may make one. */
  String ownerFor(Actor actor, AssessedLevel level) {
    if (level == AssessedLevel.STREET && actor.role() == Role.DISTRICT_ADMIN) {
      return actor.scope().territoryCode();
    }
    if (level == AssessedLevel.DISTRICT && actor.role() == Role.CITY_ADMIN) {
      return Scope.CITY;
    }
    throw ApiProblems.forbidden(texts.text("scheme.refused.editor"));
  }

  /** Whether the caller reads the scheme and every sheet of it. */
  public static boolean readsAll(Actor actor, Scheme s) {
    return switch (actor.role()) {
      case CITY_ADMIN, DISTRICT_ADMIN, AUDITOR -> actor.covers(s.owner());
      default -> false;
    };
  }

  /** The unit whose own sheet the caller reads as the assessed one, or null. */
  public static String assessedUnit(Actor actor, Scheme s) {
    Role expected = s.level() == AssessedLevel.STREET ? Role.STREET_ADMIN : Role.DISTRICT_ADMIN;
    String territory = actor.scope().territoryCode();
    boolean assessed =
        actor.role() == expected && s.status() == Scheme.Status.PUBLISHED && s.assesses(territory);
    return assessed ? territory : null;
  }

  /** Whether the caller edits, comments and signs: the owner's administrator at its level. */
  public static boolean assesses(Actor actor, Scheme s) {
    String territory = actor.scope().territoryCode();
    return s.level() == AssessedLevel.STREET
        ? actor.role() == Role.DISTRICT_ADMIN && territory.equals(s.owner())
        : actor.role() == Role.CITY_ADMIN;
  }

  /** Refuses (404) a scheme the caller may not read at all. */
  static void requireReadable(Actor actor, Scheme s) {
    if (!readsAll(actor, s) && assessedUnit(actor, s) == null) {
      throw ApiProblems.notFound("Scheme", Long.toString(s.id()));
    }
  }

  /** Refuses (403, or 404 when unreadable) a caller who is not the scheme's assessor. */
  void requireAssessor(Actor actor, Scheme s) {
    requireReadable(actor, s);
    if (!assesses(actor, s)) {
      throw ApiProblems.forbidden(texts.text("scheme.refused.editor"));
    }
  }
}
