package cn.anwang.outreach.document;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.notification.Notifications;
import cn.anwang.outreach.document.DocumentTargets.Targets;
import cn.anwang.outreach.web.OutreachRejected;
import cn.anwang.outreach.web.OutreachUploads;
import cn.anwang.outreach.web.OutreachUploads.Upload;
import cn.anwang.registry.ObjectAccounts;
import cn.anwang.registry.ObjectSelection.Placed;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.web.ApiProblems;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/**
 * Publishing a document: checked fields and targets, attachments sniffed by content (PDF or image,
 * up to the file limit each), one delivery per object the targets reach at that moment, and a
 * notification to each object's enterprise users (electronic delivery). Publishing is idempotent
 * per (user, client id): a double submission finds the first document.
 */
@Service
@Transactional
public class Documents {

  static final Set<Role> PUBLISHERS =
      Set.of(Role.CITY_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_ADMIN);
  static final int MAX_ATTACHMENTS = 5;
  static final String NOTIFICATION_KIND = "outreach.document";

  /** What the publisher sends. */
  record Publication(
      String clientId,
      String title,
      String issuer,
      String number,
      String summary,
      LocalDate receiptDeadline,
      Targets targets) {}

  /** The result: the document and whether this call made it. */
  record Published(long id, int deliveries, boolean created) {}

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final DocumentTargets targets;
  private final ObjectAccounts accounts;
  private final Notifications notifications;
  private final FileStore store;
  private final long maxFileBytes;
  private final Clock clock;

  Documents(
      JdbcClient jdbc,
      ObjectMapper json,
      CurrentActor currentActor,
      AuditLog audit,
      DocumentTargets targets,
      ObjectAccounts accounts,
      Notifications notifications,
      FileStore store,
      @Value("${anwang.files.max-file-size:10MB}") DataSize maxFileSize,
      Optional<Clock> clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.currentActor = currentActor;
    this.audit = audit;
    this.targets = targets;
    this.accounts = accounts;
    this.notifications = notifications;
    this.store = store;
    this.maxFileBytes = maxFileSize.toBytes();
    this.clock = clock.orElse(Clock.systemUTC());
  }

  /** How many objects the targets reach now (the preview before publishing). */
  @Transactional(readOnly = true)
  public int preview(Targets t) {
    return targets.count(publisher(), t);
  }

