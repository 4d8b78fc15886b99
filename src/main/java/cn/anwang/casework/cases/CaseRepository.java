package cn.anwang.casework.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.util.PGobject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Cases and their timeline in PostgreSQL. Updates are optimistic: a case is written only if its
 * version is still the one read, so of two concurrent transitions on one case exactly one wins.
 */
@Repository
class CaseRepository {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  CaseRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The next readable number of the district's year: {@code 120101-2026-000123}. */
  String nextNumber(String districtCode, int year) {
    int value =
        jdbc.sql(
                """
                INSERT INTO case_number_counter (district_code, year, last_value) VALUES (?, ?, 1)
                ON CONFLICT (district_code, year)
                DO UPDATE SET last_value = case_number_counter.last_value + 1
                RETURNING last_value
                """)
            .params(districtCode, year)
            .query(Integer.class)
            .single();
    return String.format("%s-%d-%06d", districtCode, year, value);
  }

  long insert(SafetyCase c) {
    Map<String, Object> p = columns(c);
    p.put("number", c.number);
    p.put("district_code", c.districtCode);
    p.put("street_code", c.streetCode);
    p.put("village_code", c.villageCode);
    p.put("division_code", c.divisionCode);
    p.put("grid_code", c.gridCode);
    p.put("type", c.type.name());
    p.put("source", c.source.name());
    p.put("object_id", c.objectId);
    p.put("title", c.title);
    p.put("description", c.description);
    p.put("address", c.address);
    p.put("lon", c.lon);
    p.put("lat", c.lat);
    p.put("reported_at", ts(c.reportedAt));
    p.put("reporter_user_id", c.reporterUserId);
    p.put("reporter_name", c.reporterName);
    p.put("idempotency_key", c.idempotencyKey);
    p.put("synthetic", c.synthetic);
    String names = String.join(", ", p.keySet());
    String values = ":" + String.join(", :", p.keySet());
    return jdbc.sql(
            "INSERT INTO safety_case (" + names + ") VALUES (" + values + ")" + " RETURNING id")
        .params(p)
        .query(Long.class)
        .single();
  }

  /**
   * Writes the case's state if its version is still {@code c.version}, and bumps the version.
   *
   * @return whether it was written (false: someone else changed it first)
   */
  boolean update(SafetyCase c) {
    Map<String, Object> p = columns(c);
    StringBuilder set = new StringBuilder();
    for (String column : p.keySet()) {
      set.append(column).append(" = :").append(column).append(", ");
    }
    p.put("id", c.id);
    p.put("expected_version", c.version);
    int rows =
        jdbc.sql(
                "UPDATE safety_case SET "
                    + set
                    + "updated_at = now(), version = version + 1"
                    + " WHERE id = :id AND version = :expected_version")
            .params(p)
            .update();
    if (rows == 1) {
      c.version++;
    }
    return rows == 1;
  }

