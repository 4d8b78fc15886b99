package cn.anwang.partner.registry;

import cn.anwang.identity.Actor;
import cn.anwang.partner.refusal.PartnerRejected;
import cn.anwang.shared.pii.PiiProtector;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of the registry: organisations by name or code with their qualifications' state on today's
 * date in Beijing (a qualification within {@value #WARNING_DAYS} days of lapsing is EXPIRING), one
 * organisation, and the qualifications about to lapse.
 */
@Component
public class PartnerQueries {

  static final int WARNING_DAYS = 90;
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final JdbcClient jdbc;
  private final PiiProtector pii;

  PartnerQueries(JdbcClient jdbc, PiiProtector pii) {
    this.jdbc = jdbc;
    this.pii = pii;
  }

  public List<PartnerViews.Organisation> list(
      Actor actor, String q, Boolean blacklisted, int limit) {
    String like = q == null || q.isBlank() ? null : "%" + q.strip() + "%";
    List<Long> ids =
        jdbc.sql(
                "SELECT id FROM partner_organisation WHERE true"
                    + (like == null ? "" : " AND (name LIKE :q OR uscc LIKE upper(:q))")
                    + (blacklisted == null ? "" : " AND blacklisted = :b")
                    + " ORDER BY name, id LIMIT :limit")
            .param("q", like)
            .param("b", blacklisted)
            .param("limit", limit)
            .query(Long.class)
            .list();
    return ids.stream().map(id -> find(id, actor).orElseThrow()).toList();
  }

  public PartnerViews.Organisation get(long id, Actor actor) {
    return find(id, actor)
        .orElseThrow(() -> PartnerRejected.notFound("partner.rule.organisationNotFound", id));
  }

  Optional<PartnerViews.Organisation> find(long id, Actor actor) {
    LocalDate today = LocalDate.now(BEIJING);
    return jdbc.sql("SELECT * FROM partner_organisation WHERE id = ?")
        .param(id)
        .query(
            (rs, n) -> {
              String district = rs.getString("registered_district");
              List<PartnerViews.Qualification> qs = qualifications(id, today);
              return new PartnerViews.Organisation(
                  id,
                  rs.getString("uscc"),
                  rs.getString("name"),
                  rs.getString("address"),
                  district,
                  rs.getBoolean("blacklisted"),
                  rs.getString("blacklist_reason"),
                  rs.getTimestamp("blacklisted_at") == null
                      ? null
                      : rs.getTimestamp("blacklisted_at").toInstant(),
                  warning(qs),
                  qs,
                  contacts(id, PartnerAccess.keeps(actor, district)),
                  rs.getInt("version"));
            })
        .optional();
  }

  /** Qualifications lapsing within {@code days} (or lapsed within the last year), soonest first. */
  public List<PartnerViews.Expiring> expiring(int days) {
    LocalDate today = LocalDate.now(BEIJING);
    return jdbc.sql(
            """
            SELECT q.*, o.name AS organisation FROM partner_qualification q
              JOIN partner_organisation o ON o.id = q.organisation_id
             WHERE q.valid_to <= ? AND q.valid_to >= ? AND NOT o.blacklisted
             ORDER BY q.valid_to, q.id
            """)
        .params(today.plusDays(days), today.minusYears(1))
        .query(
            (rs, n) ->
                new PartnerViews.Expiring(
                    rs.getLong("organisation_id"),
                    rs.getString("organisation"),
                    qualification(rs, today, days)))
        .list();
  }

  private List<PartnerViews.Qualification> qualifications(long organisation, LocalDate today) {
    return jdbc.sql(
            "SELECT * FROM partner_qualification WHERE organisation_id = ? ORDER BY valid_to, id")
        .param(organisation)
        .query((rs, n) -> qualification(rs, today, WARNING_DAYS))
        .list();
  }

  private List<PartnerViews.Contact> contacts(long organisation, boolean full) {
    return jdbc.sql("SELECT * FROM partner_contact WHERE organisation_id = ? ORDER BY id")
        .param(organisation)
        .query(
            (rs, n) ->
                new PartnerViews.Contact(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("duty"),
                    full
                        ? pii.decrypt(Base64.getDecoder().decode(rs.getString("phone_enc")))
                        : rs.getString("phone_masked")))
        .list();
  }

  private static PartnerViews.Qualification qualification(ResultSet rs, LocalDate today, int warn)
      throws SQLException {
    LocalDate to = rs.getDate("valid_to").toLocalDate();
    long left = ChronoUnit.DAYS.between(today, to);
    return new PartnerViews.Qualification(
        rs.getLong("id"),
        rs.getString("type"),
        rs.getString("certificate_no"),
        rs.getString("scope"),
        rs.getString("issuer"),
        rs.getDate("valid_from").toLocalDate(),
        to,
        left < 0 ? "EXPIRED" : left <= warn ? "EXPIRING" : "VALID",
        left);
  }

  /**
   * NO_QUALIFICATION, EXPIRED (none valid), EXPIRING (the soonest valid one), or null when fine.
   */
  private static String warning(List<PartnerViews.Qualification> qs) {
    if (qs.isEmpty()) {
      return "NO_QUALIFICATION";
    }
    if (qs.stream().allMatch(q -> "EXPIRED".equals(q.status()))) {
      return "EXPIRED";
    }
    return qs.stream()
            .filter(q -> !"EXPIRED".equals(q.status()))
            .min(Comparator.comparing(PartnerViews.Qualification::validTo))
            .filter(q -> "EXPIRING".equals(q.status()))
            .isPresent()
        ? "EXPIRING"
        : null;
  }
}
