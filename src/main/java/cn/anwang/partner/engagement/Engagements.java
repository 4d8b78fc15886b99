package cn.anwang.partner.engagement;

import cn.anwang.area.Grids;
import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.refusal.PartnerText;
import cn.anwang.registry.SupervisedObjects;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engagements of registered organisations in a district: made by the district's administrator (or
 * the city's) for an organisation that is not blacklisted and holds a qualification valid on the
 * first day, over grids and objects of that district only; ended early with a reason. Audited.
 */
@Service
public class Engagements {

  public static final Set<String> KINDS = Set.of("GOVERNMENT_PURCHASE", "ENTERPRISE_HIRE");
  public static final Set<String> SERVICES =
      Set.of("RISK_ASSESSMENT", "HAZARD_SURVEY", "RECTIFICATION_GUIDANCE", "GRID_BUILDING");

  public record NewEngagement(
      Long organisationId,
      String district,
      String kind,
      String client,
      Set<String> services,
      String contractRef,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate noticeOn,
      List<String> grids,
      List<Long> objects) {}

  private final CurrentActor actors;
  private final EngagementQueries queries;
  private final Grids grids;
  private final SupervisedObjects objects;
  private final JdbcClient jdbc;
  private final AuditLog audit;

  Engagements(
      CurrentActor actors,
      EngagementQueries queries,
      Grids grids,
      SupervisedObjects objects,
      JdbcClient jdbc,
      AuditLog audit) {
    this.actors = actors;
    this.queries = queries;
    this.grids = grids;
    this.objects = objects;
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public EngagementQueries.Engagement create(NewEngagement e) {
    Actor actor = keeper();
    if (e == null || e.organisationId() == null) {
      throw PartnerRejected.unprocessable("organisationId", "partner.rule.organisationEngaged");
    }
    String district =
        actor.role() == Role.DISTRICT_ADMIN
            ? actor.scope().territoryCode().substring(0, 6)
            : e.district();
    if (district == null || !district.matches("12\\d{4}") || !actor.covers(district)) {
      throw PartnerRejected.unprocessable("district", "partner.rule.district");
    }
    record Org(boolean blacklisted, String name) {}
    Org org =
        jdbc.sql("SELECT blacklisted, name FROM partner_organisation WHERE id = ?")
            .param(e.organisationId())
            .query((rs, n) -> new Org(rs.getBoolean(1), rs.getString(2)))
            .optional()
            .orElseThrow(
                () ->
                    PartnerRejected.unprocessable("organisationId", "partner.rule.noOrganisation"));
    if (org.blacklisted()) {
      throw PartnerRejected.unprocessable("organisationId", "partner.rule.blacklisted", org.name());
    }
    if (e.kind() == null || !KINDS.contains(e.kind())) {
      throw PartnerRejected.unprocessable("kind", "partner.rule.kind");
    }
    if (e.services() == null || e.services().isEmpty() || !SERVICES.containsAll(e.services())) {
      throw PartnerRejected.unprocessable("services", "partner.rule.services");
    }
    String client = PartnerText.required(e.client(), 200, "client");
    String contract = PartnerText.required(e.contractRef(), 100, "contractRef");
    if (e.startsOn() == null || e.endsOn() == null || e.endsOn().isBefore(e.startsOn())) {
      throw PartnerRejected.unprocessable("endsOn", "partner.rule.period");
    }
    if (e.noticeOn() != null && e.noticeOn().isAfter(e.startsOn())) {
      throw PartnerRejected.unprocessable("noticeOn", "partner.rule.notice");
    }
    boolean qualified =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM partner_qualification WHERE organisation_id = ?"
                    + " AND valid_from <= ? AND valid_to >= ?)")
            .params(e.organisationId(), Date.valueOf(e.startsOn()), Date.valueOf(e.startsOn()))
            .query(Boolean.class)
            .single();
    if (!qualified) {
      throw PartnerRejected.unprocessable(
          "organisationId", "partner.rule.unqualified", org.name(), e.startsOn());
    }
    Set<String> gridCodes = new LinkedHashSet<>(e.grids() == null ? List.of() : e.grids());
    Set<Long> objectIds = new LinkedHashSet<>(e.objects() == null ? List.of() : e.objects());
    if (gridCodes.isEmpty() && objectIds.isEmpty()) {
      throw PartnerRejected.unprocessable("grids", "partner.rule.scopeRequired");
    }
    for (String g : gridCodes) {
      boolean inside =
          g != null && grids.find(g).map(r -> district.equals(r.districtCode())).orElse(false);
      if (!inside) {
        throw PartnerRejected.unprocessable("grids", "partner.rule.gridOutside", g, district);
      }
    }
    for (Long o : objectIds) {
      boolean inside =
          o != null && objects.find(o).map(r -> district.equals(r.districtCode())).orElse(false);
      if (!inside) {
        throw PartnerRejected.unprocessable("objects", "partner.rule.objectOutside", o, district);
      }
    }
    String services = String.join(",", new TreeSet<>(e.services()));
    long id =
        jdbc.sql(
                """
                INSERT INTO partner_engagement (organisation_id, district_code, kind, client,
                  services, contract_ref, starts_on, ends_on, notice_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                e.organisationId(),
                district,
                e.kind(),
                client,
                services,
                contract,
                Date.valueOf(e.startsOn()),
                Date.valueOf(e.endsOn()),
                e.noticeOn() == null ? null : Date.valueOf(e.noticeOn()),
                actor.username())
            .query(Long.class)
            .single();
    for (String g : gridCodes) {
      jdbc.sql("INSERT INTO partner_engagement_scope (engagement_id, grid_code) VALUES (?, ?)")
          .params(id, g)
          .update();
    }
    for (Long o : objectIds) {
      jdbc.sql("INSERT INTO partner_engagement_scope (engagement_id, object_id) VALUES (?, ?)")
          .params(id, o)
          .update();
    }
    audit.record(
        "partner.engagement.create",
        "partner_engagement",
        Long.toString(id),
        district,
        null,
        Map.of(
            "organisation", e.organisationId(),
            "services", services,
            "grids", gridCodes.size(),
            "objects", objectIds.size()));
    return queries.get(id, actor);
  }

  @Transactional
  public EngagementQueries.Engagement end(long id, String reason) {
    Actor actor = keeper();
    EngagementQueries.Engagement e = queries.get(id, actor);
    if (e.endedAt() != null) {
      throw PartnerRejected.conflict("partner.rule.ended", id);
    }
    String why = PartnerText.required(reason, 1000, "reason");
    jdbc.sql("UPDATE partner_engagement SET ended_at = now(), ended_reason = ? WHERE id = ?")
        .params(why, id)
        .update();
    audit.record(
        "partner.engagement.end",
        "partner_engagement",
        Long.toString(id),
        e.district(),
        null,
        Map.of("reason", why));
    return queries.get(id, actor);
  }

  private Actor keeper() {
    Actor actor = actors.require();
    if (actor.role() != Role.CITY_ADMIN && actor.role() != Role.DISTRICT_ADMIN) {
      throw PartnerRejected.forbidden("partner.rule.engagementKeepers");
    }
    return actor;
  }
}
