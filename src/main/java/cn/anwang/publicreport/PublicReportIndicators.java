package cn.anwang.publicreport;

import java.time.Instant;
import java.util.List;

/**
 * The public-report figures of a division subtree over a period, for the dispatch centre and the
 * assessment: counted over the reports <em>submitted</em> in the period (a cohort), whatever
 * happened to them since, so a period's figures only grow towards their final value.
 *
 * <ul>
 *   <li><b>received</b>: reports submitted in the period (web and Open311);
 *   <li><b>verified</b>: of those, verified by the street (each became a case);
 *   <li><b>merged</b>: merged into another report as duplicates;
 *   <li><b>rejected</b>: not accepted, by the street or because their case was voided;
 *   <li><b>converted</b>: whose matter became a case, their own or, for a duplicate, their
 *       primary's;
 *   <li><b>closed</b>: whose case closed;
 *   <li><b>medianHoursToVerification</b> / <b>medianHoursToClosure</b>: from submission, over the
 *       verified / closed ones (null when there are none);
 *   <li><b>rewardsApproved</b>: of those, rewarded with a district's approval (whatever happened
 *       after: claimed, paid or expired); <b>rewardsPaid</b> and <b>rewardYuanPaid</b>: paid, and
 *       the yuan paid.
 * </ul>
 */
public interface PublicReportIndicators {

  record Figures(
      long received,
      long verified,
      long merged,
      long rejected,
      long converted,
      long closed,
      Double medianHoursToVerification,
      Double medianHoursToClosure,
      long rewardsApproved,
      long rewardsPaid,
      long rewardYuanPaid) {}

  record Group(String code, Figures figures) {}

  record Result(
      String division,
      Instant from,
      Instant to,
      Instant computedAt,
      Figures totals,
      List<Group> byStreet,
      List<Group> byDistrict) {}

  /**
   * @param division a division code (the city "12", a district, a street or a village); the caller
   *     checks scope
   * @param from start of the period, inclusive
   * @param to end of the period, exclusive
   */
  Result compute(String division, Instant from, Instant to);

  /**
   * The reports behind a median: of those submitted in the period in the subtree, the verified ones
   * (or the closed ones), with their hours from submission, newest first. Never the reporter.
   */
  List<ReportRecord> records(String division, Instant from, Instant to, boolean closed, int limit);

  /** A report behind a figure: its id, category, status, street and the hours it took. */
  record ReportRecord(
      long id,
      String category,
      String status,
      String streetCode,
      Instant submittedAt,
      double hours) {}
}
