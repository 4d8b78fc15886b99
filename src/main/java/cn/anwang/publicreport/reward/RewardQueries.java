package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.publicreport.support.Territory;
import cn.anwang.shared.web.ApiProblems;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of rewards inside the caller's territory (a street administrator's street, a district's,
 * the city), newest first, and the row lock the decisions take. Never the payee or the reporter.
 */
@Component
class RewardQueries {

  record Reward(
      long id,
      long reportId,
      long primaryReportId,
      String districtCode,
      String streetCode,
      String divisionCode,
      long caseId,
      String caseNumber,
      String finding,
      String status,
      boolean anonymous,
      Long fineYuan,
      String accidentGrade,
      Integer deaths,
      Long amountYuan,
      String computation,
      String reason,
      Instant proposedAt,
      String assessedBy,
      Instant assessedAt,
      String decidedBy,
      Instant decidedAt,
      Instant claimDeadline,
      Instant objectionDeadline,
      String objection,
      Instant objectedAt,
      String reviewNote,
      String reviewedBy,
      Instant reviewedAt,
      int failedClaims,
      Instant claimedAt,
      String paidBy,
      Instant paidAt,
      String paymentMethod,
      String paymentReference,
      int version) {

    public boolean objectionOpen() {
      return objectedAt != null && reviewedAt == null;
    }
  }

  private final JdbcClient jdbc;

  RewardQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Reward> list(Actor actor, String status, Long beforeId, int limit) {
    Territory t = Territory.of(actor);
    return jdbc.sql(
            "SELECT * FROM public_reward WHERE division_code LIKE :scope"
                + t.conditions()
                + (status == null ? "" : " AND status = :status")
                + (beforeId == null ? "" : " AND id < :before")
                + " ORDER BY id DESC LIMIT :limit")
        .param("scope", actor.scope().likePattern())
        .param("district", t.district())
        .param("street", t.street())
        .param("status", status)
        .param("before", beforeId)
        .param("limit", limit)
        .query((rs, n) -> reward(rs))
        .list();
  }

  Reward get(long id, Actor actor) {
    return jdbc.sql("SELECT * FROM public_reward WHERE id = ? AND division_code LIKE ?")
        .params(id, actor.scope().likePattern())
        .query((rs, n) -> reward(rs))
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Reward", Long.toString(id)));
  }

  /** A reward by id, for the system's own steps (the claim, the expiry); no territory. */
  Reward byId(long id) {
    return jdbc.sql("SELECT * FROM public_reward WHERE id = ?")
        .param(id)
        .query((rs, n) -> reward(rs))
        .single();
  }

  /** The reward locked for a decision; 404 outside the caller's territory. */
  Reward lock(long id, Actor actor) {
    return jdbc.sql("SELECT * FROM public_reward WHERE id = ? AND division_code LIKE ? FOR UPDATE")
        .params(id, actor.scope().likePattern())
        .query((rs, n) -> reward(rs))
        .optional()
        .orElseThrow(() -> ApiProblems.notFound("Reward", Long.toString(id)));
  }

  static Reward reward(ResultSet rs) throws SQLException {
    return new Reward(
        rs.getLong("id"),
        rs.getLong("report_id"),
        rs.getLong("primary_report_id"),
        rs.getString("district_code"),
        rs.getString("street_code"),
        rs.getString("division_code"),
        rs.getLong("case_id"),
        rs.getString("case_number"),
        rs.getString("finding"),
        rs.getString("status"),
        rs.getBoolean("anonymous"),
        (Long) rs.getObject("fine_yuan"),
        rs.getString("accident_grade"),
        (Integer) rs.getObject("deaths"),
        (Long) rs.getObject("amount_yuan"),
        rs.getString("computation"),
        rs.getString("reason"),
        at(rs.getTimestamp("proposed_at")),
        rs.getString("assessed_by"),
        at(rs.getTimestamp("assessed_at")),
        rs.getString("decided_by"),
        at(rs.getTimestamp("decided_at")),
        at(rs.getTimestamp("claim_deadline")),
        at(rs.getTimestamp("objection_deadline")),
        rs.getString("objection"),
        at(rs.getTimestamp("objected_at")),
        rs.getString("review_note"),
        rs.getString("reviewed_by"),
        at(rs.getTimestamp("reviewed_at")),
        rs.getInt("failed_claims"),
        at(rs.getTimestamp("claimed_at")),
        rs.getString("paid_by"),
        at(rs.getTimestamp("paid_at")),
        rs.getString("payment_method"),
        rs.getString("payment_reference"),
        rs.getInt("version"));
  }

  private static Instant at(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
