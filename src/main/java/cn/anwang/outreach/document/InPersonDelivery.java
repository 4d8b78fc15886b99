package cn.anwang.outreach.document;

import cn.anwang.identity.AuditLog;
import cn.anwang.inspection.OfficerDutyListener;
import cn.anwang.inspection.OfficerDutyTasks;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-person delivery: the documents not yet received at the objects of an officer's grids are tasks
 * in the officer's phone list, and a delivery visit recorded on the phone (online or synced later
 * from the outbox) is the receipt — the visit keeps the signer, signature, photos, time and
 * position, the delivery points at it. A visit opened from a task names its document ({@code
 * document:<id>}) and receives that one; a delivery visit chosen by hand receives every document
 * still open at the object. Replays of a visit change nothing (the inspection module answers them
 * before calling).
 */
@Component
class InPersonDelivery implements OfficerDutyListener, OfficerDutyTasks {

  static final String KIND = "DOCUMENT_DELIVERY";
  private static final Pattern REFERENCE = Pattern.compile("document:(\\d{1,18})");

  private final JdbcClient jdbc;
  private final AuditLog audit;

  InPersonDelivery(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public List<DutyTask> openIn(List<String> gridCodes) {
    return jdbc.sql(
            """
            SELECT v.object_id, v.document_id, d.title, d.receipt_deadline
              FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id
             WHERE v.grid_code = ANY(?) AND v.status <> 'RECEIVED'
             ORDER BY d.receipt_deadline, v.object_id, v.document_id
            """)
        .param(gridCodes.toArray(String[]::new))
        .query(
            (rs, n) ->
                new DutyTask(
                    KIND,
                    rs.getLong("object_id"),
                    "document:" + rs.getLong("document_id"),
                    rs.getString("title"),
                    rs.getObject("receipt_deadline", LocalDate.class)))
        .list();
  }

  @Override
  public void dutyRecorded(OfficerDuty duty) {
    if (!KIND.equals(duty.kind())) {
      return;
    }
    Long documentId = null;
    if (duty.reference() != null) {
      Matcher m = REFERENCE.matcher(duty.reference());
      if (m.matches()) {
        documentId = Long.parseLong(m.group(1));
      }
    }
    List<Long> received =
        jdbc.sql(
                """
                UPDATE outreach_delivery
                   SET status = 'RECEIVED', method = 'IN_PERSON', received_at = :at,
                       received_by = :user, signer_name = :signer, inspection_id = :inspection,
                       lon = :lon, lat = :lat, outside_allowed_area = :outside
                 WHERE object_id = :object AND status <> 'RECEIVED'
                   AND (CAST(:doc AS bigint) IS NULL OR document_id = :doc)
                RETURNING id
                """)
            .param("at", Timestamp.from(duty.endedAt()))
            .param("user", duty.userId())
            .param("signer", duty.signerName())
            .param("inspection", duty.inspectionId())
            .param("lon", duty.lon())
            .param("lat", duty.lat())
            .param("outside", duty.outsideAllowedArea())
            .param("object", duty.objectId())
            .param("doc", documentId)
            .query(Long.class)
            .list();
    for (Long id : received) {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("method", "IN_PERSON");
      after.put("inspectionId", duty.inspectionId());
      after.put("signed", duty.signed());
      after.put("outsideAllowedArea", duty.outsideAllowedArea());
      audit.record("document.receive", "document-delivery", Long.toString(id), null, after);
    }
  }
}
