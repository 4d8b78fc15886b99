package cn.anwang.workforce.training;

import cn.anwang.notification.Notifications;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds officers and their street administrators of certificates about to expire. A certificate
 * is reminded of when it is not revoked, expires within the largest lead (e.g. 30 days) after the
 * day scanned, its officer has not left, and the officer holds no newer certificate of the same
 * course that is not revoked. It gets one reminder per lead: the smallest lead it has reached (a
 * certificate first seen 5 days before expiry gets the 7-day reminder only). Recipients are the
 * officer's linked user and every enabled street administrator whose territory covers the officer's
 * division; each gets it once ({@code cert-expiry:<certId>:<leadDays>}), however often the scan
 * runs.
 */
@Component
class ExpiryReminders {

  private static final Logger log = LoggerFactory.getLogger(ExpiryReminders.class);

  static final String KIND = "training.certificate-expiring";
  static final String MESSAGE = "notification.training.certificateExpiring";

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final ReminderProperties properties;

  ExpiryReminders(JdbcClient jdbc, Notifications notifications, ReminderProperties properties) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.properties = properties;
  }

  private record Expiring(
      long certificateId,
      long officerId,
      String officerName,
      String divisionCode,
      Long userId,
      String number,
      String courseTitle,
      LocalDate expiresOn,
      int daysLeft) {}

  /** Scans as of {@code today}; returns how many notifications were created (0 on a repeat). */
  @Transactional
  int scan(LocalDate today) {
    List<Integer> leads = properties.leadDays();
    int maxLead = leads.get(leads.size() - 1);
    List<Expiring> expiring =
        jdbc.sql(
                """
                SELECT t.id, o.id, o.name, o.division_code, o.user_id, t.number, c.title, t.expires_on,
                       t.expires_on - CAST(:today AS date) AS days_left
                  FROM training_certificate t
                  JOIN officer o ON o.id = t.officer_id
                  JOIN training_course c ON c.id = t.course_id
                 WHERE t.revoked_at IS NULL
                   AND t.expires_on > :today AND t.expires_on <= CAST(:today AS date) + :maxLead
                   AND o.status <> 'LEFT'
                   AND NOT EXISTS (SELECT 1 FROM training_certificate n
                                    WHERE n.officer_id = t.officer_id AND n.course_id = t.course_id
                                      AND n.id <> t.id AND n.revoked_at IS NULL
                                      AND n.expires_on > t.expires_on)
                 ORDER BY t.expires_on, t.id
                """)
            .param("today", today)
            .param("maxLead", maxLead)
            .query(
                (rs, n) ->
                    new Expiring(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getInt(9)))
            .list();
    Map<String, List<Long>> streetAdmins = new HashMap<>();
    int sent = 0;
    for (Expiring e : expiring) {
      int lead = leads.stream().filter(l -> e.daysLeft() <= l).findFirst().orElseThrow();
      Set<Long> recipients = new LinkedHashSet<>();
      if (e.userId() != null) {
        recipients.add(e.userId());
      }
      recipients.addAll(streetAdmins.computeIfAbsent(e.divisionCode(), this::streetAdminsOf));
      List<String> args =
          new ArrayList<>(
              List.of(
                  e.officerName(),
                  e.courseTitle(),
                  e.number(),
                  e.expiresOn().toString(),
                  String.valueOf(e.daysLeft())));
      for (long user : recipients) {
        if (notifications.notify(
            user,
            KIND,
            MESSAGE,
            args,
            "/workforce/officers/" + e.officerId(),
            "cert-expiry:" + e.certificateId() + ":" + lead)) {
          sent++;
        }
      }
    }
    if (sent > 0) {
      log.info("Certificate expiry reminders as of {}: {} sent", today, sent);
    }
    return sent;
  }

  private List<Long> streetAdminsOf(String divisionCode) {
    return jdbc.sql(
            """
            SELECT id FROM app_user
             WHERE role = 'STREET_ADMIN' AND enabled
               AND :division LIKE territory_code || '%'
             ORDER BY id
            """)
        .param("division", divisionCode)
        .query(Long.class)
        .list();
  }
}
