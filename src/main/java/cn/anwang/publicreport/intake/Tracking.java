package cn.anwang.publicreport.intake;

import cn.anwang.publicreport.support.ClaimRules;
import cn.anwang.shared.files.FileStore;
import cn.anwang.shared.pii.PiiProtector;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a reporter sees behind a tracking code: the status in plain words (a merged report shows the
 * status of the report it was merged into), the street's public note, the reason of a rejection,
 * and the public events. Never the reporter's identity.
 */
@Component
class Tracking {

  public record Event(Instant at, String kind, String status, String note) {}

  public record View(
      String code,
      String category,
      String status,
      boolean merged,
      Instant submittedAt,
      String address,
      String publicNote,
      String rejectReason,
      List<Event> events,
      List<Long> photos,
      Optional<RewardView> reward) {

    public String displayCode() {
      return TrackingCodes.display(code);
    }

    /** The reward can be claimed on the page now. */
    public boolean claimable() {
      return reward.map(RewardView::claimable).orElse(false);
    }
  }

  /**
   * This report's own reward (never a merged primary's): what the reporter may read of it.
   *
   * @param claimable approved, before the deadline, and not locked by wrong attempts
   * @param objectable a decision within its objection period and not yet objected to
   */
  public record RewardView(
      String status,
      Long amountYuan,
      String reason,
      Instant claimDeadline,
      Instant objectionDeadline,
      boolean anonymous,
      boolean claimable,
      boolean objectable,
      boolean objected) {}

  private final JdbcClient jdbc;
  private final FileStore files;
  private final PiiProtector pii;

  Tracking(JdbcClient jdbc, FileStore files, PiiProtector pii) {
    this.jdbc = jdbc;
    this.files = files;
    this.pii = pii;
  }

  /**
   * The claim secret of an anonymous report, once: on the confirmation page within ten minutes of
   * the submission; afterwards only its hash is kept.
   */
  Optional<String> takeClaimSecret(String code) {
    return jdbc.sql(
            """
            UPDATE public_report r SET claim_secret_enc = NULL
              FROM (SELECT id, claim_secret_enc FROM public_report WHERE tracking_code = ?
                       AND claim_secret_enc IS NOT NULL
                       AND submitted_at > now() - interval '10 minutes' FOR UPDATE) old
             WHERE r.id = old.id RETURNING old.claim_secret_enc
            """)
        .param(code)
        .query(String.class)
        .optional()
        .map(stored -> pii.decrypt(Base64.getDecoder().decode(stored)));
  }

  Optional<RewardView> reward(long reportId) {
    return jdbc.sql(
            """
            SELECT status, amount_yuan, reason, claim_deadline, objection_deadline, anonymous,
                   failed_claims, objected_at,
                   status = 'APPROVED' AND claim_deadline > now() AND failed_claims < ? AS claimable,
                   status IN ('APPROVED', 'REJECTED', 'NOT_ELIGIBLE') AND objected_at IS NULL
                     AND objection_deadline > now() AS objectable
              FROM public_reward WHERE report_id = ?
               AND status NOT IN ('PROPOSED', 'ASSESSED')
            """)
        .params(ClaimRules.MAX_FAILED_CLAIMS, reportId)
        .query(
            (rs, n) ->
                new RewardView(
                    rs.getString("status"),
                    (Long) rs.getObject("amount_yuan"),
                    rs.getString("reason"),
                    instant(rs.getTimestamp("claim_deadline")),
                    instant(rs.getTimestamp("objection_deadline")),
                    rs.getBoolean("anonymous"),
                    rs.getBoolean("claimable"),
                    rs.getBoolean("objectable"),
                    rs.getTimestamp("objected_at") != null))
        .optional();
  }

  private static Instant instant(java.sql.Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /**
   * The public copy (metadata stripped) of an approved photo of the report behind {@code typed};
   * empty for an unknown code, another report's photo, or one not approved.
   */
  Optional<PublicPhoto> photo(String typed, long photoId) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT p.public_key, p.content_type FROM public_report_photo p
              JOIN public_report r ON r.id = p.report_id
             WHERE r.tracking_code = ? AND p.id = ? AND p.approved_at IS NOT NULL
               AND p.public_key IS NOT NULL
            """)
        .params(code, photoId)
        .query(
            (rs, n) -> {
              try {
                return new PublicPhoto(rs.getString(2), files.read(rs.getString(1)));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .optional();
  }

  record PublicPhoto(String contentType, byte[] content) {}

  Optional<View> find(String typed) {
    String code = TrackingCodes.normalise(typed);
    if (code == null) {
      return Optional.empty();
    }
    record Row(
        long id,
        String category,
        String status,
        Long mergedInto,
        Instant submittedAt,
        String address,
        String note,
        String reason) {}
    Optional<Row> row =
        jdbc.sql(
                """
                SELECT r.id, r.category, coalesce(p.status, r.status) AS status, r.merged_into,
                       r.submitted_at, r.address, coalesce(p.public_note, r.public_note) AS note,
                       coalesce(p.reject_reason, r.reject_reason) AS reason
                  FROM public_report r LEFT JOIN public_report p ON p.id = r.merged_into
                 WHERE r.tracking_code = ?
                """)
            .param(code)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getLong("id"),
                        rs.getString("category"),
                        rs.getString("status"),
                        (Long) rs.getObject("merged_into"),
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("address"),
                        rs.getString("note"),
                        rs.getString("reason")))
            .optional();
    return row.map(
        r -> {
          List<Event> events =
              jdbc.sql(
                      """
                      SELECT at, kind, status, note FROM public_report_event
                       WHERE public AND (report_id = ?
                             OR report_id = ? AND kind NOT LIKE 'REWARD%')
                       ORDER BY at, id
                      """)
                  .params(r.id(), r.mergedInto() == null ? r.id() : r.mergedInto())
                  .query(
                      (rs, n) ->
                          new Event(
                              rs.getTimestamp("at").toInstant(),
                              rs.getString("kind"),
                              rs.getString("status"),
                              rs.getString("note")))
                  .list();
          return new View(
              code,
              r.category(),
              r.status(),
              r.mergedInto() != null,
              r.submittedAt(),
              r.address(),
              r.note(),
              r.reason(),
              events,
              jdbc.sql(
                      "SELECT id FROM public_report_photo WHERE report_id = ?"
                          + " AND approved_at IS NOT NULL AND public_key IS NOT NULL ORDER BY id")
                  .param(r.id())
                  .query(Long.class)
                  .list(),
              reward(r.id()));
        });
  }
}
