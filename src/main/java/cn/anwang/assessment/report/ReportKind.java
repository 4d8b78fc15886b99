package cn.anwang.assessment.report;

/** The kinds of generated assessment report. */
public enum ReportKind {
  /** A unit's indicator table for one calendar month, compared with the month before. */
  MONTHLY,
  /** A unit's indicator table for one calendar year, with each indicator month by month. */
  ANNUAL
}
