package cn.anwang.registry.proposal;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.identity.CurrentActor;
import cn.anwang.identity.Role;
import cn.anwang.shared.web.ApiProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Proposed changes to an object's information from the field (new contact, business closed or
 * reopened): officers and administrators of the object's territory propose, the street (or a higher
 * administrator) confirms — which applies the change to the object, with a history row and an audit
 * entry — or rejects with a reason.
 */
@Service
@Transactional
class ChangeProposals {

  record Proposal(String contactName, String contactPhone, String businessStatus, String note) {}

  record View(
      long id,
      long objectId,
      String objectName,
      String divisionCode,
      String contactName,
      String contactPhone,
      String businessStatus,
      String note,
      String status,
      String proposedBy,
      Instant createdAt,
      String decidedBy,
      Instant decidedAt,
      String decisionReason) {}

  static final Set<String> STATUSES = Set.of("OPERATING", "SUSPENDED", "CLOSED");
  private static final Set<Role> PROPOSERS =
      Set.of(
          Role.STREET_OFFICER,
          Role.VILLAGE_OFFICER,
          Role.STREET_ADMIN,
          Role.DISTRICT_ADMIN,
          Role.CITY_ADMIN);

  private final JdbcClient jdbc;
  private final CurrentActor currentActor;
  private final AuditLog audit;
  private final ObjectMapper json;

  ChangeProposals(JdbcClient jdbc, CurrentActor currentActor, AuditLog audit, ObjectMapper json) {
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.audit = audit;
    this.json = json;
  }

  /** The proposal and whether this call made it (false: replay of the same key). */
  record Made(View view, boolean created) {}

  Made propose(long objectId, Proposal p, String key) {
    Actor actor = currentActor.require();
    record Obj(String districtCode, String divisionCode) {}
    Obj o =
        jdbc.sql("SELECT district_code, division_code FROM supervised_object WHERE id = ?")
            .param(objectId)
            .query((rs, n) -> new Obj(rs.getString(1), rs.getString(2)))
            .optional()
            .filter(x -> actor.covers(x.divisionCode()))
            .orElseThrow(() -> ApiProblems.notFound("Object", Long.toString(objectId)));
    if (!PROPOSERS.contains(actor.role())) {
      throw ApiProblems.forbidden("Only officers and administrators propose changes");
    }
    if (key != null) {
      if (key.length() > 100) {
        throw rejected("Idempotency-Key is longer than 100 characters");
      }
      jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
          .params((int) actor.userId(), "object-change:" + key)
          .query((rs, n) -> 1)
          .list();
      Optional<Long> existing =
          jdbc.sql(
                  "SELECT id FROM object_change_proposal WHERE proposed_by = ? AND idempotency_key = ?")
              .params(actor.userId(), key)
              .query(Long.class)
              .optional();
      if (existing.isPresent()) {
        return new Made(view(existing.get()).orElseThrow(), false);
      }
    }
    String name = trim(p.contactName(), 100, "contactName");
    String phone = trim(p.contactPhone(), 40, "contactPhone");
    String note = trim(p.note(), 1000, "note");
    String status =
        p.businessStatus() == null || p.businessStatus().isBlank() ? null : p.businessStatus();
    if (status != null && !STATUSES.contains(status)) {
      throw rejected("businessStatus must be OPERATING, SUSPENDED or CLOSED");
    }
    if (name == null && phone == null && status == null) {
      throw rejected("Propose at least one of contactName, contactPhone, businessStatus");
    }
    long id =
        jdbc.sql(
                """
                INSERT INTO object_change_proposal (object_id, district_code, division_code,
                    contact_name, contact_phone, business_status, note, proposed_by,
                    proposed_by_name, idempotency_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """)
            .params(
                objectId,
                o.districtCode(),
                o.divisionCode(),
                name,
                phone,
                status,
                note,
                actor.userId(),
                actor.displayName(),
                key)
            .query(Long.class)
            .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("objectId", objectId);
    after.put("contactName", name == null ? null : "set");
    after.put("contactPhone", phone == null ? null : "set");
    after.put("businessStatus", status);
    audit.record(
        "object.change.propose",
        "object-change-proposal",
        Long.toString(id),
        o.divisionCode(),
        null,
        after);
    return new Made(view(id).orElseThrow(), true);
  }

  @Transactional(readOnly = true)
  List<View> list(String status) {
    Actor actor = currentActor.require();
    String s = status == null || status.isBlank() ? "PROPOSED" : status;
    return jdbc
        .sql(
            SELECT
                + " WHERE p.division_code LIKE ? AND p.status = ? ORDER BY p.created_at, p.id LIMIT 500")
        .params(actor.scope().likePattern(), s)
        .query(this::map)
        .list()
        .stream()
        .map(v -> actor.role().isAdministrator() ? v : masked(v))
        .toList();
  }

