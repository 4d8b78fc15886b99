package cn.anwang.outreach.document;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.shared.web.ApiProblems;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Electronic delivery: an enterprise user reads the documents sent to the objects it acts for; the
 * first reading marks the delivery opened, and acknowledging (签收) receives it — once: a second
 * acknowledgement, or one after the officer's in-person delivery, changes nothing. Deliveries of
 * other objects answer 404.
 */
@Service
@Transactional
class MyDocuments {

  record Item(
      long deliveryId,
      long documentId,
      long objectId,
      String objectName,
      String title,
      String issuer,
      String number,
      LocalDate receiptDeadline,
      Instant publishedAt,
      String status,
      boolean overdue,
      String method,
      Instant receivedAt) {}

  record Opened(Item item, String summary, List<DocumentQueries.Attachment> attachments) {}

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final ObjectAccounts accounts;
  private final DocumentQueries queries;
  private final AuditLog audit;
  private final SupervisedObjects registry;
  private final Clock clock;

  MyDocuments(
      JdbcClient jdbc,
      CurrentActor currentActor,
      ObjectAccounts accounts,
      DocumentQueries queries,
      AuditLog audit,
      SupervisedObjects registry,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.accounts = accounts;
    this.queries = queries;
    this.audit = audit;
    this.registry = registry;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  private static final String SELECT =
      """
      SELECT v.id, v.document_id, v.object_id, v.status, v.method, v.received_at,
             d.title, d.issuer, d.doc_number, d.receipt_deadline, d.published_at, d.summary
        FROM outreach_delivery v JOIN outreach_document d ON d.id = v.document_id
      """;

  @Transactional(readOnly = true)
  List<Item> list() {
    Set<Long> mine = objects();
    if (mine.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(SELECT + " WHERE v.object_id = ANY(?) ORDER BY d.published_at DESC, v.id")
        .param(mine.toArray(Long[]::new))
        .query((rs, n) -> item(rs))
        .list();
  }

  /** The document of one delivery; the first reading marks it opened. */
  Opened open(long deliveryId) {
    find(deliveryId);
    int changed =
        jdbc.sql(
                "UPDATE outreach_delivery SET status = 'OPENED', opened_at = ?"
                    + " WHERE id = ? AND status = 'PENDING'")
            .params(Timestamp.from(clock.instant()), deliveryId)
            .update();
    if (changed > 0) {
      audit.record("document.open", "document-delivery", Long.toString(deliveryId), null, null);
    }
    return jdbc.sql(SELECT + " WHERE v.id = ?")
        .param(deliveryId)
        .query(
            (rs, n) ->
                new Opened(
                    item(rs),
                    rs.getString("summary"),
                    queries.attachments(rs.getLong("document_id"))))
        .single();
  }

  /** Acknowledges receipt (签收); the delivery as it is afterwards. */
  Item acknowledge(long deliveryId) {
    Actor actor = currentActor.require();
    find(deliveryId);
    int changed =
        jdbc.sql(
                """
                UPDATE outreach_delivery
                   SET status = 'RECEIVED', method = 'ELECTRONIC', received_at = ?,
                       received_by = ?, signer_name = ?, opened_at = coalesce(opened_at, ?)
                 WHERE id = ? AND status <> 'RECEIVED'
                """)
            .params(
                Timestamp.from(clock.instant()),
                actor.userId(),
                actor.displayName(),
                Timestamp.from(clock.instant()),
                deliveryId)
            .update();
    if (changed > 0) {
      audit.record(
          "document.receive",
          "document-delivery",
          Long.toString(deliveryId),
          null,
          Map.of("method", "ELECTRONIC"));
    }
    return find(deliveryId);
  }

  /** The caller's delivery (404 when it is another object's). */
  @Transactional(readOnly = true)
  Item find(long deliveryId) {
    Set<Long> mine = objects();
    return jdbc.sql(SELECT + " WHERE v.id = ?")
        .param(deliveryId)
        .query((rs, n) -> item(rs))
        .optional()
        .filter(i -> mine.contains(i.objectId()))
        .orElseThrow(() -> ApiProblems.notFound("Delivery", Long.toString(deliveryId)));
  }

  private Set<Long> objects() {
    Actor actor = currentActor.require();
    if (actor.role() != Role.ENTERPRISE_USER) {
      throw ApiProblems.forbidden("Only enterprise users receive documents electronically");
    }
    return accounts.objectsOf(actor.userId());
  }

  private Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
    String status = rs.getString("status");
    LocalDate deadline = rs.getObject("receipt_deadline", LocalDate.class);
    return new Item(
        rs.getLong("id"),
        rs.getLong("document_id"),
        rs.getLong("object_id"),
        registry.find(rs.getLong("object_id")).map(SupervisedObjects.ObjectRef::name).orElse(null),
        rs.getString("title"),
        rs.getString("issuer"),
        rs.getString("doc_number"),
        deadline,
        rs.getTimestamp("published_at").toInstant(),
        status,
        !"RECEIVED".equals(status) && deadline.isBefore(queries.today()),
        rs.getString("method"),
        DocumentQueries.instant(rs, "received_at"));
  }
}
