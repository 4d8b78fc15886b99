package cn.anwang.outreach.document;

import cn.anwang.area.Grids;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.UserDirectory;
import cn.anwang.inspection.DutyEvidence;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 送达回证 of one delivery as a PDF, for the staff who see the delivery and for the enterprise user
 * it was sent to (each checked by the query it already answers to: 404 otherwise). The signature
 * and photo count of an in-person delivery come from the officer's visit ({@link DutyEvidence});
 * the account that acknowledged an electronic one from {@link UserDirectory}. Each reading is
 * audited ({@code document.receipt.read}): the receipt names the signer.
 */
@Service
@Transactional
class Receipts {

  private final DocumentQueries queries;
  private final MyDocuments mine;
  private final ReceiptPdf pdf;
  private final JdbcClient jdbc;
  private final Grids grids;
  private final DutyEvidence evidence;
  private final UserDirectory users;
  private final AuditLog audit;
  private final Clock clock;

  Receipts(
      DocumentQueries queries,
      MyDocuments mine,
      ReceiptPdf pdf,
      JdbcClient jdbc,
      Grids grids,
      DutyEvidence evidence,
      UserDirectory users,
      AuditLog audit,
      Optional<Clock> clock) {
    this.queries = queries;
    this.mine = mine;
    this.pdf = pdf;
    this.jdbc = jdbc;
    this.grids = grids;
    this.evidence = evidence;
    this.users = users;
    this.audit = audit;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** A delivery of a document the staff member sees. */
  byte[] forStaff(long documentId, long deliveryId, Locale locale) {
    DocumentQueries.Delivery d = queries.delivery(documentId, deliveryId);
    return render(d.id(), d.objectName(), d.objectAddress(), locale);
  }

  /** A delivery to one of the enterprise user's objects. */
  byte[] forEnterprise(long deliveryId, Locale locale) {
    MyDocuments.Item item = mine.find(deliveryId);
    return render(item.deliveryId(), item.objectName(), null, locale);
  }

  /** The name a browser saves the PDF under. */
  static String filename(long deliveryId) {
    return "receipt-" + deliveryId + ".pdf";
  }

  private byte[] render(long deliveryId, String objectName, String objectAddress, Locale locale) {
    Row r =
        jdbc.sql(
                """
                SELECT v.id, v.document_id, v.object_id, v.division_code, v.grid_code, v.status,
                       v.method, v.received_at, v.received_by, v.signer_name, v.inspection_id,
                       v.lon, v.lat, v.outside_allowed_area, d.title, d.doc_number, d.issuer,
                       d.published_at, d.receipt_deadline
                  FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id
                 WHERE v.id = ?
                """)
            .param(deliveryId)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("document_id"),
                        rs.getString("division_code"),
                        rs.getString("grid_code"),
                        rs.getString("status"),
                        rs.getString("method"),
                        DocumentQueries.instant(rs, "received_at"),
                        (Long) rs.getObject("received_by"),
                        rs.getString("signer_name"),
                        (Long) rs.getObject("inspection_id"),
                        (Double) rs.getObject("lon"),
                        (Double) rs.getObject("lat"),
                        (Boolean) rs.getObject("outside_allowed_area"),
                        rs.getString("title"),
                        rs.getString("doc_number"),
                        rs.getString("issuer"),
                        rs.getTimestamp("published_at").toInstant(),
                        rs.getObject("receipt_deadline", LocalDate.class)))
            .single();
    Optional<DutyEvidence.Evidence> visit =
        Optional.ofNullable(r.inspectionId()).flatMap(evidence::of);
    String account =
        r.receivedBy() == null || "IN_PERSON".equals(r.method())
            ? null
            : users.find(r.receivedBy()).map(UserDirectory.Contact::displayName).orElse(null);
    ReceiptPdf.Receipt receipt =
        new ReceiptPdf.Receipt(
            "SD-" + r.documentId() + "-" + deliveryId,
            r.title(),
            r.number(),
            r.issuer(),
            r.publishedAt(),
            r.deadline(),
            objectName,
            objectAddress,
            r.grid() == null
                ? null
                : grids.find(r.grid()).map(Grids.GridRef::name).orElse(r.grid()),
            r.status(),
            r.method(),
            r.signer(),
            r.receivedAt(),
            account,
            visit.map(DutyEvidence.Evidence::recordedBy).orElse(null),
            r.lon(),
            r.lat(),
            r.outside(),
            visit.map(DutyEvidence.Evidence::signaturePng).orElse(null),
            visit.map(DutyEvidence.Evidence::photoCount).orElse(0),
            Instant.now(clock));
    audit.record(
        "document.receipt.read",
        "document-delivery",
        Long.toString(deliveryId),
        r.division(),
        null,
        Map.of("documentId", r.documentId(), "status", r.status()));
    return pdf.render(receipt, locale);
  }

  private record Row(
      long documentId,
      String division,
      String grid,
      String status,
      String method,
      Instant receivedAt,
      Long receivedBy,
      String signer,
      Long inspectionId,
      Double lon,
      Double lat,
      Boolean outside,
      String title,
      String number,
      String issuer,
      Instant publishedAt,
      LocalDate deadline) {}
}
