package cn.anwang.partner.work;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.partner.registry.PartnerAccess;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An organisation's performance, computed from its work: over the findings recorded in the period
 * (Beijing days, both included), how many the street confirmed (registered and not voided), how
 * many were voided, how many rectifications were guided to closure and how many of those closed on
 * time; the shares over the findings and over the closed ones. Per engagement and in total.
 */
@Component
public class Performance {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /**
   * @param confirmedShare confirmed / findings, or null without findings
   * @param onTimeRate closedOnTime / closed, or null when none closed
   */
  public record Figures(
      long findings,
      long confirmed,
      long voided,
      long closed,
      long closedOnTime,
      Double confirmedShare,
      Double onTimeRate) {}

  public record ByEngagement(long engagementId, String contractRef, Figures figures) {}

  public record Result(
      long organisationId,
      LocalDate from,
      LocalDate to,
      Figures totals,
      List<ByEngagement> byEngagement) {}

  private final CurrentActor actors;
  private final JdbcClient jdbc;

  Performance(CurrentActor actors, JdbcClient jdbc) {
    this.actors = actors;
    this.jdbc = jdbc;
  }

  public Result of(long organisationId, LocalDate from, LocalDate to) {
    Actor actor = actors.require();
    if (!PartnerAccess.READ.contains(actor.role())) {
      throw PartnerRejected.forbidden("partner.rule.performanceReaders");
    }
    boolean exists =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM partner_organisation WHERE id = ?)")
            .param(organisationId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      throw PartnerRejected.notFound("partner.rule.organisationNotFound", organisationId);
    }
    LocalDate today = LocalDate.now(BEIJING);
    LocalDate f = from == null ? today.withDayOfYear(1) : from;
    LocalDate t = to == null ? today : to;
    if (t.isBefore(f)) {
      throw PartnerRejected.badRequest("partner.rule.fromTo");
    }
    Instant start = f.atStartOfDay(BEIJING).toInstant();
    Instant end = t.plusDays(1).atStartOfDay(BEIJING).toInstant();
    record Row(Long engagement, String contract, Figures figures) {}
    List<Row> rows =
        jdbc.sql(
                """
                SELECT f.engagement_id, min(e.contract_ref) AS contract_ref,
                       count(*) AS findings,
                       count(*) FILTER (WHERE f.registered_at IS NOT NULL AND f.voided_at IS NULL)
                         AS confirmed,
                       count(*) FILTER (WHERE f.voided_at IS NOT NULL) AS voided,
                       count(*) FILTER (WHERE f.closed_at IS NOT NULL) AS closed,
                       count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.closed_on_time)
                         AS on_time
                  FROM partner_finding f JOIN partner_engagement e ON e.id = f.engagement_id
                 WHERE f.organisation_id = ? AND f.created_at >= ? AND f.created_at < ?
                 GROUP BY GROUPING SETS ((), (f.engagement_id))
                 ORDER BY f.engagement_id NULLS FIRST
                """)
            .params(organisationId, Timestamp.from(start), Timestamp.from(end))
            .query(
                (rs, n) -> {
                  long findings = rs.getLong("findings");
                  long confirmed = rs.getLong("confirmed");
                  long closed = rs.getLong("closed");
                  long onTime = rs.getLong("on_time");
                  return new Row(
                      (Long) rs.getObject("engagement_id"),
                      rs.getString("contract_ref"),
                      new Figures(
                          findings,
                          confirmed,
                          rs.getLong("voided"),
                          closed,
                          onTime,
                          share(confirmed, findings),
                          share(onTime, closed)));
                })
            .list();
    Figures totals = new Figures(0, 0, 0, 0, 0, null, null);
    List<ByEngagement> by = new java.util.ArrayList<>();
    for (Row r : rows) {
      if (r.engagement() == null) {
        totals = r.figures();
      } else {
        by.add(new ByEngagement(r.engagement(), r.contract(), r.figures()));
      }
    }
    return new Result(organisationId, f, t, totals, by);
  }

  private static Double share(long part, long whole) {
    return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 1000.0;
  }
}