  private static View masked(View v) {
    return new View(
        v.id(),
        v.objectId(),
        v.objectName(),
        v.divisionCode(),
        mask(v.contactName()),
        mask(v.contactPhone()),
        v.businessStatus(),
        v.note(),
        v.status(),
        v.proposedBy(),
        v.createdAt(),
        v.decidedBy(),
        v.decidedAt(),
        v.decisionReason());
  }

  View decide(long id, boolean confirm, String reason) {
    Actor actor = currentActor.require();
    View v =
        view(id)
            .filter(x -> actor.covers(x.divisionCode()))
            .orElseThrow(() -> ApiProblems.notFound("Change proposal", Long.toString(id)));
    if (!actor.role().isAdministrator()) {
      throw ApiProblems.forbidden("Only the street's administrators confirm or reject changes");
    }
    jdbc.sql("SELECT 1 FROM object_change_proposal WHERE id = ? FOR UPDATE")
        .param(id)
        .query((rs, n) -> 1)
        .list();
    v = view(id).orElseThrow();
    if (!"PROPOSED".equals(v.status())) {
      throw ApiProblems.conflict("The proposal is already " + v.status());
    }
    if (!confirm && (reason == null || reason.isBlank())) {
      throw rejected("A rejection needs a reason");
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    if (confirm) {
      record Current(String name, String phone, String status) {}
      Current c =
          jdbc.sql(
                  "SELECT contact_name, contact_phone, status FROM supervised_object WHERE id = ? FOR UPDATE")
              .param(v.objectId())
              .query((rs, n) -> new Current(rs.getString(1), rs.getString(2), rs.getString(3)))
              .single();
      String name = v.contactName() != null ? v.contactName() : c.name();
      String phone = v.contactPhone() != null ? v.contactPhone() : c.phone();
      String status = v.businessStatus() != null ? v.businessStatus() : c.status();
      if (v.contactName() != null) {
        changes.put("contactName", java.util.Arrays.asList(mask(c.name()), mask(name)));
      }
      if (v.contactPhone() != null) {
        changes.put("contactPhone", java.util.Arrays.asList(mask(c.phone()), mask(phone)));
      }
      if (v.businessStatus() != null) {
        changes.put("status", java.util.Arrays.asList(c.status(), status));
      }
      jdbc.sql(
              """
              UPDATE supervised_object SET contact_name = ?, contact_phone = ?, status = ?,
                     updated_at = now(), version = version + 1
               WHERE id = ?
              """)
          .params(name, phone, status, v.objectId())
          .update();
      jdbc.sql(
              "INSERT INTO object_history (object_id, district_code, actor, action, changes)"
                  + " VALUES (?, ?, ?, 'proposal', CAST(? AS jsonb))")
          .params(
              v.objectId(),
              v.divisionCode().substring(0, 6),
              actor.username(),
              json.writeValueAsString(changes))
          .update();
    }
    jdbc.sql(
            """
            UPDATE object_change_proposal SET status = ?, decided_by = ?, decided_at = ?,
                   decision_reason = ? WHERE id = ?
            """)
        .params(
            confirm ? "CONFIRMED" : "REJECTED",
            actor.username(),
            Timestamp.from(Instant.now()),
            reason == null || reason.isBlank() ? null : reason.strip(),
            id)
        .update();
    Map<String, Object> after = new LinkedHashMap<>(changes);
    after.put("objectId", v.objectId());
    after.put("status", confirm ? "CONFIRMED" : "REJECTED");
    audit.record(
        confirm ? "object.change.confirm" : "object.change.reject",
        "object-change-proposal",
        Long.toString(id),
        v.divisionCode(),
        Map.of("status", "PROPOSED"),
        after);
    return view(id).orElseThrow();
  }

  private static String mask(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    return s.substring(0, 1) + "*".repeat(Math.max(1, s.length() - 1));
  }

  private static String trim(String s, int max, String field) {
    if (s == null || s.isBlank()) {
      return null;
    }
    String t = s.strip();
    if (t.length() > max) {
      throw rejected(field + " is longer than " + max + " characters");
    }
    return t;
  }

  private static org.springframework.web.ErrorResponseException rejected(String detail) {
    return ApiProblems.problem(
        HttpStatus.UNPROCESSABLE_CONTENT, "Change proposal rejected", detail);
  }

  private static final String SELECT =
      """
      SELECT p.*, o.name AS object_name FROM object_change_proposal p
        JOIN supervised_object o ON o.id = p.object_id
      """;

  private Optional<View> view(long id) {
    return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(this::map).optional();
  }

  private View map(ResultSet rs, int n) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new View(
        rs.getLong("id"),
        rs.getLong("object_id"),
        rs.getString("object_name"),
        rs.getString("division_code"),
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        rs.getString("business_status"),
        rs.getString("note"),
        rs.getString("status"),
        rs.getString("proposed_by_name"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("decision_reason"));
  }
}
