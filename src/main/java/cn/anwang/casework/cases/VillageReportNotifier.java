package cn.anwang.casework.cases;

import cn.anwang.identity.Role;
import cn.anwang.identity.UserDirectory;
import cn.anwang.notification.Notifications;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Village reports (村居网格员上报, source {@code VILLAGE_REPORT}) reach at once, in the report's own
 * transaction, in-app:
 *
 * <ul>
 *   <li>the <b>village committee contact</b>: the enabled village officers ({@code
 *       VILLAGE_OFFICER}) whose territory is the case's village — the village officer account is
 *       the committee's contact; the reporter is not notified of their own report;
 *   <li>the <b>street</b>: the enabled street administrators ({@code STREET_ADMIN}) of the case's
 *       street, who register it.
 * </ul>
 *
 * One notification per user and case (dedup key {@code village-report:<case id>}).
 */
@Component
class VillageReportNotifier {

  static final String KIND = "case.village-report";

  private final CaseRepository cases;
  private final UserDirectory users;
  private final Notifications notifications;

  VillageReportNotifier(CaseRepository cases, UserDirectory users, Notifications notifications) {
    this.cases = cases;
    this.users = users;
    this.notifications = notifications;
  }

  @EventListener
  void on(CaseTransitioned e) {
    if (e.action() != CaseAction.REPORT) {
      return;
    }
    SafetyCase c = cases.find(e.caseId()).orElse(null);
    if (c == null || c.source != CaseSource.VILLAGE_REPORT) {
      return;
    }
    Map<Long, String> recipients = new LinkedHashMap<>();
    if (c.villageCode != null) {
      users.withRole(Role.VILLAGE_OFFICER, c.villageCode).stream()
          .filter(u -> c.villageCode.equals(u.territoryCode()))
          .forEach(u -> recipients.put(u.id(), "casework.notify.villageReportVillage"));
    }
    if (c.streetCode != null) {
      users
          .withRole(Role.STREET_ADMIN, c.streetCode)
          .forEach(u -> recipients.put(u.id(), "casework.notify.villageReportStreet"));
    }
    if (c.reporterUserId != null) {
      recipients.remove(c.reporterUserId);
    }
    List<String> args = List.of(c.number, c.title, c.reporterName == null ? "" : c.reporterName);
    recipients.forEach(
        (userId, messageKey) ->
            notifications.notify(
                userId, KIND, messageKey, args, "/cases/" + c.id, "village-report:" + c.id));
  }
}
