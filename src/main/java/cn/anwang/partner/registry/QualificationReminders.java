package cn.anwang.partner.registry;

import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.notification.Notifications;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the keepers of an organisation (the administrators of the district that registered it, or
 * the city's for the city's) that a qualification lapses: at {@link #LEADS} days before, one
 * reminder per lead — the smallest lead reached — so a qualification first seen 20 days before gets
 * the 30-day one only. Blacklisted organisations and qualifications replaced by a later one of the
 * same type are skipped. Each user gets each reminder once ({@code partner-qual:<id>:<lead>}).
 */
@Component
class QualificationReminders {

  static final List<Integer> LEADS = List.of(7, 30, 90);
  static final String KIND = "partner.qualification-expiring";
  static final String MESSAGE = "notification.partner.qualificationExpiring";

  private record Expiring(
      long id,
      String organisation,
      String district,
      String type,
      String number,
      LocalDate to,
      int daysLeft) {}

  private final JdbcClient jdbc;
  private final UserDirectory users;
  private final Notifications notifications;

  QualificationReminders(JdbcClient jdbc, UserDirectory users, Notifications notifications) {
    this.jdbc = jdbc;
    this.users = users;
    this.notifications = notifications;
  }

  /** Scans as of {@code today}; the number of notifications created (0 on a repeat). */
  @Transactional
  int scan(LocalDate today) {
    int maxLead = LEADS.get(LEADS.size() - 1);
    List<Expiring> expiring =
        jdbc.sql(
                """
                SELECT q.id, o.name, o.registered_district, q.type, q.certificate_no, q.valid_to,
                       q.valid_to - CAST(:today AS date) AS days_left
                  FROM partner_qualification q
                  JOIN partner_organisation o ON o.id = q.organisation_id
                 WHERE NOT o.blacklisted
                   AND q.valid_to >= :today AND q.valid_to <= CAST(:today AS date) + :maxLead
                   AND NOT EXISTS (SELECT 1 FROM partner_qualification n
                                    WHERE n.organisation_id = q.organisation_id
                                      AND n.type = q.type AND n.valid_to > q.valid_to)
                 ORDER BY q.valid_to, q.id
                """)
            .param("today", today)
            .param("maxLead", maxLead)
            .query(
                (rs, n) ->
                    new Expiring(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getInt(7)))
            .list();
    int sent = 0;
    for (Expiring e : expiring) {
      int lead = LEADS.stream().filter(l -> e.daysLeft() <= l).findFirst().orElseThrow();
      Role role = "12".equals(e.district()) ? Role.CITY_ADMIN : Role.DISTRICT_ADMIN;
      for (UserDirectory.Contact keeper : users.withRole(role, e.district())) {
        if (role == Role.DISTRICT_ADMIN && !e.district().equals(keeper.territoryCode())) {
          continue;
        }
        boolean created =
            notifications.notify(
                keeper.id(),
                KIND,
                MESSAGE,
                List.of(
                    e.organisation(),
                    e.number(),
                    e.to().toString(),
                    Integer.toString(e.daysLeft())),
                null, // the registry has no page yet
                "partner-qual:" + e.id() + ":" + lead);
        if (created) {
          sent++;
        }
      }
    }
    return sent;
  }
}
