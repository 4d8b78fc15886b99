package cn.anwang.partner.engagement;

import cn.anwang.identity.Actor;
import cn.anwang.identity.Role;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.registry.PartnerAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of engagements for those who work in their district (administrators, departments and
 * auditors whose territory covers it or lies in it); another district's engagement is 404.
 */
@Component
public class EngagementQueries {

  /**
   * @param active today (Beijing) lies in the period and it was not ended early
   */
  public record Engagement(
      long id,
      long organisationId,
      String organisation,
      String district,
      String kind,
      String client,
      List<String> services,
      String contractRef,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate noticeOn,
      boolean active,
      Instant endedAt,
      String endedReason,
      List<String> grids,
      List<Long> objects) {}

  private final JdbcClient jdbc;

  EngagementQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Actor reader(Actor actor) {
    if (!PartnerAccess.READ.contains(actor.role()) && actor.role() != Role.THIRD_PARTY) {
      throw PartnerRejected.forbidden("partner.rule.engagementReaders");
    }
    return actor;
  }

  public List<Engagement> list(Actor actor, Long organisationId, Boolean active) {
    reader(actor);
    String territory = actor.scope().territoryCode();
    boolean partner = actor.role() == Role.THIRD_PARTY;
    String district = partner || territory.length() < 6 ? null : territory.substring(0, 6);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return jdbc.sql(
            "SELECT e.*, o.name AS organisation FROM partner_engagement e"
                + " JOIN partner_organisation o ON o.id = e.organisation_id WHERE true"
                + (partner
                    ? " AND e.organisation_id = (SELECT organisation_id FROM partner_user"
                        + " WHERE user_id = :user)"
                    : "")
                + (district == null ? "" : " AND e.district_code = :district")
                + (organisationId == null ? "" : " AND e.organisation_id = :org")
                + (active == null
                    ? ""
                    : active
                        ? " AND e.ended_at IS NULL AND :today BETWEEN e.starts_on AND e.ends_on"
                        : " AND NOT (e.ended_at IS NULL AND :today BETWEEN e.starts_on"
                            + " AND e.ends_on)")
                + " ORDER BY e.starts_on DESC, e.id DESC LIMIT 500")
        .param("district", district)
        .param("user", actor.userId())
        .param("org", organisationId)
        .param("today", java.sql.Date.valueOf(today))
        .query((rs, n) -> engagement(rs, today))
        .list();
  }

  public Engagement get(long id, Actor actor) {
    reader(actor);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return jdbc.sql(
            "SELECT e.*, o.name AS organisation FROM partner_engagement e"
                + " JOIN partner_organisation o ON o.id = e.organisation_id WHERE e.id = ?")
        .param(id)
        .query((rs, n) -> engagement(rs, today))
        .optional()
        .filter(e -> visible(e, actor))
        .orElseThrow(() -> PartnerRejected.notFound("partner.rule.engagementNotFound", id));
  }

  /** A partner sees his organisation's engagements; everyone else those of his district. */
  private boolean visible(Engagement e, Actor actor) {
    if (actor.role() == Role.THIRD_PARTY) {
      return jdbc.sql(
              "SELECT EXISTS (SELECT 1 FROM partner_user WHERE user_id = ? AND organisation_id = ?)")
          .params(actor.userId(), e.organisationId())
          .query(Boolean.class)
          .single();
    }
    return actor.covers(e.district()) || actor.scope().territoryCode().startsWith(e.district());
  }

  private Engagement engagement(ResultSet rs, LocalDate today) throws SQLException {
    long id = rs.getLong("id");
    LocalDate starts = rs.getDate("starts_on").toLocalDate();
    LocalDate ends = rs.getDate("ends_on").toLocalDate();
    Instant ended =
        rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant();
    return new Engagement(
        id,
        rs.getLong("organisation_id"),
        rs.getString("organisation"),
        rs.getString("district_code"),
        rs.getString("kind"),
        rs.getString("client"),
        Arrays.asList(rs.getString("services").split(",")),
        rs.getString("contract_ref"),
        starts,
        ends,
        rs.getDate("notice_on") == null ? null : rs.getDate("notice_on").toLocalDate(),
        ended == null && !today.isBefore(starts) && !today.isAfter(ends),
        ended,
        rs.getString("ended_reason"),
        jdbc.sql(
                "SELECT grid_code FROM partner_engagement_scope WHERE engagement_id = ?"
                    + " AND grid_code IS NOT NULL ORDER BY grid_code")
            .param(id)
            .query(String.class)
            .list(),
        jdbc.sql(
                "SELECT object_id FROM partner_engagement_scope WHERE engagement_id = ?"
                    + " AND object_id IS NOT NULL ORDER BY object_id")
            .param(id)
            .query(Long.class)
            .list());
  }
}