  /** The state columns a transition may change (plan as jsonb). */
  private Map<String, Object> columns(SafetyCase c) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("status", c.status.name());
    p.put("handler_type", c.handlerType == null ? null : c.handlerType.name());
    p.put("handler_code", c.handlerCode);
    p.put("stage", c.stage == null ? null : c.stage.name());
    p.put("stage_started_at", ts(c.stageStartedAt));
    p.put("stage_due_at", ts(c.stageDueAt));
    p.put("due_at", ts(c.dueAt));
    p.put("registered_at", ts(c.registeredAt));
    p.put("first_dispatched_at", ts(c.firstDispatchedAt));
    p.put("feedback_at", ts(c.feedbackAt));
    p.put("closed_at", ts(c.closedAt));
    p.put("voided_at", ts(c.voidedAt));
    p.put("closed_on_time", c.closedOnTime);
    p.put("handling_working_seconds", c.handlingWorkingSeconds);
    p.put("rework_count", c.reworkCount);
    p.put("wrong_dispatch_count", c.wrongDispatchCount);
    p.put("extension_count", c.extensionCount);
    p.put("extension_requested_days", c.extensionRequestedDays);
    p.put("extension_reason", c.extensionReason);
    p.put("supervision_level", c.supervisionLevel);
    p.put("supervision_due_at", ts(c.supervisionDueAt));
    p.put("plan", c.plan == null ? null : jsonb(json.writeValueAsString(c.plan)));
    p.put("accepted_at", ts(c.acceptedAt));
    p.put("accepted_by", c.acceptedBy);
    p.put("stop_order_at", ts(c.stopOrderAt));
    p.put("penalty_decision", c.penaltyDecision);
    return p;
  }

  Optional<SafetyCase> find(long id) {
    return jdbc.sql("SELECT * FROM safety_case WHERE id = ?").param(id).query(this::map).optional();
  }

  /** Cases by a query over {@code safety_case} (all columns) with named parameters. */
  List<SafetyCase> select(String sql, Map<String, Object> params) {
    return jdbc.sql(sql).params(params).query(this::map).list();
  }

  /** Holds a transaction-scoped lock on one user's idempotency key until commit. */
  void lockIdempotencyKey(long userId, String key) {
    jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
        .params((int) (userId ^ (userId >>> 32)), key)
        .query((rs, n) -> 1)
        .list();
  }

  Optional<SafetyCase> findByIdempotencyKey(long userId, String key) {
    return jdbc.sql("SELECT * FROM safety_case WHERE reporter_user_id = ? AND idempotency_key = ?")
        .params(userId, key)
        .query(this::map)
        .optional();
  }

  long insertEvent(
      SafetyCase c,
      Instant at,
      Long actorUserId,
      String actorName,
      String actorRole,
      SafetyCase.Change change) {
    return jdbc.sql(
            """
            INSERT INTO case_event (case_id, district_code, at, actor_user_id, actor_name,
                                    actor_role, action, from_status, to_status, reason, data)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id
            """)
        .params(
            c.id,
            c.districtCode,
            ts(at),
            actorUserId,
            actorName,
            actorRole,
            change.action().name(),
            change.from() == null ? null : change.from().name(),
            change.to() == null ? null : change.to().name(),
            change.reason(),
            json.writeValueAsString(change.data()))
        .query(Long.class)
        .single();
  }

  List<CaseEvent> events(long caseId) {
    return jdbc.sql("SELECT * FROM case_event WHERE case_id = ? ORDER BY id")
        .param(caseId)
        .query(
            (rs, n) ->
                new CaseEvent(
                    rs.getLong("id"),
                    rs.getLong("case_id"),
                    instant(rs, "at"),
                    (Long) rs.getObject("actor_user_id"),
                    rs.getString("actor_name"),
                    rs.getString("actor_role"),
                    CaseAction.valueOf(rs.getString("action")),
                    status(rs.getString("from_status")),
                    status(rs.getString("to_status")),
                    rs.getString("reason"),
                    json.readValue(rs.getString("data"), MAP)))
        .list();
  }

  private SafetyCase map(ResultSet rs, int row) throws SQLException {
    SafetyCase c = new SafetyCase();
    c.id = rs.getLong("id");
    c.number = rs.getString("number");
    c.districtCode = rs.getString("district_code");
    c.streetCode = rs.getString("street_code");
    c.villageCode = rs.getString("village_code");
    c.divisionCode = rs.getString("division_code");
    c.gridCode = rs.getString("grid_code");
    c.type = CaseType.valueOf(rs.getString("type"));
    c.source = CaseSource.valueOf(rs.getString("source"));
    c.objectId = (Long) rs.getObject("object_id");
    c.title = rs.getString("title");
    c.description = rs.getString("description");
    c.address = rs.getString("address");
    c.lon = (Double) rs.getObject("lon");
    c.lat = (Double) rs.getObject("lat");
    c.reporterUserId = (Long) rs.getObject("reporter_user_id");
    c.reporterName = rs.getString("reporter_name");
    c.idempotencyKey = rs.getString("idempotency_key");
    c.synthetic = rs.getBoolean("synthetic");
    c.status = CaseStatus.valueOf(rs.getString("status"));
    String handler = rs.getString("handler_type");
    c.handlerType = handler == null ? null : HandlerType.valueOf(handler);
    c.handlerCode = rs.getString("handler_code");
    String stage = rs.getString("stage");
    c.stage = stage == null ? null : Stage.valueOf(stage);
    c.stageStartedAt = instant(rs, "stage_started_at");
    c.stageDueAt = instant(rs, "stage_due_at");
    c.dueAt = instant(rs, "due_at");
    c.reportedAt = instant(rs, "reported_at");
    c.registeredAt = instant(rs, "registered_at");
    c.firstDispatchedAt = instant(rs, "first_dispatched_at");
    c.feedbackAt = instant(rs, "feedback_at");
    c.closedAt = instant(rs, "closed_at");
    c.voidedAt = instant(rs, "voided_at");
    c.closedOnTime = (Boolean) rs.getObject("closed_on_time");
    c.handlingWorkingSeconds = (Long) rs.getObject("handling_working_seconds");
    c.reworkCount = rs.getInt("rework_count");
    c.wrongDispatchCount = rs.getInt("wrong_dispatch_count");
    c.extensionCount = rs.getInt("extension_count");
    c.extensionRequestedDays = (Integer) rs.getObject("extension_requested_days");
    c.extensionReason = rs.getString("extension_reason");
    c.supervisionLevel = rs.getString("supervision_level");
    c.supervisionDueAt = instant(rs, "supervision_due_at");
    String plan = rs.getString("plan");
    c.plan = plan == null ? null : json.readValue(plan, MAP);
    c.acceptedAt = instant(rs, "accepted_at");
    c.acceptedBy = rs.getString("accepted_by");
    c.stopOrderAt = instant(rs, "stop_order_at");
    c.penaltyDecision = rs.getString("penalty_decision");
    c.version = rs.getInt("version");
    return c;
  }

  private static PGobject jsonb(String value) {
    try {
      PGobject o = new PGobject();
      o.setType("jsonb");
      o.setValue(value);
      return o;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CaseStatus status(String s) {
    return s == null ? null : CaseStatus.valueOf(s);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
