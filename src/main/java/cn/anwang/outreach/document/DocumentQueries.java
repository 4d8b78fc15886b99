package cn.anwang.outreach.document;

import cn.anwang.identity.Actor;
import cn.anwang.identity.CurrentActor;
import cn.anwang.outreach.web.OutreachStaff;
import cn.anwang.registry.SupervisedObjects;
import cn.anwang.shared.web.ApiProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Documents as the staff read them: a document is seen by whoever covers where it was published or
 * any object it was sent to, and each reader counts and lists only the deliveries inside its own
 * territory (a street sees its objects' deliveries of a district's document).
 */
@Service
@Transactional(readOnly = true)
public class DocumentQueries {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** Receipt counts over the deliveries the reader sees. */
  record Counts(int total, int opened, int received, int overdue, double rate) {

    static Counts of(int total, int opened, int received, int overdue) {
      return new Counts(total, opened, received, overdue, OutreachStaff.percent(received, total));
    }
  }

  record Attachment(long id, String filename, String contentType, long sizeBytes) {}

  record Summary(
      long id,
      String title,
      String issuer,
      String number,
      LocalDate receiptDeadline,
      Instant publishedAt,
      String publisherName,
      Counts counts) {}

  record Detail(
      long id,
      String title,
      String issuer,
      String number,
      String summary,
      LocalDate receiptDeadline,
      Instant publishedAt,
      String publisherName,
      JsonNode targets,
      int targetCount,
      List<Attachment> attachments,
      Counts counts) {}

  record Delivery(
      long id,
      long documentId,
      long objectId,
      String objectName,
      String objectAddress,
      String gridCode,
      String status,
      boolean overdue,
      Instant openedAt,
      String method,
      Instant receivedAt,
      String signerName,
      Long inspectionId,
      Boolean outsideAllowedArea) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CurrentActor currentActor;
  private final SupervisedObjects objects;
  private final Clock clock;

