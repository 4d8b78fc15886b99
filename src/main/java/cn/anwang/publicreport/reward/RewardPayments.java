package cn.anwang.publicreport.reward;

import cn.anwang.identity.Actor;
import cn.anwang.identity.AuditLog;
import cn.anwang.shared.pii.PiiProtector;
import cn.anwang.shared.web.ApiProblems;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payment of a claimed reward (method, voucher reference, when) and the payee the district
 * pays: shown only to district and city administrators, on request, every view audited before the
 * answer leaves.
 */
@Service
class RewardPayments {

  static final Set<String> METHODS = Set.of("BANK_TRANSFER", "CASH", "OTHER");

  record Pay(String method, String reference, Instant paidAt) {}

  /** Who is paid: the payee as claimed, and for a named report the reporter as reported. */
  record Payee(
      boolean anonymous,
      String payeeName,
      String payeeAccount,
      String reporterName,
      String reporterPhone) {}

  private final RewardAccess access;
  private final RewardQueries queries;
  private final RewardEvents events;
  private final JdbcClient jdbc;
  private final PiiProtector pii;
  private final AuditLog audit;

  RewardPayments(
      RewardAccess access,
      RewardQueries queries,
      RewardEvents events,
      JdbcClient jdbc,
      PiiProtector pii,
      AuditLog audit) {
    this.access = access;
    this.queries = queries;
    this.events = events;
    this.jdbc = jdbc;
    this.pii = pii;
    this.audit = audit;
  }

  @Transactional
  RewardQueries.Reward pay(long id, Pay cmd) {
    Actor actor = access.decider();
    RewardQueries.Reward r = queries.lock(id, actor);
    if ("PAID".equals(r.status())) {
      return r; // a repeated payment record: it is already paid
    }
    RewardDecisions.require(r, Set.of("CLAIMED"));
    if (cmd == null || cmd.method() == null || !METHODS.contains(cmd.method())) {
      throw ApiProblems.unprocessable("method", "BANK_TRANSFER, CASH or OTHER");
    }
    String reference = cmd.reference() == null ? null : cmd.reference().strip();
    if ("BANK_TRANSFER".equals(cmd.method()) && (reference == null || reference.isEmpty())) {
      throw ApiProblems.unprocessable("reference", "a bank transfer needs its voucher number");
    }
    if (reference != null && reference.length() > 100) {
      throw ApiProblems.unprocessable("reference", "at most 100 characters");
    }
    Instant now = Instant.now();
    Instant paidAt = cmd.paidAt() == null ? now : cmd.paidAt();
    if (paidAt.isAfter(now) || paidAt.isBefore(r.claimedAt())) {
      throw ApiProblems.unprocessable("paidAt", "between the claim and now");
    }
    jdbc.sql(
            """
            UPDATE public_reward SET status = 'PAID', paid_by = ?, paid_at = ?,
                   payment_method = ?, payment_reference = ?, version = version + 1
             WHERE id = ?
            """)
        .params(actor.username(), Timestamp.from(paidAt), cmd.method(), reference, id)
        .update();
    events.publish(r, "REWARD_PAID", null, actor.username(), paidAt);
    audit.record(
        "public-reward.pay",
        "public_reward",
        Long.toString(id),
        r.divisionCode(),
        Map.of("status", r.status()),
        Map.of(
            "status",
            "PAID",
            "method",
            cmd.method(),
            "reference",
            reference == null ? "" : reference,
            "amountYuan",
            r.amountYuan()));
    return queries.get(id, actor);
  }

  @Transactional
  Payee payee(long id) {
    Actor actor = access.decider();
    RewardQueries.Reward r = queries.lock(id, actor);
    Payee payee =
        jdbc.sql(
                """
                SELECT w.anonymous, w.payee_name_enc, w.payee_account_enc,
                       p.reporter_name_enc, p.reporter_phone_enc
                  FROM public_reward w JOIN public_report p ON p.id = w.report_id WHERE w.id = ?
                """)
            .param(id)
            .query(
                (rs, n) ->
                    new Payee(
                        rs.getBoolean(1),
                        open(rs.getString(2)),
                        open(rs.getString(3)),
                        open(rs.getString(4)),
                        open(rs.getString(5))))
            .single();
    audit.record(
        "public-reward.payee.view",
        "public_reward",
        Long.toString(id),
        r.divisionCode(),
        null,
        Map.of("status", r.status()));
    return payee;
  }

  private String open(String stored) {
    return stored == null ? null : pii.decrypt(Base64.getDecoder().decode(stored));
  }
}
