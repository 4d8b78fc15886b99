package cn.anwang.outreach.document;

import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.notification.Notifications;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.workforce.OfficerDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders before a receipt deadline, at {@link #LEADS} days before, one per lead — the smallest
 * lead reached, so a document first scanned two days before its deadline gets the 3-day one only:
 * each enterprise user of an object not yet received ({@code document-due:<delivery>:<lead>}), and
 * each officer whose grids hold such objects, with their count ({@code
 * document-due:<document>:officer:<lead>}). A repeated scan sends nothing new.
 */
@Component
class DeliveryReminders {

  static final List<Integer> LEADS = List.of(1, 3);
  static final String KIND = "outreach.receipt-due";

  private record Open(
      long deliveryId,
      long documentId,
      long objectId,
      String divisionCode,
      String gridCode,
      String title,
      LocalDate deadline,
      int daysLeft) {}

  private final JdbcClient jdbc;
  private final ObjectAccounts accounts;
  private final UserDirectory users;
  private final OfficerDirectory officers;
  private final Notifications notifications;

  DeliveryReminders(
      JdbcClient jdbc,
      ObjectAccounts accounts,
      UserDirectory users,
      OfficerDirectory officers,
      Notifications notifications) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.users = users;
    this.officers = officers;
    this.notifications = notifications;
  }

  /** Scans as of {@code today}; the number of notifications created (0 on a repeat). */
  @Transactional
  int scan(LocalDate today) {
    List<Open> open =
        jdbc.sql(
                """
                SELECT v.id, v.document_id, v.object_id, v.division_code, v.grid_code, d.title,
                       d.receipt_deadline, d.receipt_deadline - CAST(:today AS date) AS days_left
                  FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id
                 WHERE v.status <> 'RECEIVED'
                   AND d.receipt_deadline >= :today
                   AND d.receipt_deadline <= CAST(:today AS date) + :maxLead
                 ORDER BY v.document_id, v.id
                """)
            .param("today", today)
            .param("maxLead", LEADS.get(LEADS.size() - 1))
            .query(
                (rs, n) ->
                    new Open(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getInt(8)))
            .list();
    if (open.isEmpty()) {
      return 0;
    }
    int sent = 0;
    Map<Long, List<Long>> enterpriseUsers =
        accounts.usersOf(open.stream().map(Open::objectId).distinct().toList());
    Map<String, Integer> perOfficer = new LinkedHashMap<>();
    Map<String, Open> officerDocument = new HashMap<>();
    Map<String, List<Long>> officersOfGrid = new HashMap<>();
    for (Open o : open) {
      int lead = lead(o.daysLeft());
      for (long userId : enterpriseUsers.getOrDefault(o.objectId(), List.of())) {
        if (notifications.notify(
            userId,
            KIND,
            "notification.outreach.receiptDue",
            List.of(o.title(), o.deadline().toString(), Integer.toString(o.daysLeft())),
            "/documents/mine",
            "document-due:" + o.deliveryId() + ":" + lead)) {
          sent++;
        }
      }
      if (o.gridCode() == null) {
        continue;
      }
      for (long userId :
          officersOfGrid.computeIfAbsent(o.gridCode(), g -> officerUsers(g, o.divisionCode()))) {
        String key = o.documentId() + ":" + userId;
        perOfficer.merge(key, 1, Integer::sum);
        officerDocument.putIfAbsent(key, o);
      }
    }
    for (Map.Entry<String, Integer> e : perOfficer.entrySet()) {
      Open o = officerDocument.get(e.getKey());
      long userId = Long.parseLong(e.getKey().substring(e.getKey().indexOf(':') + 1));
      if (notifications.notify(
          userId,
          KIND,
          "notification.outreach.deliveriesDue",
          List.of(o.title(), Integer.toString(e.getValue()), o.deadline().toString()),
          "/m/",
          "document-due:" + o.documentId() + ":officer:" + lead(o.daysLeft()))) {
        sent++;
      }
    }
    return sent;
  }

  private static int lead(int daysLeft) {
    return LEADS.stream().filter(l -> daysLeft <= l).findFirst().orElseThrow();
  }

  /** The log-in accounts of the officers assigned to the grid now. */
  private List<Long> officerUsers(String gridCode, String divisionCode) {
    String street = divisionCode.length() >= 9 ? divisionCode.substring(0, 9) : divisionCode;
    List<Long> ids = new ArrayList<>();
    for (Role role : List.of(Role.STREET_OFFICER, Role.VILLAGE_OFFICER)) {
      for (UserDirectory.Contact c : users.withRole(role, divisionCode)) {
        if (!c.territoryCode().startsWith(street)) {
          continue;
        }
        officers
            .byUser(c.id())
            .filter(o -> officers.currentGridCodes(o.id()).contains(gridCode))
            .ifPresent(o -> ids.add(c.id()));
      }
    }
    return ids;
  }
}