  Published publish(String idempotencyKey, Publication p, List<MultipartFile> files) {
    Actor actor = publisher();
    UUID key = clientId(idempotencyKey != null ? idempotencyKey : p.clientId());
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params((int) actor.userId(), "document:" + key)
        .query((rs, n) -> 1)
        .list();
    Optional<Long> existing =
        jdbc.sql("SELECT id FROM outreach_document WHERE published_by = ? AND client_id = ?")
            .params(actor.userId(), key)
            .query(Long.class)
            .optional();
    if (existing.isPresent()) {
      int n =
          jdbc.sql("SELECT target_count FROM outreach_document WHERE id = ?")
              .param(existing.get())
              .query(Integer.class)
              .single();
      return new Published(existing.get(), n, false);
    }
    String title = text(p.title(), 200, "title", true);
    String issuer = text(p.issuer(), 200, "issuer", true);
    String number = text(p.number(), 100, "number", false);
    String summary = text(p.summary(), 4000, "summary", false);
    LocalDate today = LocalDate.now(clock.withZone(DocumentQueries.BEIJING));
    if (p.receiptDeadline() == null) {
      throw new OutreachRejected("receiptDeadline", "outreach.rule.required", null);
    }
    if (p.receiptDeadline().isBefore(today) || p.receiptDeadline().isAfter(today.plusYears(1))) {
      throw new OutreachRejected(
          "receiptDeadline", "outreach.rule.deadlineRange", p.receiptDeadline().toString());
    }
    List<Upload> uploads = OutreachUploads.check(files, maxFileBytes, ATTACHMENTS);
    Targets t = p.targets() == null ? new Targets(null, null, null, null, null) : p.targets();
    List<Placed> objects = targets.objects(actor, t);
    if (objects.isEmpty()) {
      throw new OutreachRejected("targets", "outreach.rule.noTargets", null);
    }
    String territory = actor.scope().territoryCode();
    long id =
        jdbc.sql(
                """
                INSERT INTO outreach_document (client_id, published_by, publisher_name, scope_code,
                    district_code, title, issuer, doc_number, summary, receipt_deadline, targets,
                    target_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) RETURNING id
                """)
            .params(
                key,
                actor.userId(),
                actor.displayName(),
                territory,
                territory.substring(0, Math.min(6, territory.length())),
                title,
                issuer,
                number,
                summary,
                p.receiptDeadline(),
                json.writeValueAsString(t),
                objects.size())
            .query(Long.class)
            .single();
    int position = 0;
    for (Upload u : uploads) {
      store.put("documents/" + u.sha256(), u.content());
      jdbc.sql(
              """
              INSERT INTO outreach_attachment (document_id, position, filename, content_type,
                                               size_bytes, sha256)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              id, position++, u.filename(), u.kind().contentType(), u.content().length, u.sha256())
          .update();
    }
    List<Object[]> rows = new ArrayList<>();
    for (Placed o : objects) {
      rows.add(
          new Object[] {
            id, o.id(), o.districtCode(), o.streetCode(), o.divisionCode(), o.gridCode()
          });
    }
    batchInsertDeliveries(rows);
    notifyEnterprises(id, title, p.receiptDeadline(), objects);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", title);
    after.put("number", number);
    after.put("deadline", p.receiptDeadline().toString());
    after.put("targets", t);
    after.put("deliveries", objects.size());
    after.put("attachments", uploads.size());
    audit.record("document.publish", "document", Long.toString(id), territory, null, after);
    return new Published(id, objects.size(), true);
  }

  private void batchInsertDeliveries(List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += 1000) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO outreach_delivery (document_id, object_id, district_code, street_code,"
                  + " division_code, grid_code) VALUES ");
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
        params.addAll(Arrays.asList(chunk.get(i)));
      }
      jdbc.sql(sql.toString()).params(params).update();
    }
  }

  private void notifyEnterprises(long id, String title, LocalDate deadline, List<Placed> objects) {
    Map<Long, List<Long>> users = accounts.usersOf(objects.stream().map(Placed::id).toList());
    users.forEach(
        (objectId, userIds) ->
            userIds.forEach(
                userId ->
                    notifications.notify(
                        userId,
                        NOTIFICATION_KIND,
                        "notification.outreach.documentPublished",
                        List.of(title, deadline.toString()),
                        "/documents/mine",
                        "document:" + id + ":" + objectId)));
  }

  private static final OutreachUploads.Rules ATTACHMENTS =
      new OutreachUploads.Rules(
          "attachments",
          MAX_ATTACHMENTS,
          kind -> true,
          "outreach.rule.tooManyFiles",
          "outreach.rule.tooLarge",
          "outreach.rule.fileType",
          "file");

  private Actor publisher() {
    Actor actor = currentActor.require();
    if (!PUBLISHERS.contains(actor.role())) {
      throw ApiProblems.forbidden(
          "Only street, district and city administrators publish documents");
    }
    return actor;
  }

  private static UUID clientId(String text) {
    if (text == null || text.isBlank()) {
      throw new OutreachRejected("clientId", "outreach.rule.required", null);
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw new OutreachRejected("clientId", "outreach.rule.uuid", text);
    }
  }

  static String text(String value, int max, String field, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw new OutreachRejected(field, "outreach.rule.required", null);
      }
      return null;
    }
    String t = value.strip();
    if (t.length() > max) {
      throw new OutreachRejected(field, "outreach.rule.tooLong", Integer.toString(max));
    }
    return t;
  }
}