  DocumentQueries(
      JdbcClient jdbc,
      ObjectMapper json,
      CurrentActor currentActor,
      SupervisedObjects objects,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.currentActor = currentActor;
    this.objects = objects;
    this.clock = clock.orElse(Clock.systemUTC());
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(BEIJING));
  }

  Actor reader() {
    Actor actor = currentActor.require();
    if (!OutreachStaff.READERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Documents are read by staff; enterprises use /my-documents");
    }
    return actor;
  }

  static final String VISIBLE =
      """
      (d.scope_code LIKE :scope OR EXISTS (SELECT 1 FROM outreach_delivery v
                                           WHERE v.document_id = d.id
                                             AND v.division_code LIKE :scope))
      """;

  private static final String COUNTS =
      """
      (SELECT count(*) FROM outreach_delivery v WHERE v.document_id = d.id
          AND v.division_code LIKE :scope) AS total,
      (SELECT count(*) FROM outreach_delivery v WHERE v.document_id = d.id
          AND v.division_code LIKE :scope AND v.status <> 'PENDING') AS opened,
      (SELECT count(*) FROM outreach_delivery v WHERE v.document_id = d.id
          AND v.division_code LIKE :scope AND v.status = 'RECEIVED') AS received,
      (SELECT count(*) FROM outreach_delivery v WHERE v.document_id = d.id
          AND v.division_code LIKE :scope AND v.status <> 'RECEIVED'
          AND d.receipt_deadline < :today) AS overdue
      """;

  List<Summary> list(Integer year, int limit, int offset) {
    Actor actor = reader();
    return jdbc.sql(
            "SELECT d.*, "
                + COUNTS
                + " FROM outreach_document d WHERE "
                + VISIBLE
                + " AND (CAST(:year AS integer) IS NULL"
                + "      OR extract(year FROM d.published_at AT TIME ZONE 'Asia/Shanghai') = :year)"
                + " ORDER BY d.published_at DESC, d.id DESC LIMIT :limit OFFSET :offset")
        .param("scope", actor.scope().likePattern())
        .param("today", today())
        .param("year", year)
        .param("limit", Math.max(1, Math.min(limit, 200)))
        .param("offset", Math.max(0, offset))
        .query(
            (rs, n) ->
                new Summary(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getString("issuer"),
                    rs.getString("doc_number"),
                    rs.getObject("receipt_deadline", LocalDate.class),
                    rs.getTimestamp("published_at").toInstant(),
                    rs.getString("publisher_name"),
                    counts(rs)))
        .list();
  }

  Detail get(long id) {
    Actor actor = reader();
    return jdbc.sql(
            "SELECT d.*, " + COUNTS + " FROM outreach_document d WHERE d.id = :id AND " + VISIBLE)
        .param("id", id)
        .param("scope", actor.scope().likePattern())
        .param("today", today())
        .query(
            (rs, n) ->
                new Detail(
                    rs.getLong("id"),
                    rs.getString("title"),
                    rs.getString("issuer"),
                    rs.getString("doc_number"),
                    rs.getString("summary"),
                    rs.getObject("receipt_deadline", LocalDate.class),
                    rs.getTimestamp("published_at").toInstant(),
                    rs.getString("publisher_name"),
                    json.readTree(rs.getString("targets")),
                    rs.getInt("target_count"),
                    attachments(id),
                    counts(rs)))
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Document", Long.toString(id)));
  }

  List<Attachment> attachments(long documentId) {
    return jdbc.sql(
            "SELECT id, filename, content_type, size_bytes FROM outreach_attachment"
                + " WHERE document_id = ? ORDER BY position")
        .param(documentId)
        .query(
            (rs, n) ->
                new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  /** The deliveries of a document inside the reader's territory, by grid then object. */
  List<Delivery> deliveries(long documentId, String status, int limit, int offset) {
    get(documentId);
    Actor actor = currentActor.require();
    List<Delivery> rows = new ArrayList<>();
    jdbc.sql(
            """
            SELECT v.*, d.receipt_deadline FROM outreach_delivery v
              JOIN outreach_document d ON d.id = v.document_id
             WHERE v.document_id = :id AND v.division_code LIKE :scope
               AND (CAST(:status AS varchar) IS NULL OR v.status = :status
                    OR (:status = 'OVERDUE' AND v.status <> 'RECEIVED'
                        AND d.receipt_deadline < :today))
             ORDER BY v.grid_code NULLS LAST, v.object_id LIMIT :limit OFFSET :offset
            """)
        .param("id", documentId)
        .param("scope", actor.scope().likePattern())
        .param("status", status)
        .param("today", today())
        .param("limit", Math.max(1, Math.min(limit, 500)))
        .param("offset", Math.max(0, offset))
        .query(
            rs -> {
              rows.add(delivery(rs));
            });
    return rows;
  }

  /** One delivery the reader sees (404 otherwise). */
  Delivery delivery(long documentId, long deliveryId) {
    Actor actor = reader();
    return jdbc.sql(
            """
            SELECT v.*, d.receipt_deadline FROM outreach_delivery v
              JOIN outreach_document d ON d.id = v.document_id
             WHERE v.id = ? AND v.document_id = ? AND v.division_code LIKE ?
            """)
        .params(deliveryId, documentId, actor.scope().likePattern())
        .query((rs, n) -> delivery(rs))
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Delivery", Long.toString(deliveryId)));
  }

  Delivery delivery(ResultSet rs) throws SQLException {
    long objectId = rs.getLong("object_id");
    Optional<SupervisedObjects.ObjectRef> o = objects.find(objectId);
    String status = rs.getString("status");
    LocalDate deadline = rs.getObject("receipt_deadline", LocalDate.class);
    return new Delivery(
        rs.getLong("id"),
        rs.getLong("document_id"),
        objectId,
        o.map(SupervisedObjects.ObjectRef::name).orElse("#" + objectId),
        o.map(SupervisedObjects.ObjectRef::address).orElse(null),
        rs.getString("grid_code"),
        status,
        !"RECEIVED".equals(status) && deadline.isBefore(today()),
        instant(rs, "opened_at"),
        rs.getString("method"),
        instant(rs, "received_at"),
        rs.getString("signer_name"),
        (Long) rs.getObject("inspection_id"),
        (Boolean) rs.getObject("outside_allowed_area"));
  }

  private static Counts counts(ResultSet rs) throws SQLException {
    return Counts.of(
        rs.getInt("total"), rs.getInt("opened"), rs.getInt("received"), rs.getInt("overdue"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    java.sql.Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
