package cn.anwang.assessment.report;

/**
 * One section of a generated report: a Spring bean contributes a {@link ReportBlock} to the kinds
 * it applies to, in {@link #order()}. A later section (the annual score sheet, for one) is a new
 * bean; neither the generator nor the XLSX and PDF writers change.
 */
public interface ReportSection {

  /** Sections appear in ascending order: summary 0, table 100, trend 200, definitions 900. */
  int order();

  boolean appliesTo(ReportKind kind);

  /** The section's block, from the context only (never a typed-in figure). */
  ReportBlock render(ReportContext context);
}
