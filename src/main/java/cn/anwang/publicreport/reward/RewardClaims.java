package cn.anwang.publicreport.reward;

import cn.anwang.publicreport.intake.TrackingCodes;
import cn.anwang.publicreport.support.ClaimRules;
import cn.anwang.shared.pii.PhoneNumbers;
import cn.anwang.shared.pii.PiiProtector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reporter's side of a reward, by tracking code and without log-in: the claim (a named reporter
 * proves it with the phone number given in the report, an anonymous one with the claim secret shown
 * at submission; five wrong answers lock the claim; after the deadline it is refused; a repeated
 * claim changes nothing) and an objection to a decision within its period.
 */
@Service
class RewardClaims {

  enum Outcome {
    CLAIMED,
    ALREADY_CLAIMED,
    WRONG_PROOF,
    LOCKED,
    EXPIRED,
    NOTHING_TO_CLAIM,
    PAYEE_NAME,
    PAYEE_ACCOUNT,
    OBJECTED,
    NO_OBJECTION,
    OBJECTION_TEXT
  }

  record Claim(String proof, String payeeName, String payeeAccount) {}

  private record Row(
      long id,
      String status,
      boolean anonymous,
      Instant deadline,
      int failed,
      String phoneEnc,
      String nameEnc,
      String secretHash,
      String code) {}

  private final JdbcClient jdbc;
  private final PiiProtector pii;
  private final RewardQueries queries;
  private final RewardEvents events;
  private final TransactionTemplate tx;

  RewardClaims(
      JdbcClient jdbc,
      PiiProtector pii,
      RewardQueries queries,
      RewardEvents events,
      TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.pii = pii;
    this.queries = queries;
    this.events = events;
    this.tx = tx;
  }

  /** Whether the report behind the code has a reward (of its own) at all. */
  Optional<String> status(String typedCode) {
    String code = TrackingCodes.normalise(typedCode);
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT w.status FROM public_reward w JOIN public_report p ON p.id = w.report_id"
                + " WHERE p.tracking_code = ?")
        .param(code)
        .query(String.class)
        .optional();
  }

  /** Whether the claim is made with a phone number (a named report) or the claim secret. */
  Optional<Boolean> anonymous(String typedCode) {
    String code = TrackingCodes.normalise(typedCode);
    return code == null
        ? Optional.empty()
        : jdbc.sql(
                "SELECT w.anonymous FROM public_reward w JOIN public_report p"
                    + " ON p.id = w.report_id WHERE p.tracking_code = ?")
            .param(code)
            .query(Boolean.class)
            .optional();
  }

  Outcome claim(String typedCode, Claim c) {
    return tx.execute(status -> claimInTx(typedCode, c));
  }

  private Outcome claimInTx(String typedCode, Claim c) {
    Optional<Row> found = lock(typedCode);
    if (found.isEmpty()) {
      return Outcome.NOTHING_TO_CLAIM;
    }
    Row r = found.get();
    if ("CLAIMED".equals(r.status()) || "PAID".equals(r.status())) {
      return Outcome.ALREADY_CLAIMED;
    }
    if ("EXPIRED".equals(r.status())
        || "APPROVED".equals(r.status()) && !r.deadline().isAfter(Instant.now())) {
      return Outcome.EXPIRED;
    }
    if (!"APPROVED".equals(r.status())) {
      return Outcome.NOTHING_TO_CLAIM;
    }
    if (r.failed() >= ClaimRules.MAX_FAILED_CLAIMS) {
      return Outcome.LOCKED;
    }
    if (!proven(r, c == null ? null : c.proof())) {
      jdbc.sql("UPDATE public_reward SET failed_claims = failed_claims + 1 WHERE id = ?")
          .param(r.id())
          .update();
      return r.failed() + 1 >= ClaimRules.MAX_FAILED_CLAIMS ? Outcome.LOCKED : Outcome.WRONG_PROOF;
    }
    String name = c.payeeName() == null ? "" : c.payeeName().strip();
    if (name.isEmpty() && !r.anonymous() && r.nameEnc() != null) {
      name = open(r.nameEnc());
    }
    if (name.isEmpty() || name.length() > 50) {
      return Outcome.PAYEE_NAME;
    }
    String account = c.payeeAccount() == null ? "" : c.payeeAccount().strip();
    if (account.length() > 60) {
      return Outcome.PAYEE_ACCOUNT;
    }
    Instant now = Instant.now();
    jdbc.sql(
            """
            UPDATE public_reward SET status = 'CLAIMED', claimed_at = ?, payee_name_enc = ?,
                   payee_account_enc = ?, version = version + 1 WHERE id = ?
            """)
        .params(Timestamp.from(now), seal(name), account.isEmpty() ? null : seal(account), r.id())
        .update();
    events.publish(queries.byId(r.id()), "REWARD_CLAIMED", null, "reporter", now);
    return Outcome.CLAIMED;
  }

  Outcome object(String typedCode, String text) {
    return tx.execute(
        status -> {
          Optional<Row> found = lock(typedCode);
          String objection = text == null ? "" : text.strip();
          if (found.isEmpty()) {
            return Outcome.NO_OBJECTION;
          }
          if (objection.isEmpty() || objection.length() > 2000) {
            return Outcome.OBJECTION_TEXT;
          }
          Instant now = Instant.now();
          int changed =
              jdbc.sql(
                      """
                      UPDATE public_reward SET objection = ?, objected_at = ?,
                             version = version + 1
                       WHERE id = ? AND objected_at IS NULL AND objection_deadline > ?
                         AND status IN ('APPROVED', 'REJECTED', 'NOT_ELIGIBLE')
                      """)
                  .params(objection, Timestamp.from(now), found.get().id(), Timestamp.from(now))
                  .update();
          if (changed == 0) {
            return Outcome.NO_OBJECTION;
          }
          events.publish(queries.byId(found.get().id()), "REWARD_OBJECTION", null, "reporter", now);
          return Outcome.OBJECTED;
        });
  }

  private boolean proven(Row r, String proof) {
    if (proof == null || proof.isBlank()) {
      return false;
    }
    if (r.anonymous()) {
      return r.secretHash() != null
          && equal(r.secretHash(), TrackingCodes.secretHash(pii, r.code(), proof));
    }
    String typed = PhoneNumbers.normalise(proof);
    return r.phoneEnc() != null && typed != null && equal(open(r.phoneEnc()), typed);
  }

  private Optional<Row> lock(String typedCode) {
    String code = TrackingCodes.normalise(typedCode);
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT w.id, w.status, w.anonymous, w.claim_deadline, w.failed_claims,
                   p.reporter_phone_enc, p.reporter_name_enc, p.claim_secret_hash, p.tracking_code
              FROM public_reward w JOIN public_report p ON p.id = w.report_id
             WHERE p.tracking_code = ? FOR UPDATE OF w
            """)
        .param(code)
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)))
        .optional();
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private String seal(String plain) {
    return Base64.getEncoder().encodeToString(pii.encrypt(plain));
  }

  private String open(String stored) {
    return pii.decrypt(Base64.getDecoder().decode(stored));
  }
}
