package cn.anwang.publicreport.reward;

import cn.anwang.casework.CaseProgressed;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Proposes a reward when a case made from a public report closes with a finding the district's rule
 * makes eligible (the case type the street verified: major hazard, illegal production, an accident
 * — which, reported by the public, was concealed). One reward per matter, for one reporter: the
 * first real-name reporter among the report and the duplicates merged into it, by submission time;
 * an anonymous one only where the district lets anonymous reporters claim (and only one who holds a
 * claim secret). A redelivered event proposes nothing new.
 */
@Component
class RewardProposer {

  private final JdbcClient jdbc;
  private final RewardRules rules;

  RewardProposer(JdbcClient jdbc, RewardRules rules) {
    this.jdbc = jdbc;
    this.rules = rules;
  }

  record Primary(
      long id,
      String district,
      String street,
      String division,
      String caseType,
      String caseNumber) {}

  record Reporter(long id, boolean anonymous, boolean named, boolean holdsSecret) {}

  // checked before the publication is stored, so only closures of reported cases are kept
  @ApplicationModuleListener(
      condition = "#e.source() == 'PUBLIC_REPORT' and #e.status() == 'CLOSED'")
  void on(CaseProgressed e) {
    if ("PUBLIC_REPORT".equals(e.source()) && "CLOSED".equals(e.status())) {
      propose(e.caseId(), e.at());
    }
  }

  /** The proposal for the case's report, if it earns one; empty when it does not (or exists). */
  Optional<Long> propose(long caseId, java.time.Instant at) {
    Optional<Primary> found =
        jdbc.sql(
                """
                SELECT id, district_code, street_code, division_code, case_type, case_number
                  FROM public_report WHERE case_id = ? AND merged_into IS NULL
                 ORDER BY id LIMIT 1
                """)
            .param(caseId)
            .query(
                (rs, n) ->
                    new Primary(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6)))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Primary p = found.get();
    String finding = finding(p.caseType());
    RewardRule rule = rules.effective(p.district());
    if (finding == null || !rule.eligibleFindings().contains(finding)) {
      return Optional.empty();
    }
    List<Reporter> reporters =
        jdbc.sql(
                """
                SELECT id, anonymous, reporter_phone_enc IS NOT NULL AS named,
                       claim_secret_hash IS NOT NULL AS secret
                  FROM public_report WHERE id = ? OR merged_into = ?
                 ORDER BY submitted_at, id
                """)
            .params(p.id(), p.id())
            .query(
                (rs, n) ->
                    new Reporter(
                        rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4)))
            .list();
    Optional<Reporter> chosen =
        reporters.stream().filter(r -> !r.anonymous() && r.named()).findFirst();
    if (chosen.isEmpty() && rule.anonymousClaim()) {
      chosen = reporters.stream().filter(r -> r.anonymous() && r.holdsSecret()).findFirst();
    }
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    Reporter r = chosen.get();
    Optional<Long> id =
        jdbc.sql(
                """
                INSERT INTO public_reward (report_id, primary_report_id, district_code, street_code,
                  division_code, case_id, case_number, finding, status, anonymous, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?)
                ON CONFLICT DO NOTHING RETURNING id
                """)
            .params(
                r.id(),
                p.id(),
                p.district(),
                p.street(),
                p.division(),
                caseId,
                p.caseNumber(),
                finding,
                r.anonymous(),
                Timestamp.from(at))
            .query(Long.class)
            .optional();
    id.ifPresent(
        x ->
            jdbc.sql(
                    "INSERT INTO public_report_event (report_id, district_code, at, kind, public,"
                        + " actor) VALUES (?, ?, ?, 'REWARD_PROPOSED', false, 'reward')")
                .params(r.id(), p.district(), Timestamp.from(at))
                .update());
    return id;
  }

  static String finding(String caseType) {
    if (caseType == null) {
      return null;
    }
    return switch (caseType) {
      case "MAJOR_HAZARD" -> "MAJOR_HAZARD";
      case "ILLEGAL_OPERATION" -> "ILLEGAL_OPERATION";
      case "ACCIDENT" -> "CONCEALED_ACCIDENT";
      default -> null;
    };
  }
}
