package cn.anwang.partner.work;

import cn.anwang.casework.CaseIntake;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.registry.PartnerAccess;
import cn.anwang.registry.SupervisedObjects;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's work: the organisation's administrators grant THIRD_PARTY accounts to it; such a user
 * sees the organisation's active engagements and records findings only at objects in their scope
 * (listed objects, or objects in listed grids) — anything else does not exist for him (404). A
 * finding becomes a case of source THIRD_PARTY through casework's {@link CaseIntake}, as the
 * partner user, who then sees the cases he raised there.
 */
@Service
public class PartnerWork {

  static final Set<String> TYPES =
      Set.of("GENERAL_HAZARD", "MAJOR_HAZARD", "ILLEGAL_OPERATION", "ACCIDENT", "OTHER");

  record Finding(
      Long engagementId,
      Long objectId,
      String type,
      String title,
      String description,
      Double lon,
      Double lat,
      String idempotencyKey) {}

  record Recorded(long findingId, long caseId, String caseNumber, boolean created) {}

  public record ScopeObject(
      long id, String name, String address, String gridCode, String riskLevel) {}

  private final CurrentActor actors;
  private final UserDirectory users;
  private final SupervisedObjects objects;
  private final CaseIntake intake;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  PartnerWork(
      CurrentActor actors,
      UserDirectory users,
      SupervisedObjects objects,
      CaseIntake intake,
      JdbcClient jdbc,
      AuditLog audit) {
    this.actors = actors;
    this.users = users;
    this.objects = objects;
    this.intake = intake;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Grants a THIRD_PARTY account to an organisation (by its keepers: city or its district). */
  @Transactional
  public void grant(long organisationId, String username) {
    Actor actor = actors.require();
    String district =
        jdbc.sql("SELECT registered_district FROM partner_organisation WHERE id = ?")
            .param(organisationId)
            .query(String.class)
            .optional()
            .orElseThrow(
                () ->
                    PartnerRejected.notFound("partner.rule.organisationNotFound", organisationId));
    if (!PartnerAccess.keeps(actor, district)) {
      throw PartnerRejected.forbidden("partner.rule.grantKeepers");
    }
    UserDirectory.Contact user =
        users
            .findByUsername(username == null ? "" : username.strip())
            .orElseThrow(() -> PartnerRejected.unprocessable("username", "partner.rule.noUser"));
    if (user.role() != Role.THIRD_PARTY) {
      throw PartnerRejected.unprocessable("username", "partner.rule.partnerRole");
    }
    Long current =
        jdbc.sql("SELECT organisation_id FROM partner_user WHERE user_id = ?")
            .param(user.id())
            .query(Long.class)
            .optional()
            .orElse(null);
    if (current != null && current != organisationId) {
      throw PartnerRejected.conflict("partner.rule.worksElsewhere", user.username(), current);
    }
    jdbc.sql(
            "INSERT INTO partner_user (user_id, organisation_id, granted_by) VALUES (?, ?, ?)"
                + " ON CONFLICT (user_id) DO NOTHING")
        .params(user.id(), organisationId, actor.username())
        .update();
    audit.record(
        "partner.user.grant",
        "partner_organisation",
        Long.toString(organisationId),
        district,
        null,
        Map.of("user", user.username()));
  }

  /** The partner user's organisation; 403 for anyone else. */
  long organisationOf(Actor actor) {
    if (actor.role() != Role.THIRD_PARTY) {
      throw PartnerRejected.forbidden("partner.rule.partnersOnly");
    }
    return jdbc.sql("SELECT organisation_id FROM partner_user WHERE user_id = ?")
        .param(actor.userId())
        .query(Long.class)
        .optional()
        .orElseThrow(() -> PartnerRejected.forbidden("partner.rule.noPartnerOrganisation"));
  }

  /** The objects of one of the organisation's active engagements (404 for any other). */
  public List<ScopeObject> scope(long engagementId) {
    Actor actor = actors.require();
    long org = organisationOf(actor);
    requireActive(engagementId, org);
    List<Long> ids =
        jdbc.sql(
                """
                SELECT object_id FROM partner_engagement_scope
                 WHERE engagement_id = ? AND object_id IS NOT NULL
                """)
            .param(engagementId)
            .query(Long.class)
            .list();
    List<String> grids =
        jdbc.sql(
                "SELECT grid_code FROM partner_engagement_scope WHERE engagement_id = ?"
                    + " AND grid_code IS NOT NULL")
            .param(engagementId)
            .query(String.class)
            .list();
    java.util.LinkedHashMap<Long, ScopeObject> out = new java.util.LinkedHashMap<>();
    for (long id : ids) {
      objects.find(id).ifPresent(o -> out.put(o.id(), view(o)));
    }
    if (!grids.isEmpty()) {
      for (SupervisedObjects.ObjectRef o : objects.inGrids(grids, 5000)) {
        out.putIfAbsent(o.id(), view(o));
      }
    }
    return List.copyOf(out.values());
  }

  @Transactional
  Recorded record(Finding f) {
    Actor actor = actors.require();
    long org = organisationOf(actor);
    if (f == null || f.engagementId() == null || f.objectId() == null) {
      throw PartnerRejected.unprocessable("objectId", "partner.rule.engagementAndObject");
    }
    requireActive(f.engagementId(), org);
    SupervisedObjects.ObjectRef object = objectInScope(f.engagementId(), f.objectId());
    String type = f.type() == null ? "GENERAL_HAZARD" : f.type();
    if (!TYPES.contains(type)) {
      throw PartnerRejected.unprocessable("type", "partner.rule.findingType");
    }
    String key =
        f.idempotencyKey() == null || f.idempotencyKey().isBlank()
            ? null
            : "partner:" + actor.userId() + ":" + f.idempotencyKey().strip();
    CaseIntake.Created c =
        intake.report(
            type, "THIRD_PARTY", object.id(), f.lon(), f.lat(), f.title(), f.description(), key);
    Long findingId =
        jdbc.sql(
                """
                INSERT INTO partner_finding (engagement_id, organisation_id, object_id, user_id,
                  case_id, case_number, case_type, title)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING RETURNING id
                """)
            .params(
                f.engagementId(),
                org,
                object.id(),
                actor.userId(),
                c.id(),
                c.number(),
                type,
                title(f.title()))
            .query(Long.class)
            .optional()
            .orElseGet(
                () ->
                    jdbc.sql("SELECT id FROM partner_finding WHERE case_id = ?")
                        .param(c.id())
                        .query(Long.class)
                        .single());
    return new Recorded(findingId, c.id(), c.number(), c.created());
  }

  /** An object of an engagement's scope (the engagement already checked active); else 404. */
  SupervisedObjects.ObjectRef objectInScope(long engagementId, long objectId) {
    return objects
        .find(objectId)
        .filter(o -> inScope(engagementId, o))
        .orElseThrow(() -> PartnerRejected.notFound("partner.rule.objectNotFound", objectId));
  }

  static String title(String title) {
    if (title == null) {
      return null;
    }
    String t = title.strip();
    return t.length() > 200 ? t.substring(0, 200) : t;
  }

  private boolean inScope(long engagementId, SupervisedObjects.ObjectRef o) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM partner_engagement_scope WHERE engagement_id = ?
                             AND (object_id = ? OR grid_code = ?))
            """)
        .params(engagementId, o.id(), o.gridCode())
        .query(Boolean.class)
        .single();
  }

  /** One of the organisation's active engagements; else 404. */
  void requireActive(long engagementId, long org) {
    boolean active =
        jdbc.sql(
                """
                SELECT EXISTS (SELECT 1 FROM partner_engagement WHERE id = ?
                                 AND organisation_id = ? AND ended_at IS NULL
                                 AND ? BETWEEN starts_on AND ends_on)
                """)
            .params(
                engagementId, org, java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai"))))
            .query(Boolean.class)
            .single();
    if (!active) {
      throw PartnerRejected.notFound("partner.rule.engagementNotFound", engagementId);
    }
  }

  private static ScopeObject view(SupervisedObjects.ObjectRef o) {
    return new ScopeObject(o.id(), o.name(), o.address(), o.gridCode(), o.riskLevel());
  }
}
